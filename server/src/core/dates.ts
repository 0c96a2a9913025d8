/**
 * Dates as practitioners write them in headings and bold lines: 14/03/2026, 14.03.26,
 * 2026-03-14, 14 March 2026, Mon 14th March. Used to recognise entry headings; reading a date
 * into its parts is calendar.ts's job.
 */
import { firstDate, MONTHS } from './calendar';

export const DATE_PATTERN = new RegExp(
  [
    String.raw`\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b`,
    String.raw`\b\d{4}-\d{2}-\d{2}\b`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+(?:${MONTHS})\.?(?:\s+\d{2,4})?\b`,
    String.raw`\b(?:${MONTHS})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b`,
  ].join('|'),
  'i',
);

export function hasDate(text: string): boolean {
  return DATE_PATTERN.test(text);
}

/** The first whole date in the text as [year, month, day], or null. Two-digit years are 20xx. */
export function parseDate(text: string): [number, number, number] | null {
  for (let from = 0; ; ) {
    const date = firstDate(text.slice(from));
    if (!date) return null;
    if (date.year !== null) return [date.year, date.month, date.day];
    from += date.end;
  }
}

/**
 * Dates as practitioners write them in headings and bold lines: 14/03/2026, 14.03.26,
 * 2026-03-14, 14 March 2026, Mon 14th March. Used to recognise entry headings.
 */
const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

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

/** The first date in the text as [year, month, day], or null. Two-digit years are 20xx. */
export function parseDate(text: string): [number, number, number] | null {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  const dmy = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})\b/.exec(text);
  if (dmy) {
    const year = Number(dmy[3]);
    return [year < 100 ? 2000 + year : year, Number(dmy[2]), Number(dmy[1])];
  }
  const named = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTHS})\.?\s+(\d{4})\b`, 'i').exec(text);
  if (named) {
    const month = MONTHS.split('|').findIndex((m) => new RegExp(`^(?:${m})$`, 'i').test(named[2])) + 1;
    return [Number(named[3]), month, Number(named[1])];
  }
  return null;
}

/**
 * Small helpers for writing HTML and SVG as strings: escaping, numbers and dates in UK English,
 * and plurals. Every piece of text that reaches the report passes through `esc`, so a file name
 * or a message can never become markup.
 */

export function esc(value: string | number): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const NUMBER = new Intl.NumberFormat('en-GB');

export function num(value: number): string {
  return NUMBER.format(value);
}

/** "1 finding", "2,300 findings". */
export function count(value: number, one: string, many = `${one}s`): string {
  return `${num(value)} ${value === 1 ? one : many}`;
}

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "14 May 2026", in the reader's local calendar. */
export function longDate(date: Date): string {
  return `${date.getDate()} ${MONTH_NAMES[date.getMonth()]} ${date.getFullYear()}`;
}

/** "opinion-as-fact" → "Opinion as fact": a readable name for a check in charts and headings. */
export function ruleName(id: string): string {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Information' } as const;

/**
 * Dates as practitioners write them, read into their parts and into day numbers (for entry dates
 * in reports and for late recording), and the working days between two of them. Working days skip Saturdays, Sundays and the bank holidays in the rule's word list
 * (`bankHolidays`, England and Wales 2020–2030, extendable from `.caselintrc.json`).
 *
 * Every pattern here is bounded (no nested repetition), so it runs in linear time on any input.
 */

/** A calendar date, its year possibly unknown ("21/03"). */
export interface WrittenDate {
  year: number | null;
  month: number;
  day: number;
  /** Offsets of the date within the searched text. */
  index: number;
  end: number;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Month names and their usual abbreviations, as a pattern. */
export const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const WEEKDAY = String.raw`(?:(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?,?\s+)?`;

/** The date forms, in one alternation; groups are read by `fromMatch`. */
const DATE_BODY = [
  // 2026-03-14
  String.raw`(\d{4})-(\d{1,2})-(\d{1,2})`,
  // 14/03/2026, 14.03.26, 14-03-2026, and year-less 14/03 (slash only: "10.30" is a time)
  String.raw`(\d{1,2})([/.-])(\d{1,2})(?:\5(\d{4}|\d{2}))?`,
  // 14 March 2026, 14th of March, 14 Mar. 26
  String.raw`(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTHS})\.?,?(?:\s+(\d{4}|'?\d{2}(?![\d:.])))?`,
  // March 14, 2026 / March 14th 2026 (only with a year: "may 20" is too often a verb and a number)
  String.raw`(${MONTHS})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})`,
].join('|');

const NOT_AFTER = String.raw`(?![\w/]|[.-]\d)`;

/** A date starting exactly at the search position (after an optional weekday). */
const DATE_HERE = new RegExp(String.raw`${WEEKDAY}(?:${DATE_BODY})${NOT_AFTER}`, 'iy');
/** Any date in a text. */
const DATE_ANYWHERE = new RegExp(String.raw`(?<![\w/.-])${WEEKDAY}(?:${DATE_BODY})${NOT_AFTER}`, 'gi');

function year2(text: string | undefined): number | null {
  if (!text) return null;
  const n = Number(text.replace("'", ''));
  return text.replace("'", '').length <= 2 ? 2000 + n : n;
}

function fromMatch(m: RegExpExecArray, base: number): WrittenDate | null {
  let year: number | null;
  let month: number;
  let day: number;
  if (m[1]) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if (m[4]) {
    // Year-less dates must use a slash: "14.03" and "14-03" are too often times or ranges.
    if (!m[7] && m[5] !== '/') return null;
    [year, month, day] = [year2(m[7]), Number(m[6]), Number(m[4])];
  } else if (m[8]) {
    [year, month, day] = [year2(m[10]), monthOf(m[9]), Number(m[8])];
  } else {
    [year, month, day] = [Number(m[13]), monthOf(m[11]), Number(m[12])];
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (year !== null && (year < 1990 || year > 2100 || day > daysInMonth(year, month))) return null;
  if (year === null && day > daysInMonth(2024, month)) return null;
  return { year, month, day, index: base + m.index, end: base + m.index + m[0].length };
}

function monthOf(name: string): number {
  return MONTH_NAMES.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The date written at `at` in the text (after an optional weekday), or null. */
export function dateAt(text: string, at: number): WrittenDate | null {
  DATE_HERE.lastIndex = at;
  const m = DATE_HERE.exec(text);
  return m ? fromMatch(m, 0) : null;
}

/** The first valid date in the text, or null. */
export function firstDate(text: string): WrittenDate | null {
  DATE_ANYWHERE.lastIndex = 0;
  for (let m = DATE_ANYWHERE.exec(text); m; m = DATE_ANYWHERE.exec(text)) {
    const date = fromMatch(m, 0);
    if (date) return date;
  }
  return null;
}

/** Days since 1970-01-01 (UTC), so dates compare and subtract as numbers. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

export function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** 14/03/2026: how the messages write a date back, in the UK order practitioners use. */
export function ukDate(day: number): string {
  const [y, m, d] = isoOf(day).split('-');
  return `${d}/${m}/${y}`;
}

/** A date from front matter: YAML may give a string ("2026-03-14", "14/03/2026") or a Date. */
export function frontMatterDay(value: unknown): number | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return dayNumber(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const date = firstDate(String(value));
  return date && date.year !== null ? dayNumber(date.year, date.month, date.day) : null;
}

/**
 * The day a year-less recorded date ("written up 21/03") falls on: in the contact's year, or the
 * next year when the contact was late in December and the record early in January.
 */
export function resolveYear(date: WrittenDate, contactDay: number): number {
  if (date.year !== null) return dayNumber(date.year, date.month, date.day);
  const contactYear = new Date(contactDay * 86_400_000).getUTCFullYear();
  const same = dayNumber(contactYear, date.month, date.day);
  const next = dayNumber(contactYear + 1, date.month, date.day);
  return same < contactDay && next - contactDay <= 62 ? next : same;
}

const holidayCache = new WeakMap<readonly string[], Set<number>>();

function holidays(list: readonly string[]): Set<number> {
  let set = holidayCache.get(list);
  if (!set) {
    set = new Set();
    for (const entry of list) {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(entry.trim());
      if (m) set.add(dayNumber(Number(m[1]), Number(m[2]), Number(m[3])));
    }
    holidayCache.set(list, set);
  }
  return set;
}

/** Longest gap counted day by day (ten years); beyond it the count is an estimate. */
const MAX_SPAN = 3660;

/**
 * Working days after the contact up to and including the day of recording: a visit on Friday
 * written up on Monday is one working day late; written up the same day, none.
 */
export function workingDaysBetween(contactDay: number, recordedDay: number, bankHolidays: readonly string[]): number {
  const closed = holidays(bankHolidays);
  const last = Math.min(recordedDay, contactDay + MAX_SPAN);
  let count = 0;
  for (let d = contactDay + 1; d <= last; d++) {
    const weekday = (d + 4) % 7; // 1970-01-01 was a Thursday (4); 0 is Sunday
    if (weekday !== 0 && weekday !== 6 && !closed.has(d)) count++;
  }
  if (recordedDay > last) count += Math.round(((recordedDay - last) * 5) / 7);
  return count;
}

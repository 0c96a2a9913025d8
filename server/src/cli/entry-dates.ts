/**
 * Which dated entry a finding falls in, so the audit report can show findings over time. Only
 * entries (contact headings and bold date lines) are dated: a note without entry headings has a
 * "file" scope whose title is its opening line, and a date there is as likely a date of birth or
 * a plan's start as the date of the record, so such findings count as undated.
 */
import type { CaseNote, Scope } from '../core/document';
import { parseDate } from '../core/dates';

/** Returns a lookup from a UTF-16 offset to the ISO date (YYYY-MM-DD) of its entry, if any. */
export function entryDateLookup(note: CaseNote): (offset: number) => string | undefined {
  const entries = note.scopes
    .filter((scope) => scope.kind === 'entry')
    .map((scope) => ({ start: scope.start, end: scope.end, date: isoDate(scope) }))
    .sort((a, b) => a.start - b.start);
  return (offset) => {
    // Entries never overlap, so a binary search on their starts finds the only candidate.
    let low = 0;
    let high = entries.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const entry = entries[mid];
      if (offset < entry.start) high = mid - 1;
      else if (offset >= entry.end) low = mid + 1;
      else return entry.date;
    }
    return undefined;
  };
}

function isoDate(scope: Scope): string | undefined {
  const parsed = parseDate(scope.title);
  if (!parsed) return undefined;
  const [year, month, day] = parsed;
  // A heading such as "31/02/2026" or "12/13/2026" is a typing slip, not a date to plot.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 2199 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

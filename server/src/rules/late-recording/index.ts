/**
 * late-recording: a record written up more than a set number of working days (default 3) after
 * the contact it records. Weekends and England and Wales bank holidays are not working days.
 *
 * Where the dates come from:
 * - front matter: `date_of_contact` and `date_recorded` (and their usual variants);
 * - an entry: its date (heading or bold date line, or a "Date of visit:" line) and a recorded date
 *   written in the entry ("Recorded: 20/03/2026", "Date recorded 20.03.26", "(written up 21/03)");
 *   a year-less recorded date takes the entry's year;
 * - a table from a case system with a "Date recorded" column beside a date column: each row.
 *
 * Not flagged: records within the limit, records with no recorded date, a recorded date before
 * the contact (a typo to check, not lateness), and dates written for other events (only a date
 * labelled as the recording date counts).
 *
 * A late record that says why ("Reason for late recording: …", which the quick fix inserts) is
 * accepted: the delay is on the record and explained, which is what a reader needs. The rule
 * then stays quiet, and `unfilled-placeholder` keeps the template visible until it is filled.
 */
import type { FixSpec, RuleContext, RuleDefinition, RuleReport } from '../rule';
import type { CaseNote, Scope } from '../../core/document';
import type { TextBlock } from '../../core/markdown';
import type { Lexicon } from '../../core/types';
import { entryPattern, findAll } from '../../core/text';
import { dateAt, dayNumber, firstDate, frontMatterDay, resolveYear, ukDate, workingDaysBetween, type WrittenDate } from '../../core/calendar';
import lexiconData from './lexicon.json';
import { remembered } from '../../core/reuse';

const DEFAULT_WORKING_DAYS = 3;

/** A recorded date found in a block of prose. Offsets are plain-text indices of the block. */
interface RecordedMention {
  labelIndex: number;
  date: WrittenDate;
}

/** A contact date written under a label ("Date of visit: 14/03/2026"). */
interface ContactMention {
  labelIndex: number;
  date: WrittenDate;
  label: string;
}

interface BlockDates {
  recorded: RecordedMention[];
  contact: ContactMention[];
  reason: boolean;
}

/** A whole-word pattern for a label list; "re:" entries are regular expressions. */
function labelSource(words: readonly string[]): string {
  const sorted = [...words].sort((a, b) => b.length - a.length);
  const alternatives = sorted.map((w) => (w.startsWith('re:') ? `(?:${w.slice(3)})` : entryPattern(w)));
  return `(?<![\\w'’-])(?:${alternatives.join('|') || '(?!)'})(?![\\w'’])`;
}

interface Patterns {
  recorded: RegExp;
  clause: RegExp;
  /** "Recorded by …": the date may follow the name, on the same line. */
  by: RegExp;
  contact: RegExp;
  /** Whole header cells of a table that name the recording date, or the contact date. */
  recordedHeader: RegExp;
  contactHeader: RegExp;
  cache: Map<string, BlockDates>;
}

const patternCache = new WeakMap<Lexicon, Patterns>();

function patternsFor(lexicon: Lexicon): Patterns {
  let p = patternCache.get(lexicon);
  if (!p) {
    const recorded = lexicon.recordedLabels ?? [];
    const clause = lexicon.clauseLabels ?? [];
    const contact = lexicon.contactLabels ?? [];
    const plainOnly = (list: readonly string[]) => list.filter((w) => !w.startsWith('re:'));
    p = {
      recorded: new RegExp(labelSource(recorded), 'gi'),
      clause: new RegExp(labelSource(clause), 'gi'),
      by: new RegExp(labelSource(lexicon.byLabels ?? []), 'gi'),
      contact: new RegExp(labelSource(contact), 'gi'),
      recordedHeader: new RegExp(`^(?:${[...plainOnly(recorded), ...plainOnly(clause)].map(entryPattern).join('|') || '(?!)'})$`, 'i'),
      contactHeader: new RegExp(`^(?:${[...plainOnly(contact), 'date of event', 'event date', 'when'].map(entryPattern).join('|')})$`, 'i'),
      cache: new Map(),
    };
    patternCache.set(lexicon, p);
  }
  return p;
}

/** After a label: optional colon or dash, "on", "the", then the date. */
const SEPARATOR = /\s*\)?\s*(?:[:=–—-]\s*)?(?:(?:(?:on|onto|to|in)\s+)?(?:the\s+)?(?:system|database|case file|file|record|carefirst|mosaic|liquidlogic|lcs|eclipse|cpoms|myconcern|systmone|emis|rio)\s*[:,–—-]?\s*)?(?:(?:on|dated|date)\s+)?(?:the\s+)?/y;

function dateAfter(plain: string, at: number): WrittenDate | null {
  SEPARATOR.lastIndex = at;
  const sep = SEPARATOR.exec(plain);
  return dateAt(plain, sep ? at + sep[0].length : at);
}

/** The label starts a clause: at the start of the block or a line, or after a bracket or punctuation. */
function clauseStart(block: TextBlock, text: string, index: number): boolean {
  const before = block.plain.slice(Math.max(0, index - 40), index).trimEnd();
  if (!before || /[([|;,:.—–-]$/.test(before)) return true;
  // Start of a source line, after list markers or emphasis only.
  let s = block.map[index] - 1;
  while (s >= 0 && /[ \t*_>#+\-\d.)]/.test(text[s]) && text[s] !== '\n') s--;
  return s < 0 || text[s] === '\n' || text[s] === '\r';
}

const BLOCK_CACHE_LIMIT = 4000;

/** The labelled dates in one block, cached by its text (the source offsets are not needed). */
const NO_DATES: BlockDates = Object.freeze({ recorded: [], contact: [], reason: false }) as BlockDates;
const NO_DATES_REASON: BlockDates = Object.freeze({ recorded: [], contact: [], reason: true }) as BlockDates;

function datesIn(block: TextBlock, note: CaseNote, lexicon: Lexicon, p: Patterns): BlockDates {
  // Most prose has no digits and no month names: nothing to read but a possible reason line.
  if (!/\d/.test(block.plain)) {
    const reason = /reason|late/i.test(block.plain) && findAll(lexicon.lateReasons ?? [], block.plain).length > 0;
    return reason ? NO_DATES_REASON : NO_DATES;
  }
  // The line-start test reads the source, so the key keeps where the block's lines begin.
  return remembered(p.cache, BLOCK_CACHE_LIMIT, () => `${block.plain}\u0000${lineStarts(block, note.text)}`, () => readDates(block, note, lexicon, p));
}

function readDates(block: TextBlock, note: CaseNote, lexicon: Lexicon, p: Patterns): BlockDates {
  const plain = block.plain;
  const recorded: RecordedMention[] = [];
  const seen = new Set<number>();
  const take = (re: RegExp, needsClause: boolean) => {
    re.lastIndex = 0;
    for (let m = re.exec(plain); m; m = re.exec(plain)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      // A clause label must start a clause, unless it is a field label ("… **Recorded:** 20/03").
      if (needsClause && !clauseStart(block, note.text, m.index) && plain[m.index + m[0].length] !== ':') continue;
      const date = dateAfter(plain, m.index + m[0].length);
      if (date && !seen.has(date.index)) {
        seen.add(date.index);
        recorded.push({ labelIndex: m.index, date });
      }
    }
  };
  take(p.recorded, false);
  take(p.clause, true);
  // "Recorded by Mrs Grant (DSL) on 14/03/2026": the first date later on the same line.
  p.by.lastIndex = 0;
  for (let m = p.by.exec(plain); m; m = p.by.exec(plain)) {
    if (!clauseStart(block, note.text, m.index)) continue;
    const from = m.index + m[0].length;
    const rest = plain.slice(from, sameLineEnd(block, note.text, from, 100));
    const date = firstDate(rest);
    if (date && !seen.has(from + date.index)) {
      seen.add(from + date.index);
      recorded.push({ labelIndex: m.index, date: { ...date, index: from + date.index, end: from + date.end } });
    }
  }
  recorded.sort((a, b) => a.labelIndex - b.labelIndex);

  const contact: ContactMention[] = [];
  p.contact.lastIndex = 0;
  for (let m = p.contact.exec(plain); m; m = p.contact.exec(plain)) {
    if (m[0].length === 0) {
      p.contact.lastIndex++;
      continue;
    }
    // A contact label is a field: it starts a clause and is followed by a colon or dash, unless it
    // says "date" or "on" ("Date of visit 14/03", "written up 20/03 re visit on 14/03").
    if (!clauseStart(block, note.text, m.index) && !/\b(?:re|for|of|following|after|from)\s*$/i.test(plain.slice(Math.max(0, m.index - 12), m.index))) continue;
    const after = plain.slice(m.index + m[0].length, m.index + m[0].length + 4);
    if (!/date|\bon$/i.test(m[0]) && !/^\s*[:–—-]/.test(after)) continue;
    const date = dateAfter(plain, m.index + m[0].length);
    if (date && !seen.has(date.index)) contact.push({ labelIndex: m.index, date, label: m[0] });
  }
  const reason = findAll(lexicon.lateReasons ?? [], plain).length > 0;
  return { recorded, contact, reason };
}

/** The plain index where the source line holding `from` ends, at most `max` characters on. */
function sameLineEnd(block: TextBlock, text: string, from: number, max: number): number {
  const limit = Math.min(block.plain.length, from + max);
  for (let i = from; i < limit; i++) {
    const c = text[block.map[i]];
    if (c === '\n' || c === '\r') return i;
  }
  return limit;
}

/** Plain indices where the block's source lines begin, as a short key. */
function lineStarts(block: TextBlock, text: string): string {
  const out: number[] = [];
  for (let i = 1; i < block.plain.length; i++) {
    const c = text[block.map[i] - 1];
    if (c === '\n' || c === '\r') out.push(i);
  }
  return out.join(',');
}

function workingDaysLimit(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : DEFAULT_WORKING_DAYS;
}

/** What kind of contact the entry records, for the message: "visit", "meeting", "call" or "contact". */
function contactKind(...texts: string[]): string {
  for (const t of texts) {
    if (/\bvisit|\bh\/v\b/i.test(t)) return 'visit';
    if (/\b(?:meeting|conference|core group|strategy|panel|review)\b/i.test(t)) return 'meeting';
    if (/\b(?:call|phone|telephone|t\/c|rang)\b/i.test(t)) return 'call';
    if (/\bsession\b/i.test(t)) return 'session';
    if (/\bsupervision\b/i.test(t)) return 'supervision';
  }
  return 'contact';
}

const plural = (n: number) => `${n} working day${n === 1 ? '' : 's'}`;

function lateMessage(recorded: number, contact: number, days: number, limit: number, kind: string): { message: string; redactedMessage: string } {
  const tail = `records should be made within ${plural(limit)}, while memories are fresh. If the delay could not be avoided, record why.`;
  return {
    message: `Written up on ${ukDate(recorded)}, ${plural(days)} after the ${kind} on ${ukDate(contact)}; ${tail}`,
    redactedMessage: `Written up ${plural(days)} after the ${kind}; ${tail}`,
  };
}

const REASON_TEMPLATE = 'Reason for late recording: [why this was written up late, and anything that may need checking because of the delay]';

function eolOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

/** The fix: a "Reason for late recording" line right after the line holding the recorded date. */
function reasonFix(note: CaseNote, at: number, block: TextBlock | null): FixSpec {
  const text = note.text;
  const eol = eolOf(text);
  const line = note.lines.lineOf(at);
  const start = note.lines.lineStart(line);
  const end = note.lines.lineEnd(line);
  const lineText = text.slice(start, end);
  const title = 'Add the reason for late recording';
  if (block?.kind === 'cell') {
    // Inside the table row: at the end of the last cell, before its closing pipe.
    const close = /\|\s*$/.exec(lineText);
    const pos = close ? start + close.index : end;
    return { title, isPreferred: true, edits: [{ start: pos, end: pos, newText: ` ${REASON_TEMPLATE} ` }] };
  }
  const bold = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?\*\*/.test(lineText);
  const reason = bold ? REASON_TEMPLATE.replace(/^(Reason for late recording:)/, '**$1**') : REASON_TEMPLATE;
  const marker = /^(\s*(?:[-*+]|\d+[.)])\s+)/.exec(lineText);
  if (block?.listItem && marker) {
    const bullet = marker[1].replace(/\d+/, (n) => String(Number(n) + 1));
    return { title, isPreferred: true, edits: [{ start: end, end, newText: `${eol}${bullet}${reason}` }] };
  }
  const nextStart = end + (text.startsWith('\r\n', end) ? 2 : end < text.length ? 1 : 0);
  const nextLine = nextStart < text.length ? text.slice(nextStart, note.lines.lineEnd(note.lines.lineOf(nextStart))) : '';
  const nextBlank = nextStart >= text.length || !nextLine.trim();
  const ownParagraph = !block || block.kind === 'heading' || block.allBold;
  if (!ownParagraph && !nextBlank) {
    // A line inside a block of fields ("Recorded: …" above "Present: …"): one more field.
    return { title, isPreferred: true, edits: [{ start: end, end, newText: `${eol}${reason}` }] };
  }
  return { title, isPreferred: true, edits: [{ start: end, end, newText: `${eol}${eol}${reason}${nextBlank ? '' : eol}` }] };
}

/** For front matter: the reason goes at the top of the body, after a title heading if there is one. */
function frontMatterFix(note: CaseNote, bodyStart: number): FixSpec {
  const first = note.blocks.find((b) => b.start >= bodyStart);
  if (first && first.kind === 'heading') return reasonFix(note, first.start, first);
  const eol = eolOf(note.text);
  const at = first ? first.start : note.text.length;
  const tail = first ? `${eol}${eol}` : eol;
  return { title: 'Add the reason for late recording', isPreferred: true, edits: [{ start: at, end: at, newText: `${REASON_TEMPLATE}${tail}` }] };
}

const keyOf = (key: string) => key.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** The first of the keys (in the list's order of preference) present in the front matter. */
function frontMatterValue(fm: Record<string, unknown>, keys: readonly string[]): unknown {
  const present = new Map(Object.keys(fm).map((k) => [keyOf(k), fm[k]]));
  for (const key of keys) if (present.has(key)) return present.get(key);
  return undefined;
}

/** Where the front matter ends, and the line of one of its keys. */
function frontMatterSpan(text: string): number {
  const m = /^---[ \t]*\r?\n(?:[^\n]*\n){0,400}?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  return m ? m[0].length : 0;
}

function frontMatterKeyLine(text: string, fmEnd: number, keys: readonly string[]): { start: number; end: number } | null {
  const re = /^[ \t]*([\w][\w -]{0,60}?)[ \t]*:/gm;
  const head = text.slice(0, fmEnd);
  for (let m = re.exec(head); m; m = re.exec(head)) {
    if (keys.includes(keyOf(m[1]))) {
      const lineEnd = head.indexOf('\n', m.index);
      return { start: m.index + (m[0].length - m[0].trimStart().length), end: (lineEnd < 0 ? head.length : lineEnd) - (head[lineEnd - 1] === '\r' ? 1 : 0) };
    }
  }
  return null;
}

interface Located {
  block: TextBlock;
  blockIndex: number;
  dates: BlockDates;
}

export const lateRecording: RuleDefinition = {
  id: 'late-recording',
  defaultSeverity: 'warning',
  lexicon: lexiconData,
  options: {
    workingDays: {
      default: DEFAULT_WORKING_DAYS,
      description: 'How many working days after a contact the record may be written up before it counts as late. Saturdays, Sundays and bank holidays (the bankHolidays list) do not count.',
    },
  },
  docs: {
    description: 'Finds records written up more than a set number of working days (3 unless configured) after the visit, call or meeting they record.',
    why: 'A record written days after the visit is written from memory, and memory fades and reshapes what happened: the child\'s exact words, who was in the room, what the home was like. Late records are also the ones a manager, a duty worker or a court cannot rely on when they need them. Record as you go. If a record has to be late, say so and say why in a line of its own ("Reason for late recording: …"), so the reader knows how much weight it can bear; a late record that gives its reason is not flagged.',
    guidance: [
      { source: 'Local safeguarding partnership key principles, 2.5.1 Record keeping', passage: 'An individual agency\'s or practitioner\'s records should be clear, accurate and contemporaneous, ensuring that there is a documented account of contact with a child or family.' },
      { source: 'The 10 principles from serious case reviews, 1a: Case records are out of date', passage: 'Record information as you go along and don\'t let it accumulate. Keeping information in your head to record at a later date may result in key information being forgotten.' },
      { source: 'The 10 principles from serious case reviews, 1a', passage: 'Plan your recording, and allocate time to record and minimise interruptions and diversions.' },
    ],
    examples: [
      {
        poor: '## 12/03/2026 Home visit\n\n**Recorded:** 19/03/2026\n\nSaw Ava and Ms Hart at home...',
        good: '## 12/03/2026 Home visit\n\n**Recorded:** 13/03/2026\n\nSaw Ava and Ms Hart at home...',
      },
      {
        poor: '---\ndate_of_contact: 2026-03-05\ndate_recorded: 2026-03-16\n---',
        good: '---\ndate_of_contact: 2026-03-05\ndate_recorded: 2026-03-16\n---\n\nReason for late recording: I was off sick from 06/03 to 13/03; the visit notes taken at the time were used and Ms Hart was asked to check the dates of the hospital appointments.',
      },
    ],
  },
  check({ note, lexicon, options }: RuleContext): RuleReport[] {
    const limit = workingDaysLimit(options.workingDays);
    const bankHolidays = lexicon.bankHolidays ?? [];
    const p = patternsFor(lexicon);
    const reports: RuleReport[] = [];
    const text = note.text;
    const fm = note.frontMatter;
    const fmContact = frontMatterDay(frontMatterValue(fm, lexicon.frontMatterContact ?? []));
    const fmRecordedValue = frontMatterValue(fm, lexicon.frontMatterRecorded ?? []);
    const fmRecorded = frontMatterDay(fmRecordedValue);
    const fmEnd = fmRecordedValue !== undefined || fmContact !== null ? frontMatterSpan(text) : 0;
    const fmReason = frontMatterValue(fm, (lexicon.lateReasons ?? []).map((w) => w.replace(/\s+/g, '_'))) !== undefined;

    // Labelled dates in every block of prose (table cells are read per row below).
    const located: Located[] = [];
    note.blocks.forEach((block, blockIndex) => {
      if (block.kind === 'cell') return;
      located.push({ block, blockIndex, dates: datesIn(block, note, lexicon, p) });
    });
    const anyReason = fmReason || located.some((l) => l.dates.reason);

    // Front matter: the recorded date against the contact date, or the one dated entry.
    let frontMatterPaired = false;
    if (fmRecorded !== null) {
      const entries = note.scopes.filter((s) => s.kind === 'entry');
      const entryDate = entries.length === 1 ? firstDate(entries[0].title) : null;
      const contact = fmContact ?? (entryDate && entryDate.year !== null ? dayNumber(entryDate.year, entryDate.month, entryDate.day) : null);
      if (contact !== null) {
        frontMatterPaired = true;
        const days = workingDaysBetween(contact, fmRecorded, bankHolidays);
        const where = frontMatterKeyLine(text, fmEnd, lexicon.frontMatterRecorded ?? []);
        if (fmRecorded > contact && days > limit && !anyReason && where) {
          const recordType = typeof fm.record_type === 'string' ? fm.record_type : '';
          reports.push({
            start: where.start,
            end: where.end,
            ...lateMessage(fmRecorded, contact, days, limit, contactKind(recordType, entries[0]?.title ?? '')),
            fixes: [frontMatterFix(note, fmEnd)],
          });
        }
      }
    }

    // Entries, the whole file, or the text between entries: recorded dates written in the body.
    let cursor = 0;
    for (const scope of note.scopes) {
      const inScope: Located[] = [];
      while (cursor < located.length && located[cursor].block.start < scope.end) {
        if (located[cursor].block.start >= scope.start) inScope.push(located[cursor]);
        cursor++;
      }
      if (!inScope.some((l) => l.dates.recorded.length)) continue;
      reports.push(...checkScope(note, scope, inScope, { limit, bankHolidays, fmContact: frontMatterPaired ? null : fmContact, recordType: typeof fm.record_type === 'string' ? fm.record_type : '' }));
    }

    reports.push(...checkTables(note, { anyReason, p, lexicon, limit, bankHolidays }));
    return reports;
  },
};

interface ScopeSettings {
  limit: number;
  bankHolidays: readonly string[];
  fmContact: number | null;
  recordType: string;
}

function toDay(date: WrittenDate, yearFrom: number | null): number | null {
  if (date.year !== null) return dayNumber(date.year, date.month, date.day);
  return yearFrom === null ? null : resolveYear(date, yearFrom);
}

/**
 * The day of a contact date. A year-less one ("Date of visit: 14/03") takes its year from the
 * entry's heading or the front matter, or else from the recorded date.
 */
function resolveContact(date: WrittenDate, recorded: WrittenDate, heading: WrittenDate | null, fmContact: number | null): number | null {
  if (date.year !== null) return dayNumber(date.year, date.month, date.day);
  if (heading?.year) return resolveYear(date, dayNumber(heading.year, heading.month, heading.day));
  if (fmContact !== null) return resolveYear(date, fmContact);
  if (recorded.year !== null) return yearBefore(date, dayNumber(recorded.year, recorded.month, recorded.day));
  return null;
}

/** A year-less contact date in the year of the recording, or the year before when it would fall after it. */
function yearBefore(date: WrittenDate, recordedDay: number): number {
  const year = new Date(recordedDay * 86_400_000).getUTCFullYear();
  const same = dayNumber(year, date.month, date.day);
  return same > recordedDay && recordedDay - dayNumber(year - 1, date.month, date.day) <= 62 ? dayNumber(year - 1, date.month, date.day) : same;
}

/** The date a plain line opens with ("14/03/2026 – Home visit"), for running records without headings. */
function leadingDate(block: TextBlock): WrittenDate | null {
  const date = firstDate(block.plain.slice(0, 40));
  return date && /^\s*(?:on\s+)?$/i.test(block.plain.slice(0, date.index)) ? date : null;
}

function checkScope(note: CaseNote, scope: Scope, inScope: Located[], s: ScopeSettings): RuleReport[] {
  const reports: RuleReport[] = [];
  const reported = new Set<number>();
  // The entry's own date: its heading, with any recorded date in the heading left out.
  const headingBlock = scope.kind === 'entry' ? inScope.find((l) => l.block.start === scope.start) : undefined;
  let headingDate: WrittenDate | null = null;
  if (scope.kind === 'entry') {
    const title = headingBlock ? maskRecorded(headingBlock) : scope.title;
    headingDate = firstDate(title);
  }
  inScope.forEach((loc, k) => {
    for (const rec of loc.dates.recorded) {
      // The contact date: a labelled one in this scope (nearest before, else the first after), the
      // entry's heading, a date line just above in a running record, or the front matter.
      let candidate: WrittenDate | null = null;
      let label = '';
      const before = inScope.slice(0, k + 1).flatMap((l) => l.dates.contact.filter((c) => l !== loc || c.labelIndex < rec.labelIndex));
      const after = inScope.slice(k).flatMap((l) => l.dates.contact.filter((c) => l !== loc || c.labelIndex > rec.labelIndex));
      const labelled = before[before.length - 1] ?? after[0];
      if (labelled) [candidate, label] = [labelled.date, labelled.label];
      else if (headingDate) candidate = headingDate;
      else if (scope.kind !== 'entry') {
        for (let j = k; j >= 0 && j >= k - 12; j--) {
          const lead = leadingDate(inScope[j].block);
          if (lead && !(j === k && lead.index === rec.date.index)) {
            [candidate, label] = [lead, inScope[j].block.plain.slice(0, 120)];
            break;
          }
        }
      }
      const contact = candidate ? resolveContact(candidate, rec.date, headingDate, s.fmContact) : s.fmContact;
      if (contact === null) continue;
      const recorded = toDay(rec.date, contact);
      if (recorded === null || recorded <= contact) continue;
      const days = workingDaysBetween(contact, recorded, s.bankHolidays);
      if (days <= s.limit || reported.has(contact)) continue;
      // A reason for the delay, in the entry (or near the line in a file without entries).
      const near = scope.kind === 'entry' ? inScope : inScope.slice(Math.max(0, k - 3), k + 4);
      if (near.some((l) => l.dates.reason)) continue;
      reported.add(contact);
      let start = loc.block.map[rec.labelIndex];
      // Take in the bold markers that open the label ("**Recorded:**").
      while (start > loc.block.start && /[*_]/.test(note.text[start - 1])) start--;
      const end = loc.block.map[rec.date.end - 1] + 1;
      reports.push({
        start,
        end,
        ...lateMessage(recorded, contact, days, s.limit, contactKind(scope.kind === 'entry' ? scope.title : '', label, s.recordType)),
        fixes: [reasonFix(note, start, loc.block)],
      });
    }
  });
  return reports;
}

/** The heading's text with its recorded dates blanked, so the contact date is the first date left. */
function maskRecorded(loc: Located): string {
  let plain = loc.block.plain;
  for (const r of loc.dates.recorded) plain = plain.slice(0, r.labelIndex) + ' '.repeat(r.date.end - r.labelIndex) + plain.slice(r.date.end);
  return plain;
}

/** One cell of a table row in the source: its text and where it starts. */
interface Cell {
  text: string;
  start: number;
}

function splitRow(line: string, base: number): Cell[] {
  const cells: Cell[] = [];
  let from = 0;
  let i = 0;
  const body = line.replace(/\s+$/, '');
  if (body.trimStart().startsWith('|')) from = i = body.indexOf('|') + 1;
  for (; i <= body.length; i++) {
    if (i === body.length || (body[i] === '|' && body[i - 1] !== '\\')) {
      if (i === body.length && from === i) break;
      cells.push({ text: body.slice(from, i), start: base + from });
      from = i + 1;
    }
  }
  return cells;
}

const stripMarkup = (cell: string) => cell.replace(/[*_`]/g, '').trim();

interface Row {
  line: number;
  lineStart: number;
  lineEnd: number;
  cells: Cell[];
  block: TextBlock;
}

/** The tables of the note, row by row, read from the source lines (empty cells keep their place). */
function tablesOf(note: CaseNote): Row[][] {
  const tables: Row[][] = [];
  let lastLine = -1;
  for (const block of note.blocks) {
    if (block.kind !== 'cell') continue;
    const line = note.lines.lineOf(block.start);
    if (line === lastLine) continue;
    lastLine = line;
    const lineStart = note.lines.lineStart(line);
    const lineEnd = note.lines.lineEnd(line);
    const row = { line, lineStart, lineEnd, cells: splitRow(note.text.slice(lineStart, lineEnd), lineStart), block };
    if (block.tableRow === 0 || !tables.length) tables.push([row]);
    else tables[tables.length - 1].push(row);
  }
  return tables;
}

interface TableSettings {
  /** A reason for late recording is written somewhere in the note's prose. */
  anyReason: boolean;
  p: Patterns;
  lexicon: Lexicon;
  limit: number;
  bankHolidays: readonly string[];
}

/**
 * Tables from case systems. A "Date recorded" column beside the contact's date column is checked
 * row by row; a two-column form ("Date of visit | 14/03/2026", "Date recorded | 20/03/2026") once.
 */
function checkTables(note: CaseNote, t: TableSettings): RuleReport[] {
  const reports: RuleReport[] = [];
  const { p } = t;
  for (const rows of tablesOf(note)) {
    const names = rows[0].cells.map((c) => stripMarkup(c.text));
    const recordedCol = names.findIndex((n) => p.recordedHeader.test(n));
    const contactCol = names.findIndex((n, i) => i !== recordedCol && p.contactHeader.test(n));
    if (recordedCol >= 0 && contactCol >= 0) {
      const kindCol = names.findIndex((n) => /^(?:type|contact type|event|activity|contact|details|summary)$/i.test(n));
      for (const row of rows.slice(1)) {
        const report = checkPair(note, t, row, row.cells[contactCol], row.cells[recordedCol], kindCol >= 0 ? row.cells[kindCol]?.text ?? '' : '');
        if (report) reports.push(report);
      }
      continue;
    }
    // A form laid out as a table: the label in the first cell, the value in the second.
    const label = (row: Row) => stripMarkup(row.cells[0]?.text ?? '').replace(/:$/, '').trim();
    const recordedRow = rows.find((r) => p.recordedHeader.test(label(r)) && r.cells[1] && firstDate(r.cells[1].text));
    const contactRow = rows.find((r) => p.contactHeader.test(label(r)) && r.cells[1] && firstDate(r.cells[1].text));
    if (recordedRow && contactRow) {
      const all = rows.map((r) => r.cells.map((c) => c.text).join(' ')).join(' ');
      const report = checkPair(note, t, recordedRow, contactRow.cells[1], recordedRow.cells[1], all, t.anyReason ? 'reason for late recording' : all);
      if (report) reports.push(report);
    }
  }
  return reports;
}

/** One contact date and recorded date from table cells; the finding sits on the recorded date. */
function checkPair(note: CaseNote, t: TableSettings, row: Row, contactCell: Cell | undefined, recordedCell: Cell | undefined, kindText: string, reasonText = ''): RuleReport | null {
  if (!contactCell || !recordedCell) return null;
  const contactDate = firstDate(contactCell.text);
  const recordedDate = firstDate(recordedCell.text);
  if (!contactDate || !recordedDate) return null;
  const contact = resolveContact(contactDate, recordedDate, null, null);
  if (contact === null) return null;
  const recorded = toDay(recordedDate, contact);
  if (recorded === null || recorded <= contact) return null;
  const days = workingDaysBetween(contact, recorded, t.bankHolidays);
  if (days <= t.limit) return null;
  if (findAll(t.lexicon.lateReasons ?? [], `${note.text.slice(row.lineStart, row.lineEnd)} ${reasonText}`).length) return null;
  const start = recordedCell.start + recordedDate.index;
  return {
    start,
    end: recordedCell.start + recordedDate.end,
    ...lateMessage(recorded, contact, days, t.limit, contactKind(kindText)),
    fixes: [reasonFix(note, start, row.block)],
  };
}

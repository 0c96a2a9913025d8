/**
 * Small text helpers shared by rules: masking quoted speech (someone else's words, never the
 * writer's assertion) and compiling word lists into whole-word patterns, cached per list.
 */

import { keep } from './reuse';

/**
 * Replaces the inside of double-quoted speech ("…", “…”) with spaces, keeping every index. A
 * single curly quote pair (‘…’) counts too; straight single quotes do not, as they are apostrophes.
 */
export function maskQuotes(text: string): string {
  // Most sentences hold no quotation at all.
  if (!text.includes('"') && !text.includes('\u201c') && !text.includes('\u2018')) return text;
  let out = maskedQuotes.get(text);
  if (out === undefined) {
    // Rules ask about the same sentences many times over (about seven times each on a typical note).
    out = keep(maskedQuotes, 4000, text, maskQuotesNow(text));
  }
  return out;
}

const maskedQuotes = new Map<string, string>();

function maskQuotesNow(text: string): string {
  return text
    .replace(/"[^"]*"/g, (q) => '"' + ' '.repeat(q.length - 2) + '"')
    .replace(/\u201c[^\u201d]*\u201d/g, (q) => '\u201c' + ' '.repeat(q.length - 2) + '\u201d')
    .replace(/(^|[\s(])\u2018[^\u2019]*\u2019(?=[\s.,;:!?)]|$)/g, (q, pre: string) => pre + '\u2018' + ' '.repeat(q.length - pre.length - 2) + '\u2019');
}

const compiled = new WeakMap<readonly string[], RegExp>();

/** The text as a pattern that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A word-list entry as a pattern: literal, except that a run of spaces matches any white space. */
export function entryPattern(entry: string): string {
  return escapeRegExp(entry).replace(/ +/g, '\\s+');
}

/**
 * A case-insensitive whole-word pattern for a word list. Entries may be phrases; an entry that
 * starts with "re:" is a regular expression (for lists that need one, such as "lost (all )?control").
 */
export function listPattern(words: readonly string[]): RegExp {
  let re = compiled.get(words);
  if (!re) {
    const sorted = [...words].sort((a, b) => b.length - a.length);
    // Plain words get whole-word boundaries; "re:" entries carry their own.
    const plain = sorted.filter((w) => !w.startsWith('re:'));
    const patterns = sorted.filter((w) => w.startsWith('re:')).map((w) => `(?:${w.slice(3)})`);
    const alternatives = [...patterns, ...(plain.length ? [`(?<![\\w'’-])(?:${alternation(plain)})(?![\\w-])`] : [])];
    re = new RegExp(alternatives.join('|') || '(?!)', 'gi');
    compiled.set(words, re);
  }
  re.lastIndex = 0;
  return re;
}

/**
 * The plain entries as one alternation, longest first. Entries that share a beginning share one
 * branch ("looked after", "looked after child" and "looked-after child" start "looked"), so the
 * pattern tries each letter once at each place in the text instead of once per entry. A list of
 * a few hundred words matches about three times faster, and finds exactly what the flat
 * alternation of the same entries, longest first, finds (text.test.ts compares the two).
 */
export function alternation(entries: readonly string[]): string {
  // An entry with whitespace other than spaces could match where a spaced entry does; keep it flat.
  if (entries.some((w) => /[^\S ]| {2}/.test(w))) return [...entries].sort((a, b) => b.length - a.length).map(entryPattern).join('|');
  const root: Branch = { next: new Map(), end: false };
  for (const entry of entries) {
    let branch = root;
    for (const unit of entry.match(/ +|[^]/g) ?? []) {
      const key = unit[0] === ' ' ? ' ' : foldCase(unit);
      let next = branch.next.get(key);
      if (!next) branch.next.set(key, (next = { next: new Map(), end: false }));
      branch = next;
    }
    branch.end = true;
  }
  return branchSource(root);
}

interface Branch {
  next: Map<string, Branch>;
  end: boolean;
}

/** A letter as the case-insensitive pattern sees it (only where lower-casing keeps that). */
function foldCase(ch: string): string {
  const lower = ch.toLowerCase();
  return lower.length === 1 && lower.toUpperCase() === ch.toUpperCase() ? lower : ch;
}

function branchSource(branch: Branch): string {
  // At most one way on can match the next character, so their order does not matter; going on
  // is tried before stopping here, which keeps the longest entry first.
  const ways = [...branch.next].map(([unit, next]) => (unit === ' ' ? '\\s+' : escapeRegExp(unit)) + branchSource(next));
  if (ways.length === 0) return '';
  const on = ways.length === 1 ? ways[0] : `(?:${ways.join('|')})`;
  return branch.end ? (ways.length === 1 && ways[0].length === 1 ? `${on}?` : `(?:${on})?`) : on;
}

/** All matches of a word list in the text, with their indices. */
export function findAll(words: readonly string[], text: string): { index: number; text: string }[] {
  return matchesOf(listPattern(words), text).map((m) => ({ index: m.index, text: m[0] }));
}

/**
 * Every match of a global pattern, as `text.matchAll(re)` finds them. `matchAll` copies the
 * pattern first, and copying a long one costs more than matching a sentence with it: for the
 * mention patterns (a few hundred family and professional words) about nine times more.
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError('matchesOf needs a global pattern');
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    // An empty match moves on one character (a whole surrogate pair in a unicode pattern).
    if (m[0] === '') re.lastIndex += re.unicode && (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  return out;
}

/** The noun phrase up to the next clause word or full stop; "Mr P.'s" keeps its initial. */
export function cutPhrase(text: string): string {
  return text.split(/\s+(?:at|on|about|to|and|who|regarding|re|because|so|for|as|after|before|while|from|this|that|today|yesterday)\s+|[;:]|(?<!\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St))\.(?=\s|$)/)[0];
}

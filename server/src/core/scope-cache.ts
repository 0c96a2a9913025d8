/**
 * Reuses a rule's findings for an entry that has not changed since the last lint. Findings are
 * stored relative to the entry's start and moved to wherever the entry now sits, so typing in
 * one entry of a long running record re-checks that entry only.
 */
import type { CaseNote, Scope, Sentence } from './document';
import type { RuleReport } from '../rules/rule';
import { digest } from './digest';
import { cacheFor, keep, reusing } from './reuse';

const LIMIT = 1000;

export type ScopeCache = Map<string, RuleReport[]>;

/** What an entry-level rule's answer depends on: the entry's words, labels, and the people (as a digest: see digest.ts). */
const baseKeys = new WeakMap<Scope, string>();

export function scopeKey(scope: Scope, note: CaseNote, extra = ''): string {
  let base = baseKeys.get(scope);
  if (base === undefined) baseKeys.set(scope, (base = computeKey(scope, note)));
  return `${base}\u0003${extra}`;
}

function computeKey(scope: Scope, note: CaseNote): string {
  const recordType = typeof note.frontMatter.record_type === 'string' ? note.frontMatter.record_type : '';
  const sentences = scope.sentences.map((s) => `${layoutOf(s, scope, note.text)}:${s.judgement ? 1 : 0}${s.label}\u0001${s.text}`).join('\u0002');
  return digest([scope.kind, scope.title, note.people.signature, recordType, sentences, note.text.slice(scope.anchorStart, scope.anchorEnd)].join('\u0003'));
}

/**
 * Where a sentence sits, besides its words: its place in the entry (blank lines added inside an
 * entry move findings), its block (paragraph, list item, table cell and row) and the line breaks
 * inside it (a line break can start a new list item or action).
 */
function layoutOf(s: Sentence, scope: Scope, text: string): string {
  let breaks = '';
  for (let i = s.start; i < s.end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) breaks += `.${i - s.start}`;
  }
  return `${s.start - scope.start}:${s.block.start - scope.start}:${s.block.kind}${s.block.tableRow}${s.block.listItem ? 'l' : ''}${breaks}`;
}

/** Moves reports (and their fixes' edits) by `by` characters. */
export function shift(reports: RuleReport[], by: number): RuleReport[] {
  if (!by) return reports;
  return reports.map((r) => ({
    ...r,
    start: r.start + by,
    end: r.end + by,
    fixes: r.fixes?.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) })),
  }));
}

/**
 * The usual way an entry-level rule runs: each entry checked once and its findings reused while it
 * is unchanged, with one cache per set of word lists (configuration can change the lists).
 */
export function checkEachScope(
  caches: WeakMap<object, ScopeCache>,
  lexicon: object,
  note: CaseNote,
  check: (scope: Scope) => RuleReport[],
): RuleReport[] {
  const cache = cacheFor(caches, lexicon);
  return note.scopes.flatMap((scope) => perScope(cache, scope, note, () => check(scope)));
}

export function perScope(cache: ScopeCache, scope: Scope, note: CaseNote, compute: () => RuleReport[], extra = ''): RuleReport[] {
  return perPart(cache, scope.start, () => scopeKey(scope, note, extra), compute);
}

/**
 * Reports for one part of a note (an entry, a block) starting at `start`, kept relative to that
 * start under `key()` so they are reused wherever the unchanged part moves.
 */
export function perPart(cache: ScopeCache, start: number, key: () => string, compute: () => RuleReport[], limit = LIMIT): RuleReport[] {
  if (!reusing()) return compute();
  const k = key();
  const hit = cache.get(k);
  if (hit) return shift(hit, start);
  const reports = compute();
  keep(cache, limit, k, shift(reports, -start));
  return reports;
}

/**
 * Small helpers for rule tests: lint a note (or a single sentence wrapped in a visit entry) and
 * list one rule's findings; apply a finding's fix to text, the way an editor would.
 */
import { lint } from '../src/core/lint';
import { LineIndex } from '../src/core/positions';
import type { Finding, Fix } from '../src/core/types';

export function findings(text: string, ruleId: string): Finding[] {
  return lint(text).filter((f) => f.ruleId === ruleId);
}

/** The text each finding covers, for readable assertions. */
export function flagged(text: string, ruleId: string): string[] {
  return findings(text, ruleId).map((f) => text.slice(f.startOffset, f.endOffset));
}

/** A note with one professional-only entry, so entry-level rules stay quiet around a sentence. */
export function inEntry(body: string, heading = '## 10/03/2026 Case note'): string {
  return `${heading}\n\n${body}\n`;
}

export function applyFix(text: string, fix: Fix): string {
  const lines = new LineIndex(text);
  const edits = fix.edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/**
 * The nine further checks of issue #6. Tests about the core checks, the server or the command line
 * leave them out, so that a short test note ("Mum was hostile.") is judged only on what the test
 * is about; each further check has its own tests.
 */
export const FURTHER_CHECKS: ReadonlySet<string> = new Set([
  'absent-father',
  'action-owner-missing',
  'child-centred-language',
  'confidentiality-promise',
  'decision-rationale-missing',
  'late-recording',
  'leading-question',
  'unattributed-report',
  'unexplained-acronym',
]);

export function coreOnly<T extends string | undefined>(ids: T[]): T[] {
  return ids.filter((id) => !id || !FURTHER_CHECKS.has(id));
}

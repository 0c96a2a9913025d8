/**
 * Quick fixes for child-centred-language: one per replacement in the list, each replacing the
 * term only. The first letter keeps its case (a capital at the start of a sentence stays a
 * capital; "LAC" in the middle of a sentence becomes "child in care"), and "a"/"an" before the
 * term is corrected when the replacement needs the other one ("an unplanned move").
 */
import type { FixSpec } from '../rule';
import { swapEdits, type Article } from '../word-swap';

export interface FixContext {
  /** Source offsets of the term. */
  start: number;
  end: number;
  /** The term as written in the note. */
  written: string;
  /** The term starts a sentence (or a line, a cell, a label's text). */
  sentenceStart: boolean;
  /** Source offsets and text of an "a"/"an" just before the term, if any. */
  article: Article | null;
}

export function withCaseOf(written: string, replacement: string, sentenceStart: boolean): string {
  const first = written.charAt(0);
  const allCaps = written.length > 1 && written === written.toUpperCase() && /[A-Z]/.test(written);
  const titleCase = /\s/.test(written.trim()) && written.split(/[\s-]+/).every((w) => /^[A-Z]/.test(w));
  // Keep a capital that starts a sentence; "LAC" or "Looked After Child" mid-sentence becomes lower case.
  const capital = first !== first.toLowerCase() && (sentenceStart || (!allCaps && !titleCase));
  if (replacement.startsWith('[')) return replacement;
  return capital ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

export function termFixes(ctx: FixContext, replacements: readonly string[]): FixSpec[] {
  const options = replacements.length ? replacements : ['[what happened, in plain words]'];
  return options.map((replacement, i) => {
    const newText = withCaseOf(ctx.written, replacement, ctx.sentenceStart);
    return {
      title: replacement.startsWith('[') ? 'Replace it with a description of what happened' : `Replace with “${newText}”`,
      isPreferred: i === 0,
      edits: swapEdits(ctx.start, ctx.end, newText, ctx.article),
    };
  });
}

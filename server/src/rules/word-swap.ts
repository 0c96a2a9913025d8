/**
 * Quick fixes that swap a word in the note for another ("LAC" → "child in care", "DSL" →
 * "designated safeguarding lead (DSL)") keep the "a" or "an" before it right: "a LAC review"
 * becomes "a child in care review", "a EHCP" becomes "an education, health and care plan".
 */
import type { OffsetEdit } from './rule';

/** An "a" or "an" just before the word, with its source offsets. */
export interface Article {
  start: number;
  end: number;
  text: string;
}

/** An "a" or "an" just before plain-text index `at` (spaces between), with its plain-text offsets. */
export function articleBefore(plain: string, at: number): { from: number; to: number; text: string } | null {
  const art = /(?:^|[^\w'’])(an?)\s+$/i.exec(plain.slice(Math.max(0, at - 6), at));
  if (!art) return null;
  const from = at - art[0].length + art[0].indexOf(art[1]);
  return { from, to: from + art[1].length, text: art[1] };
}

/** "a"/"an" as the next word's first sound needs, in the case the article was written. */
export function articleFor(article: string, next: string): string {
  if (next.startsWith('[')) return article;
  const wantsAn = /^[aeiou]/i.test(next) && !/^(?:one|once|uni|use|usu|eu|ur)/i.test(next);
  const word = wantsAn ? 'an' : 'a';
  return article.charAt(0) === 'A' ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/** The edits that put `newText` in place of [start, end), correcting the article before it if needed. */
export function swapEdits(start: number, end: number, newText: string, article: Article | null): OffsetEdit[] {
  const edits: OffsetEdit[] = [{ start, end, newText }];
  if (article) {
    const wanted = articleFor(article.text, newText);
    if (wanted !== article.text) edits.unshift({ start: article.start, end: article.end, newText: wanted });
  }
  return edits;
}

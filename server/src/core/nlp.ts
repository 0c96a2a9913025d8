/**
 * Part-of-speech analysis with `compromise`, one sentence at a time, cached by sentence text.
 *
 * Analysis is the expensive step (tens of microseconds a word), so it runs only for sentences a
 * rule's cheap word test has not already cleared, and a sentence that did not change between two
 * keystrokes is never analysed twice: the cache is keyed by its text.
 */
import nlp from 'compromise';
import { keep } from './reuse';

export interface Token {
  text: string;
  lower: string;
  tags: ReadonlySet<string>;
  /** Index of the token in the sentence text. */
  start: number;
}

const CACHE_LIMIT = 3000;
const cache = new Map<string, Token[]>();

export function tokens(sentence: string): Token[] {
  const hit = cache.get(sentence);
  if (hit) return hit;
  const result: Token[] = [];
  const json = nlp(sentence).json({ offset: true, terms: { offset: true } }) as {
    terms: { text: string; tags: string[]; offset: { start: number } }[];
  }[];
  for (const s of json) {
    for (const t of s.terms) {
      result.push({ text: t.text, lower: t.text.toLowerCase(), tags: new Set(t.tags), start: t.offset.start });
    }
  }
  return keep(cache, CACHE_LIMIT, sentence, result);
}

export function isAdjective(token: Token): boolean {
  return token.tags.has('Adjective') || token.tags.has('Comparative') || token.tags.has('Superlative');
}

/**
 * Word lists are data: each rule ships its own, and configuration may add words to any list by
 * name. Merging lower-cases and de-duplicates, so a list can be matched without further care.
 */
import type { Lexicon } from './types';

export function mergeLexicon(base: Lexicon, extra: Record<string, string[]> | undefined): Lexicon {
  if (!extra) return base;
  const merged: Record<string, readonly string[]> = { ...base };
  for (const [name, words] of Object.entries(extra)) {
    merged[name] = [...new Set([...(base[name] ?? []), ...words.map((w) => w.toLowerCase().trim()).filter(Boolean)])];
  }
  return merged;
}

/**
 * Word lists are data: each rule ships its own, and configuration may add words to any list by
 * name, or take a word out by writing it with a leading minus ("-respite"). Merging lower-cases and
 * de-duplicates, so a list can be matched without further care.
 */
import type { Lexicon } from './types';

const merged = new WeakMap<Lexicon, Map<string, Lexicon>>();

/** Merged lists are cached, so compiled patterns and per-sentence results can be reused. */
export function mergeLexicon(base: Lexicon, extra: Record<string, string[]> | undefined): Lexicon {
  if (!extra || !Object.keys(extra).length) return base;
  const key = JSON.stringify(extra);
  let forBase = merged.get(base);
  if (!forBase) merged.set(base, (forBase = new Map()));
  const hit = forBase.get(key);
  if (hit) return hit;
  const result = mergeLists(base, extra);
  if (forBase.size > 50) forBase.clear();
  forBase.set(key, result);
  return result;
}

function mergeLists(base: Lexicon, extra: Record<string, string[]>): Lexicon {
  const merged: Record<string, readonly string[]> = { ...base };
  for (const [name, words] of Object.entries(extra)) {
    const cleaned = words.map((w) => w.toLowerCase().trim()).filter(Boolean);
    const removed = new Set(cleaned.filter((w) => w.startsWith('-')).map((w) => w.slice(1).trim()));
    const added = cleaned.filter((w) => !w.startsWith('-'));
    // An entry is removed whole, or by its first part where entries carry data ("term => replacement").
    const keep = (w: string) => !removed.has(w) && !removed.has(w.split('=>')[0].trim());
    merged[name] = [...new Set([...(base[name] ?? []), ...added])].filter(keep);
  }
  return merged;
}

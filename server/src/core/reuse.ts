/**
 * Whether the core keeps what it worked out about a note for the next check of the same note.
 *
 * The language server checks the same note again on every keystroke, so it keeps each section's
 * parse, each stretch of prose's sentences and each rule's findings per entry, and reuses them
 * while they are unchanged (scope-cache.ts). The command line checks each file once: there the
 * keeping would never pay off, and computing the keys and holding the entries costs about a
 * twentieth of its time. It turns reuse off once, at start. Findings are the same either way.
 */
let reuse = true;

export function setReuse(on: boolean): void {
  reuse = on;
}

export function reusing(): boolean {
  return reuse;
}

/** Puts `value` in a cache of at most `limit` entries, dropping the oldest first; returns it. */
export function keep<K, V>(cache: Map<K, V>, limit: number, key: K, value: V): V {
  if (cache.size >= limit) cache.delete(cache.keys().next().value as K);
  cache.set(key, value);
  return value;
}

/**
 * The answer kept in `cache` for `key()`, or `compute()`'s, kept for next time. With reuse off the
 * key is never built and nothing is kept. Answers may be null, never undefined.
 */
export function remembered<V>(cache: Map<string, V>, limit: number, key: () => string, compute: () => V): V {
  if (!reuse) return compute();
  const k = key();
  const hit = cache.get(k);
  return hit !== undefined ? hit : keep(cache, limit, k, compute());
}

/** The cache for one set of word lists (configuration can change the lists, and so the answers). */
export function cacheFor<V>(caches: WeakMap<object, Map<string, V>>, lexicon: object): Map<string, V> {
  let cache = caches.get(lexicon);
  if (!cache) caches.set(lexicon, (cache = new Map()));
  return cache;
}

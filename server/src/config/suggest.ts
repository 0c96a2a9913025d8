/**
 * "Did you mean …?" for mistyped rule ids and setting names. A typo in a config should cost the
 * user one glance at the error, not a trip to the documentation.
 */

/** Levenshtein distance, small inputs only (ids and key names). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The candidate nearest to `word`, if it is near enough to be a plausible typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const allowed = Math.max(2, Math.floor(word.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** `(did you mean "x"?)`, or the full list when nothing is close, so the message always helps. */
export function hint(word: string, candidates: readonly string[], listName: string): string {
  const near = closest(word, candidates);
  if (near) return `(did you mean "${near}"?)`;
  return `(${listName} ${joinWords(candidates)})`;
}

/** "a, b and c", in the plain list form used in every message. */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

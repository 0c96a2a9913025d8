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

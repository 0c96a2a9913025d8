/**
 * What the server may log when something fails. The log is read by whoever supports the editor,
 * who must never see note text, yet an error's message can quote its input (a YAML or pattern
 * error repeats the offending words). So when the note is known, every word or number in the
 * message that also appears in the note becomes "…"; when it is not known (an error from outside
 * any one check), the message is left out. The error's stack frames (places in Caselint's own
 * code, never note text) are kept, to make a bug report useful.
 *
 * Words are found with Intl.Segmenter rather than regular expressions: this runs after something
 * has already gone wrong, and must not depend on what failed.
 */

const words = new Intl.Segmenter('en', { granularity: 'word' });

export function describeFault(error: unknown, noteText?: string): string {
  try {
    const name = error instanceof Error ? error.name : 'Error';
    const frames = stackFrames(error);
    if (noteText === undefined) return [`${name} (message withheld: it may quote a note)`, ...frames].join(' | ');
    const message = error instanceof Error ? error.message : String(error);
    return [`${name}: ${redact(message, noteText)}`, ...frames].join(' | ');
  } catch {
    return 'an error that could not be described';
  }
}

function redact(message: string, noteText: string): string {
  const inNote = new Set<string>();
  for (const s of words.segment(noteText)) if (s.isWordLike) inNote.add(s.segment.toLowerCase());
  let out = '';
  // Short words ("a", "of", "7") say nothing about the note; longer ones might be a name or a quote.
  for (const s of words.segment(message)) out += s.isWordLike && s.segment.length > 2 && inNote.has(s.segment.toLowerCase()) ? '…' : s.segment;
  return out;
}

function stackFrames(error: unknown): string[] {
  if (!(error instanceof Error) || typeof error.stack !== 'string') return [];
  return error.stack
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at '))
    .slice(0, 3);
}

/**
 * `--redact`: reports that carry no text from the notes, for CI logs and artefacts that are not
 * cleared to hold personal data. Each finding's message is swapped for the core's redacted wording
 * (the same advice without the quoted words or names), and the entry dates behind the report's
 * timeline are dropped too, so what remains is file names, positions, rule ids and fixed wording.
 * Messages about files that could not be checked are Caselint's own and are kept.
 */
import type { FileMessage, FileResult } from './result';

/** Used only if a finding arrives without a redacted wording, so nothing from the note can slip through. */
export const WITHHELD_MESSAGE = 'This check found something here. The details are left out of a redacted report.';

export function redactResults(results: readonly FileResult[]): FileResult[] {
  return results.map((result) => ({ filePath: result.filePath, messages: result.messages.map(redactMessage) }));
}

function redactMessage(m: FileMessage): FileMessage {
  const { redactedMessage, entryDate: _date, ...rest } = m;
  return { ...rest, message: m.ruleId === null ? m.message : (redactedMessage ?? WITHHELD_MESSAGE) };
}

/**
 * What the CLI knows about one checked file, in the 1-based positions command-line tools use.
 * `lintFile` produces these and every formatter consumes them, so formatters are pure functions
 * of plain data (easy to test, and safe to pass between worker threads later).
 */
import type { Severity } from '../core/types';

export interface FileMessage {
  /** The rule that found the problem, or null for a problem with the file itself. */
  ruleId: string | null;
  severity: Severity;
  message: string;
  /** 1-based line and column (UTF-16 code units); absent when the message is about the whole file. */
  line?: number;
  column?: number;
  /** Just after the end of the flagged text, 1-based. */
  endLine?: number;
  endColumn?: number;
  /** Set when the file could not be checked at all (missing, unreadable, not text). */
  fatal?: boolean;
  /** The same message without any words from the note; `--redact` reports this one instead. */
  redactedMessage?: string;
  /** The date (YYYY-MM-DD) of the dated entry the finding lies in, for the report's timeline. */
  entryDate?: string;
}

export interface FileResult {
  /** Absolute path (or, for a pattern that matched nothing, the pattern resolved against the cwd). */
  filePath: string;
  messages: FileMessage[];
}

export interface Counts {
  /** Error findings plus files that could not be checked, as ESLint counts them. */
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  infoCount: number;
}

export function countMessages(messages: readonly FileMessage[]): Counts {
  const counts: Counts = { errorCount: 0, fatalErrorCount: 0, warningCount: 0, infoCount: 0 };
  for (const m of messages) {
    if (m.fatal) counts.fatalErrorCount++;
    if (m.severity === 'error') counts.errorCount++;
    else if (m.severity === 'warning') counts.warningCount++;
    else counts.infoCount++;
  }
  return counts;
}

export function countResults(results: readonly FileResult[]): Counts {
  return countMessages(results.flatMap((r) => r.messages));
}

/** A result for a file that could not be checked, with the reason in plain words. */
export function fileProblem(filePath: string, message: string): FileResult {
  return { filePath, messages: [{ ruleId: null, severity: 'error', message, fatal: true }] };
}

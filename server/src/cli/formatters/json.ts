/**
 * The JSON report, in ESLint's shape so existing CI tooling (annotators, dashboards) can read it:
 * one object per file with its messages and counts. ESLint has only two severities, so
 * Caselint's "info" is given severity 1 with `"caselintSeverity": "info"` to tell it apart; it
 * is counted in `infoCount`, not `warningCount`. A file that could not be checked has one message
 * with `ruleId: null`, `severity: 2` and `fatal: true`, as ESLint reports files it cannot parse.
 * A finding in a dated entry also carries `entryDate` (YYYY-MM-DD), which ESLint tools ignore
 * and `caselint merge` uses for the HTML report's timeline.
 */
import { countMessages, type FileMessage, type FileResult } from '../result';

export interface JsonMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  fatal?: true;
  caselintSeverity?: 'info';
  /** The date (YYYY-MM-DD) of the dated entry the finding is in; absent when undated or redacted. */
  entryDate?: string;
}

export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  infoCount: number;
}

export function toJsonResults(results: readonly FileResult[]): JsonResult[] {
  return results.map((result) => ({
    filePath: result.filePath,
    messages: result.messages.map(toJsonMessage),
    ...countMessages(result.messages),
  }));
}

export function formatJson(results: readonly FileResult[]): string {
  return JSON.stringify(toJsonResults(results));
}

function toJsonMessage(m: FileMessage): JsonMessage {
  const out: JsonMessage = { ruleId: m.ruleId, severity: m.severity === 'error' ? 2 : 1, message: m.message };
  if (m.line !== undefined) {
    out.line = m.line;
    out.column = m.column;
    out.endLine = m.endLine;
    out.endColumn = m.endColumn;
  }
  if (m.fatal) out.fatal = true;
  if (m.severity === 'info') out.caselintSeverity = 'info';
  if (m.entryDate) out.entryDate = m.entryDate;
  return out;
}

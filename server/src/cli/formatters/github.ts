/**
 * GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per finding, so
 * each appears as an annotation on the note in the pull request and the run summary, then one
 * plain summary line for people reading the log. Escaping follows GitHub's own toolkit: in the
 * message `%`, CR and LF are percent-encoded; in properties `:` and `,` are too, because they
 * separate the properties. File paths are relative to the working folder (run Caselint from the
 * repository root), as GitHub expects. Annotations print the message in the log: use --redact
 * when the log is not cleared to hold personal data.
 */
import type { Severity } from '../../core/types';
import { countResults, type FileMessage, type FileResult } from '../result';
import { reportPath } from './paths';

export interface GithubOptions {
  cwd: string;
}

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function formatGithub(results: readonly FileResult[], options: GithubOptions): string {
  const lines: string[] = [];
  for (const result of results) {
    const file = reportPath(result.filePath, options.cwd);
    for (const m of result.messages) lines.push(annotation(file, m));
  }
  lines.push(summary(results));
  return lines.join('\n') + '\n';
}

function annotation(file: string, m: FileMessage): string {
  const properties: [string, string | number | undefined][] = [['file', file]];
  if (m.line !== undefined) {
    properties.push(['line', m.line], ['col', m.column], ['endLine', m.endLine], ['endColumn', m.endColumn]);
  }
  properties.push(['title', m.ruleId ? `caselint(${m.ruleId})` : m.fatal ? 'caselint: file not checked' : 'caselint']);
  const props = properties
    .filter((p): p is [string, string | number] => p[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${COMMAND[m.severity]} ${props}::${escapeData(m.message)}`;
}

function summary(results: readonly FileResult[]): string {
  const counts = countResults(results);
  const notes = plural(results.length, 'note');
  const total = counts.errorCount + counts.warningCount + counts.infoCount;
  if (total === 0) return `Caselint: no problems found in ${notes}.`;
  return `Caselint: ${plural(total, 'problem')} in ${notes} (${plural(counts.errorCount, 'error')}, ${plural(counts.warningCount, 'warning')}, ${counts.infoCount} info).`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The message after `::`. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` and `,`, which would otherwise end the value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

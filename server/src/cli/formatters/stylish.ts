/**
 * The human report: problems grouped under each file, one per line as
 * `line:col  severity  message  rule-id`, then a summary such as
 * "✖ 12 problems (3 errors, 9 warnings)". Colour is decided by the caller (only for a terminal,
 * and never when NO_COLOR is set), so this function is pure and its output predictable.
 */
import { countResults, type FileMessage, type FileResult } from '../result';
import { displayPath } from './paths';

export interface StylishOptions {
  color: boolean;
  /** File paths under this folder are shown relative to it. */
  cwd: string;
}

type Style = (text: string) => string;
const ansi =
  (open: number, close: number): Style =>
  (text) =>
    `\u001b[${open}m${text}\u001b[${close}m`;
const plain: Style = (text) => text;

export function formatStylish(results: readonly FileResult[], options: StylishOptions): string {
  const c = options.color;
  const style = {
    file: c ? ansi(4, 24) : plain,
    error: c ? ansi(31, 39) : plain,
    warning: c ? ansi(33, 39) : plain,
    info: c ? ansi(36, 39) : plain,
    dim: c ? ansi(2, 22) : plain,
    bold: c ? ansi(1, 22) : plain,
    good: c ? ansi(32, 39) : plain,
  };
  const blocks: string[] = [];
  for (const result of results) {
    if (result.messages.length === 0) continue;
    blocks.push([style.file(displayPath(result.filePath, options.cwd)), ...messageLines(result.messages, style)].join('\n'));
  }
  const counts = countResults(results);
  const total = counts.errorCount + counts.warningCount + counts.infoCount;
  if (total === 0) {
    const n = results.length;
    return style.good(`✔ No problems found in ${n} ${n === 1 ? 'note' : 'notes'}.`) + '\n';
  }
  const parts = [plural(counts.errorCount, 'error'), plural(counts.warningCount, 'warning')];
  if (counts.infoCount > 0) parts.push(`${counts.infoCount} info`);
  const summary = `✖ ${plural(total, 'problem')} (${parts.join(', ')})`;
  const colour = counts.errorCount > 0 ? style.error : counts.warningCount > 0 ? style.warning : style.info;
  return `\n${blocks.join('\n\n')}\n\n${colour(style.bold(summary))}\n`;
}

function messageLines(messages: readonly FileMessage[], style: Record<'error' | 'warning' | 'info' | 'dim', (t: string) => string>): string[] {
  const lineWidth = Math.max(...messages.map((m) => String(m.line ?? '').length));
  const columnWidth = Math.max(...messages.map((m) => String(m.column ?? '').length));
  const severityWidth = Math.max(...messages.map((m) => m.severity.length));
  const messageWidth = Math.max(...messages.map((m) => m.message.length));
  // A file that could not be read has no positions at all; its message then starts the line.
  const positioned = messages.some((m) => m.line !== undefined);
  return messages.map((m) => {
    const position = !positioned
      ? ''
      : m.line === undefined
        ? ' '.repeat(lineWidth + columnWidth + 3)
        : `${String(m.line).padStart(lineWidth)}:${String(m.column).padEnd(columnWidth)}  `;
    const severity = style[m.severity](m.severity.padEnd(severityWidth));
    const rule = m.ruleId ? `  ${style.dim(m.ruleId)}` : '';
    const text = m.ruleId ? m.message.padEnd(messageWidth) : m.message;
    return `  ${position}${severity}  ${text}${rule}`.trimEnd();
  });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

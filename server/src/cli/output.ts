/**
 * The end of every run, whether it checked notes or merged reports: filter (--quiet), redact
 * (--redact), format (or count, for --stats), write to stdout or --output-file, and choose the
 * exit code from what was found:
 *   0  no errors (and no more warnings than --max-warnings allows);
 *   1  at least one error finding, or too many warnings;
 *   2  a file could not be checked (the report still covers every file that could).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pkg from '../../package.json';
import { ruleList } from '../rules';
import type { FormatName, Writer } from './args';
import { formatResults } from './formatters';
import { redactResults } from './redact';
import { countResults, type Counts, type FileResult } from './result';
import { computeStats, formatStats } from './stats';

export interface CliIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: Writer & { isTTY?: boolean };
  stderr: Writer & { isTTY?: boolean; columns?: number };
  /** The bundled script that worker threads run (server/out/cli.js); without it, files are checked one by one. */
  workerFile?: string;
  /** The clock, for the report's date; tests fix it. */
  now?: () => Date;
}

export interface ReportRequest {
  format: FormatName;
  stats: boolean;
  redact: boolean;
  quiet: boolean;
  maxWarnings: number;
  outputFile: string | undefined;
  color: boolean | undefined;
}

/** Formats for programs rather than people: a progress bar must never share a screen with them. */
export const MACHINE_FORMATS: readonly FormatName[] = ['json', 'sarif', 'github', 'junit'];

export function emitReport(results: readonly FileResult[], request: ReportRequest, io: CliIO): number {
  const counts = countResults(results);
  const code = exitCode(counts, request.maxWarnings);
  const filtered = request.quiet ? results.map(errorsOnly) : results;
  const shown = request.redact ? redactResults(filtered) : filtered;
  const report = request.stats
    ? formatStats(computeStats(shown, ruleList.map((r) => r.id), io.cwd))
    : formatResults(request.format, shown, {
        cwd: io.cwd,
        color: useColor(request, io),
        version: pkg.version,
        redacted: request.redact,
        generatedAt: io.now?.() ?? new Date(),
      });
  const text = report.endsWith('\n') ? report : `${report}\n`;
  if (request.outputFile) {
    const target = resolve(io.cwd, request.outputFile);
    try {
      writeFileSync(target, text);
    } catch (e) {
      io.stderr.write(`caselint: could not write the report to ${target} (${(e as NodeJS.ErrnoException).code ?? 'unknown error'})\n`);
      return 2;
    }
  } else {
    io.stdout.write(text);
  }

  // Errors explain themselves in the report; a failure caused only by warnings needs saying.
  if (code === 1 && counts.errorCount === 0) {
    io.stderr.write(`caselint: too many warnings (${counts.warningCount}; --max-warnings allows ${request.maxWarnings})\n`);
  }
  return code;
}

function exitCode(counts: Counts, maxWarnings: number): number {
  if (counts.fatalErrorCount > 0) return 2;
  if (counts.errorCount > 0) return 1;
  if (maxWarnings >= 0 && counts.warningCount > maxWarnings) return 1;
  return 0;
}

function errorsOnly(result: FileResult): FileResult {
  return { ...result, messages: result.messages.filter((m) => m.severity === 'error') };
}

/** Colour only for a terminal, never when NO_COLOR is set (no-color.org), unless forced by a flag. */
function useColor(request: ReportRequest, io: CliIO): boolean {
  if (request.color !== undefined) return request.color;
  if (request.outputFile || request.format !== 'stylish' || request.stats) return false;
  return Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
}

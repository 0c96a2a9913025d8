/**
 * One run of `caselint`, start to finish, with the process's streams and environment passed in
 * so tests can run it in-process. Steps: parse the arguments, find the files, work out each
 * file's settings, lint each file, format the report, and choose the exit code:
 *   0  no errors (and no more warnings than --max-warnings allows);
 *   1  at least one error finding, or too many warnings;
 *   2  a usage, settings or file problem (the report still covers every file that could be read).
 * Only our own one-line reasons ever go to stderr; the note's text never does.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pkg from '../../package.json';
import { parseArgs, type CliOptions, type Writer } from './args';
import { ConfigError, ConfigResolver, type ConfigSource } from './configs';
import { findTargets } from './files';
import { formatResults } from './formatters';
import { lintFile } from './lint-file';
import { countResults, fileProblem, type Counts, type FileResult } from './result';

export interface CliIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: Writer & { isTTY?: boolean };
  stderr: Writer;
}

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv, io.stdout, io.stderr);
  if (parsed.kind === 'exit') return parsed.code;
  const options = parsed.options;

  let results: FileResult[];
  try {
    results = await checkAll(options, io.cwd);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.stderr.write(`caselint: ${e.message}\n`);
    return 2;
  }

  const counts = countResults(results);
  const code = exitCode(counts, options.maxWarnings);
  const shown = options.quiet ? results.map(errorsOnly) : results;
  const report = formatResults(options.format, shown, {
    cwd: io.cwd,
    color: useColor(options, io),
    version: pkg.version,
  });
  const text = report.endsWith('\n') ? report : `${report}\n`;
  if (options.outputFile) {
    const target = resolve(io.cwd, options.outputFile);
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
    io.stderr.write(`caselint: too many warnings (${counts.warningCount}; --max-warnings allows ${options.maxWarnings})\n`);
  }
  return code;
}

async function checkAll(options: CliOptions, cwd: string): Promise<FileResult[]> {
  const source: ConfigSource =
    options.config === false ? { kind: 'none' } : options.config ? { kind: 'file', path: resolve(cwd, options.config) } : { kind: 'nearest' };
  const resolver = new ConfigResolver(source, options.rules);
  const results: FileResult[] = [];
  for (const target of await findTargets(options.paths, cwd)) {
    if (target.problem) {
      results.push(fileProblem(target.path, target.problem));
      continue;
    }
    const settings = resolver.forFile(target.path);
    if (settings.ignores(target.path)) {
      // Files found by searching a folder are skipped quietly; a file named outright gets a
      // warning, so nobody believes a note was checked when it was not.
      if (target.named) results.push(ignoredNotice(target.path));
      continue;
    }
    results.push(lintFile(target.path, { lintOptions: settings.lintOptions }));
  }
  return results;
}

function ignoredNotice(filePath: string): FileResult {
  return {
    filePath,
    messages: [{ ruleId: null, severity: 'warning', message: 'Not checked: this file matches an "ignore" pattern in the settings file.' }],
  };
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
function useColor(options: CliOptions, io: CliIO): boolean {
  if (options.color !== undefined) return options.color;
  if (options.outputFile || options.format !== 'stylish') return false;
  return Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
}

/**
 * One run of `caselint`, start to finish, with the process's streams and environment passed in
 * so tests can run it in-process. Steps: parse the arguments, find the files (and keep this
 * run's share with --shard), work out each file's settings, lint the files (on worker threads
 * with --jobs), then format the report and choose the exit code (output.ts):
 *   0  no errors (and no more warnings than --max-warnings allows);
 *   1  at least one error finding, or too many warnings;
 *   2  a usage, settings or file problem (the report still covers every file that could be read).
 * `caselint merge` is a command of its own (merge.ts). Only our own one-line reasons ever go to
 * stderr; the note's text never does.
 */
import { resolve } from 'node:path';
import { parseArgs, type CliOptions } from './args';
import { ConfigError, ConfigResolver, type ConfigSource } from './configs';
import { findTargets } from './files';
import { runMerge } from './merge';
import { emitReport, MACHINE_FORMATS, type CliIO } from './output';
import { lintAll, type LintJob } from './pool';
import { NO_PROGRESS, shouldShowProgress, startProgress } from './progress';
import { fileProblem, type FileResult } from './result';
import { inShard } from './shard';

export type { CliIO } from './output';

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  if (argv[0] === 'merge') return runMerge(argv.slice(1), io);
  const parsed = parseArgs(argv, io.stdout, io.stderr);
  if (parsed.kind === 'exit') return parsed.code;
  const options = parsed.options;

  let results: FileResult[];
  try {
    results = await checkAll(options, io);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.stderr.write(`caselint: ${e.message}\n`);
    return 2;
  }
  return emitReport(results, options, io);
}

async function checkAll(options: CliOptions, io: CliIO): Promise<FileResult[]> {
  const source: ConfigSource =
    options.config === false ? { kind: 'none' } : options.config ? { kind: 'file', path: resolve(io.cwd, options.config) } : { kind: 'nearest' };
  const resolver = new ConfigResolver(source, options.rules);
  const slots: (FileResult | LintJob)[] = [];
  for (const target of await findTargets(options.paths, io.cwd)) {
    // A path that yielded nothing is in exactly one share too, so merged shards report it once.
    if (options.shard && !inShard(target.path, io.cwd, options.shard)) continue;
    if (target.problem) {
      slots.push(fileProblem(target.path, target.problem));
      continue;
    }
    const settings = resolver.forFile(target.path);
    if (settings.ignores(target.path)) {
      // Files found by searching a folder are skipped quietly; a file named outright gets a
      // warning, so nobody believes a note was checked when it was not.
      if (target.named) slots.push(ignoredNotice(target.path));
      continue;
    }
    slots.push({ path: target.path, lintOptions: settings.lintOptions });
  }

  const jobs = slots.filter((slot): slot is LintJob => 'lintOptions' in slot);
  const machineReportOnScreen = !options.outputFile && (options.stats || MACHINE_FORMATS.includes(options.format));
  const progress = shouldShowProgress(io.stderr, io.env, machineReportOnScreen) ? startProgress({ stream: io.stderr, total: jobs.length }) : NO_PROGRESS;
  let linted: FileResult[];
  try {
    linted = await lintAll(jobs, { jobs: options.jobs, workerFile: io.workerFile, onProgress: (done) => progress.update(done) });
  } finally {
    progress.stop();
  }
  let next = 0;
  return slots.map((slot) => ('lintOptions' in slot ? linted[next++] : slot));
}

function ignoredNotice(filePath: string): FileResult {
  return {
    filePath,
    messages: [{ ruleId: null, severity: 'warning', message: 'Not checked: this file matches an "ignore" pattern in the settings file.' }],
  };
}

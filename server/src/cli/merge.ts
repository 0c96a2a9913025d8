/**
 * `caselint merge <reports...>`: combines the JSON or SARIF reports of several runs (the shards
 * of a large export, checked on different machines with --shard) into one report in any format,
 * with the exit code a single run over all the files would have given. A file found in more
 * than one report is counted once (the first report wins) and the overlap is mentioned on stderr.
 * Redaction happens where the notes are read: to get a redacted merged report, run the shards
 * with --redact.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { FORMATS, oneLine, parseCount, type FormatName } from './args';
import { emitReport, type CliIO } from './output';
import { fromJsonReport, fromSarifLog } from './read-reports';
import type { FileResult } from './result';

export async function runMerge(argv: readonly string[], io: CliIO): Promise<number> {
  const program = new Command()
    .name('caselint merge')
    .description('Combines the JSON or SARIF reports of several Caselint runs (for example the shards of a CI matrix) into one report.')
    .usage('[options] <reports...>')
    .argument('<reports...>', 'report files written with --format json or --format sarif')
    .addOption(new Option('-f, --format <name>', 'format of the combined report').choices(FORMATS).default('stylish'))
    .option('-o, --output-file <path>', 'write the report to a file instead of the screen')
    .option('--stats', 'print counts per rule and per file as JSON instead of the report')
    .option('--max-warnings <number>', 'fail (exit code 1) when there are more warnings than this', parseCount)
    .option('--quiet', 'report errors only, not warnings or information')
    .option('--color', 'always use colour in the stylish report')
    .option('--no-color', 'never use colour in the stylish report')
    .helpOption('-h, --help', 'show this help')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`caselint merge: ${oneLine(text)}\n`),
    });
  try {
    program.parse([...argv], { from: 'user' });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    return e.code === 'commander.helpDisplayed' || e.code === 'commander.help' ? 0 : 2;
  }
  const opts = program.opts();

  const merged = new Map<string, FileResult>();
  let overlaps = 0;
  for (const name of program.args) {
    const read = readReport(resolve(io.cwd, name));
    if (typeof read === 'string') {
      io.stderr.write(`caselint merge: ${name}: ${read}\n`);
      return 2;
    }
    for (const result of read) {
      if (merged.has(result.filePath)) overlaps++;
      else merged.set(result.filePath, result);
    }
  }
  if (overlaps > 0) io.stderr.write(`caselint merge: ${overlaps} ${overlaps === 1 ? 'file was' : 'files were'} in more than one report and ${overlaps === 1 ? 'is' : 'are'} counted once\n`);
  // Sorted by path, so the merged report is the same whichever order the shards finished in.
  const results = [...merged.values()].sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  return emitReport(
    results,
    {
      format: opts.format as FormatName,
      stats: Boolean(opts.stats),
      redact: false,
      quiet: Boolean(opts.quiet),
      maxWarnings: (opts.maxWarnings as number | undefined) ?? -1,
      outputFile: opts.outputFile as string | undefined,
      color: opts.color as boolean | undefined,
    },
    io,
  );
}

/** The report's results, or a one-line reason it cannot be used. */
function readReport(path: string): FileResult[] | string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return `could not be read (${(e as NodeJS.ErrnoException).code ?? 'unknown error'})`;
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return 'is not JSON; write the reports with --format json or --format sarif';
  }
  if (Array.isArray(data)) return fromJsonReport(data) ?? 'is not a Caselint JSON report';
  if (data && typeof data === 'object' && (data as { version?: unknown }).version === '2.1.0') return fromSarifLog(data) ?? 'is not a SARIF report Caselint can read';
  return 'is neither a Caselint JSON report nor a SARIF 2.1.0 log';
}

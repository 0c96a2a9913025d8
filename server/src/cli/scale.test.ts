/**
 * Splitting a large export and putting it back together: `--shard K/N` on each machine, then
 * `caselint merge` over the shards' JSON or SARIF reports, must give exactly the report of one
 * run over everything. Also the command-line checks of the new options. Runs in-process, on the
 * development corpus.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './run';

const CORPUS = resolve(__dirname, '../../../test-fixtures/corpus');
const scratch = mkdtempSync(join(tmpdir(), 'caselint-shards-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function caselint(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    cwd: CORPUS,
    env: {},
    stdout: { write: (t: string) => (stdout += t), isTTY: false },
    stderr: { write: (t: string) => (stderr += t) },
    now: () => new Date(2026, 3, 1, 12),
  });
  return { code, stdout, stderr };
}

/** Runs the three shards of the corpus, writing each report into the scratch folder. */
async function shards(format: 'json' | 'sarif'): Promise<string[]> {
  const files: string[] = [];
  for (const k of [1, 2, 3]) {
    const file = join(scratch, `shard-${k}.${format}`);
    await caselint('--shard', `${k}/3`, '--format', format, '--output-file', file, '.');
    files.push(file);
  }
  return files;
}

describe('--shard and caselint merge', () => {
  it('splits the files between shards without overlap, and every file is in one of them', async () => {
    const whole = JSON.parse((await caselint('--format', 'json', '.')).stdout) as { filePath: string }[];
    const parts = (await shards('json')).map((f) => (JSON.parse(readFileSync(f, 'utf8')) as { filePath: string }[]).map((r) => r.filePath));
    for (const part of parts) expect(part.length).toBeGreaterThan(5);
    expect(parts.flat().sort()).toEqual(whole.map((r) => r.filePath).sort());
  });

  it('merges the shards’ JSON reports into exactly the report of one run', async () => {
    const whole = await caselint('--format', 'json', '.');
    const merged = await caselint('merge', '--format', 'json', ...(await shards('json')));
    expect(merged.stderr).toBe('');
    expect(JSON.parse(merged.stdout)).toEqual(JSON.parse(whole.stdout));
    expect(merged.code).toBe(whole.code);
  });

  it('merges the shards’ SARIF logs into exactly the SARIF of one run', async () => {
    const whole = await caselint('--format', 'sarif', '.');
    const merged = await caselint('merge', '--format', 'sarif', ...(await shards('sarif')));
    expect(JSON.parse(merged.stdout)).toEqual(JSON.parse(whole.stdout));
  });

  it('turns merged reports into any format, the HTML report with its timeline too', async () => {
    const files = await shards('json');
    const whole = await caselint('--format', 'html', '.');
    const merged = await caselint('merge', '--format', 'html', ...files);
    expect(merged.stdout).toBe(whole.stdout);
    expect(merged.stdout).toContain('id="chart-time"');
    const stats = await caselint('merge', '--stats', ...files);
    expect(JSON.parse(stats.stdout)).toEqual(JSON.parse((await caselint('--stats', '.')).stdout));
  });

  it('counts a file found in two reports once, and says so', async () => {
    const [first] = await shards('json');
    const merged = await caselint('merge', '--format', 'json', first, first);
    expect(JSON.parse(merged.stdout)).toEqual(JSON.parse(readFileSync(first, 'utf8')));
    expect(merged.stderr).toMatch(/^caselint merge: \d+ files were in more than one report and are counted once\n$/);
  });

  it('stops with exit code 2 and one line for a file that is not a report', async () => {
    const notes = join(scratch, 'notes.txt');
    writeFileSync(notes, 'Mum was hostile.');
    const result = await caselint('merge', notes);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`caselint merge: ${notes}: is not JSON; write the reports with --format json or --format sarif\n`);
    expect(result.stdout).toBe('');
    const missing = await caselint('merge', join(scratch, 'missing.json'));
    expect(missing.stderr).toMatch(/missing\.json: could not be read \(ENOENT\)\n$/);
  });

  it('fails a merge that holds an error finding, as one run would', async () => {
    const report = join(scratch, 'one.json');
    writeFileSync(report, JSON.stringify([{ filePath: join(CORPUS, 'x.md'), messages: [{ ruleId: 'unfilled-placeholder', severity: 2, message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2 }] }]));
    expect((await caselint('merge', report)).code).toBe(1);
  });
});

describe('the new options on the command line', () => {
  it('accepts the html, github and junit formats', async () => {
    for (const format of ['html', 'github', 'junit']) expect([0, 1]).toContain((await caselint('--format', format, 'd01-cin-home-visit.md')).code);
  });

  it('rejects --stats with a format other than json, in one line', async () => {
    const result = await caselint('--stats', '--format', 'html', '.');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('caselint: --stats prints counts as JSON, so it cannot be used with --format html (see caselint --help)\n');
    expect((await caselint('--stats', '--format', 'json', 'd01-cin-home-visit.md')).code).toBe(0);
  });

  it('rejects a --jobs that is not a whole number of 1 or more', async () => {
    for (const jobs of ['0', 'two', '-1']) {
      const result = await caselint('--jobs', jobs, '.');
      expect(result.code, jobs).toBe(2);
      expect(result.stderr, jobs).toMatch(/^caselint: .*--jobs.*1 or more/);
    }
  });

  it('rejects a malformed --shard, saying how to write it', async () => {
    const result = await caselint('--shard', '4/3', '.');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('The share (K in K/N) must be from 1 to 3.');
  });

  it('gives the same report with --jobs 1 and --jobs 2 (in-process, where it checks files one by one)', async () => {
    expect((await caselint('--jobs', '2', '--format', 'json', '.')).stdout).toBe((await caselint('--jobs', '1', '--format', 'json', '.')).stdout);
  });
});

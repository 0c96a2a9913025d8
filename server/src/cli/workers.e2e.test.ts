/**
 * `--jobs` in the real bundled command (server/out/cli.js, built by the vitest global setup),
 * where worker threads really start: the report must be byte-for-byte the one a single thread
 * gives, and nothing may appear on stderr (no progress bar when stderr is not a terminal).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = resolve(__dirname, '../../bin/caselint.js');
const CORPUS = resolve(__dirname, '../../../test-fixtures/corpus');
const cwd = mkdtempSync(join(tmpdir(), 'caselint-jobs-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

// Five copies of the corpus (210 notes), enough for three threads (pool.ts FILES_PER_WORKER).
for (const copy of ['a', 'b', 'c', 'd', 'e']) {
  for (const name of readdirSync(CORPUS).filter((n) => n.endsWith('.md'))) cpSync(join(CORPUS, name), join(cwd, copy, name));
}

function caselint(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('the caselint command on several threads', () => {
  it('gives exactly the single-thread report, in the same order, with --jobs 2 and --jobs 3', async () => {
    const single = await caselint(['--jobs', '1', '--format', 'json', '.']);
    expect(JSON.parse(single.stdout)).toHaveLength(210);
    for (const jobs of ['2', '3']) {
      const parallel = await caselint(['--jobs', jobs, '--format', 'json', '.']);
      expect(parallel.stdout).toBe(single.stdout);
      expect(parallel.code).toBe(single.code);
      expect(parallel.stderr).toBe('');
    }
  });

  it('checks the same files in shards across threads as in one run', async () => {
    const whole = JSON.parse((await caselint(['--format', 'json', '.'])).stdout) as { filePath: string }[];
    const parts = await Promise.all(['1/2', '2/2'].map((shard) => caselint(['--shard', shard, '--jobs', '2', '--format', 'json', '.'])));
    const paths = parts.flatMap((p) => (JSON.parse(p.stdout) as { filePath: string }[]).map((r) => r.filePath));
    expect(paths.sort()).toEqual(whole.map((r) => r.filePath).sort());
  });
});

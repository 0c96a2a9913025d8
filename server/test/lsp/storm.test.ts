/**
 * The server under an edit storm: rapid changes (typing, deleting, pasting whole notes) end with
 * diagnostics equal to a fresh lint of the final text, a result for an older version is never
 * published after a newer one, and memory stays flat over many thousands of edits.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/core/lint';
import { TestClient } from './client';

const corpus = resolve(__dirname, '../../../test-fixtures/corpus');
const pastes = ['d01-cin-home-visit.md', 'd17-arabic-interpreter-case-recording.md', 'd28-neglect-running-record.md'].map((n) => readFileSync(join(corpus, n), 'utf8'));

let dir: string;
let client: TestClient;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caselint-storm-'));
  writeFileSync(join(dir, '.caselintrc.json'), '{}');
  client = new TestClient({ rootPath: dir });
  await client.initialize();
});

afterAll(async () => {
  await client.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

function rss(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

describe('edit storm', () => {
  it('ends with the diagnostics of a fresh lint, and never publishes an older version after a newer one', async () => {
    const uri = pathToFileURL(join(dir, 'storm.md')).href;
    let text = pastes[0];
    await client.open(uri, text, 1);
    let version = 1;
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    let final: ReturnType<typeof client.nextDiagnostics> | undefined;
    for (let i = 0; i < 1000; i++) {
      const at = Math.floor(random() * text.length);
      const r = random();
      if (r < 0.6) text = text.slice(0, at) + 'x' + text.slice(at);
      else if (r < 0.95) text = text.slice(0, at) + text.slice(at + 3);
      else text = pastes[i % pastes.length];
      version++;
      if (i === 999) final = client.nextDiagnostics(uri, version);
      void client.change(uri, version, text);
    }
    const { diagnostics } = await final!;
    const fresh = lint(text).map((f) => [f.ruleId, f.range, f.message]);
    expect(diagnostics.map((d) => [d.code, d.range, d.message])).toEqual(fresh);
    const versions = client.publishedFor(uri).map((p) => p.version ?? 0);
    for (let i = 1; i < versions.length; i++) expect(versions[i]).toBeGreaterThanOrEqual(versions[i - 1]);
  }, 120_000);

  it('keeps memory flat over 10,000 edits: it runs them all inside a 160 MB heap', async () => {
    // V8 grows its heap lazily, so resident memory alone says little; a hard heap limit that a
    // leak would break through is the honest test. The server must still answer afterwards.
    const capped = new TestClient({ rootPath: dir, nodeArgs: ['--max-old-space-size=160'] });
    try {
      await capped.initialize();
      const uri = pathToFileURL(join(dir, 'memory.md')).href;
      let version = 1;
      await capped.open(uri, pastes[1], version);
      let last: Promise<unknown> | undefined;
      for (let i = 0; i < 10_000; i++) {
        version++;
        const text = pastes[1].replace('Home visit', `Home visit ${version}`) + `\nNote ${version % 50}.\n`;
        if (i === 9_999) last = capped.nextDiagnostics(uri, version);
        void capped.change(uri, version, text);
      }
      await last;
      const pid = (capped as unknown as { process: { pid: number } }).process.pid;
      expect(rss(pid)).toBeLessThan(400);
    } finally {
      await capped.shutdown();
    }
  }, 300_000);
});

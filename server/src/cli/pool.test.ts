/**
 * The worker pool, with small stand-in workers written for each test (so the tests do not
 * depend on the checker's speed), and then with the real bundled checker.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FILES_PER_WORKER, lintAll, WORKER_FAULT, type LintJob } from './pool';

const dir = mkdtempSync(join(tmpdir(), 'caselint-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A stand-in worker: answers each task with a result naming its thread, finishing tasks with
 * even indexes late (after a few turns of its event loop) so answers arrive out of order, and
 * dying outright on a path containing "crash".
 */
const STAND_IN = join(dir, 'stand-in.cjs');
writeFileSync(
  STAND_IN,
  `const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', (task) => {
  if (!task) return parentPort.close();
  if (task.path.includes('crash')) process.exit(3);
  const answer = () => parentPort.postMessage({ index: task.index, result: { filePath: task.path, messages: [{ ruleId: 'opinion-as-fact', severity: 'warning', message: 'thread ' + threadId }] } });
  let turns = task.index % 2 === 0 ? 20 : 0;
  const later = () => (turns-- > 0 ? setImmediate(later) : answer());
  later();
});`,
);

const jobs = (n: number, crashAt = -1): LintJob[] => Array.from({ length: n }, (_, i) => ({ path: `/notes/${i === crashAt ? 'crash' : 'note'}-${i}.md`, lintOptions: {} }));

describe('checking files on worker threads', () => {
  it('returns results in the order the files were given, whichever worker finishes first', async () => {
    const results = await lintAll(jobs(40), { jobs: 3, workerFile: STAND_IN });
    expect(results.map((r) => r.filePath)).toEqual(jobs(40).map((j) => j.path));
    const threads = new Set(results.map((r) => r.messages[0].message));
    expect(threads.size).toBe(3);
  });

  it('reports each finished file to the progress callback', async () => {
    const seen: number[] = [];
    await lintAll(jobs(20), { jobs: 2, workerFile: STAND_IN, onProgress: (done) => seen.push(done) });
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('loses only the file a dead worker was checking, and checks the rest', async () => {
    const results = await lintAll(jobs(24, 5), { jobs: 2, workerFile: STAND_IN });
    expect(results).toHaveLength(24);
    expect(results[5]).toEqual({ filePath: '/notes/crash-5.md', messages: [{ ruleId: null, severity: 'error', message: WORKER_FAULT, fatal: true }] });
    expect(results.filter((r) => r.messages[0].fatal)).toHaveLength(1);
    expect(results.map((r) => r.filePath)).toEqual(jobs(24, 5).map((j) => j.path));
  });

  it('starts no worker for a handful of files, or for one job', async () => {
    const few = await lintAll(jobs(FILES_PER_WORKER * 2 - 1), { jobs: 4, workerFile: STAND_IN });
    const one = await lintAll(jobs(40), { jobs: 1, workerFile: STAND_IN });
    // Checked in this thread, the made-up paths are simply files that do not exist.
    for (const result of [...few, ...one]) expect(result.messages[0].message).toBe('File not found.');
  });

  it('gives the same results with the real checker on two threads as on one', async () => {
    const corpus = resolve(__dirname, '../../../test-fixtures/corpus');
    const real = readdirSync(corpus).filter((n) => /^d\d\d-.*\.md$/.test(n)).map((n) => ({ path: join(corpus, n), lintOptions: {} }));
    expect(real.length).toBe(40);
    const bundle = resolve(__dirname, '../../out/cli.js');
    const single = await lintAll(real, { jobs: 1 });
    const parallel = await lintAll(real, { jobs: 2, workerFile: bundle });
    expect(parallel).toEqual(single);
  });
});

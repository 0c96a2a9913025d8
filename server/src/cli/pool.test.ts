/**
 * The worker pool, with small stand-in workers written for each test (so the tests do not
 * depend on the checker's speed), and then with the real bundled checker.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FILES_PER_WORKER, lintAll, WORKER_FAULT, workersFor, type LintJob } from './pool';
import type { FileResult } from './result';

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

/** Files this thread checked (the made-up paths do not exist) against those a stand-in answered. */
const fromHere = (r: FileResult) => r.messages[0].message === 'File not found.';

describe('checking files on several threads', () => {
  it('uses this thread and N - 1 workers, and only when each has enough files to be worth it', () => {
    const many = FILES_PER_WORKER * 10;
    expect(workersFor(many, 1, true)).toBe(0);
    expect(workersFor(many, 2, true)).toBe(1);
    expect(workersFor(many, 4, true)).toBe(3);
    expect(workersFor(FILES_PER_WORKER * 2 - 1, 4, true)).toBe(0);
    expect(workersFor(FILES_PER_WORKER * 3, 8, true)).toBe(2);
    expect(workersFor(many, 4, false)).toBe(0);
  });

  it('returns results in the order the files were given, whichever thread finishes first', async () => {
    const results = await lintAll(jobs(FILES_PER_WORKER * 3), { jobs: 3, workerFile: STAND_IN });
    expect(results.map((r) => r.filePath)).toEqual(jobs(FILES_PER_WORKER * 3).map((j) => j.path));
    const workers = new Set(results.filter((r) => !fromHere(r)).map((r) => r.messages[0].message));
    expect(workers.size).toBe(2);
    expect(results.some(fromHere)).toBe(true);
  });

  it('reports each finished file to the progress callback', async () => {
    const seen: number[] = [];
    await lintAll(jobs(FILES_PER_WORKER * 2), { jobs: 2, workerFile: STAND_IN, onProgress: (done) => seen.push(done) });
    expect(seen).toEqual(Array.from({ length: FILES_PER_WORKER * 2 }, (_, i) => i + 1));
  });

  it('loses only the file a dead worker was checking, and checks the files queued behind it', async () => {
    // The first worker is sent files 0 and 1 before anything else runs, and dies on file 0.
    const results = await lintAll(jobs(FILES_PER_WORKER * 2, 0), { jobs: 2, workerFile: STAND_IN });
    expect(results[0]).toEqual({ filePath: '/notes/crash-0.md', messages: [{ ruleId: null, severity: 'error', message: WORKER_FAULT, fatal: true }] });
    expect(results.filter((r) => r.messages[0].message === WORKER_FAULT)).toHaveLength(1);
    // File 1 was queued behind the crash; it is still checked, by another thread.
    expect(results[1].filePath).toBe('/notes/note-1.md');
    expect(results.map((r) => r.filePath)).toEqual(jobs(FILES_PER_WORKER * 2, 0).map((j) => j.path));
  });

  it('starts no worker for a handful of files, or for one job', async () => {
    const few = await lintAll(jobs(FILES_PER_WORKER * 2 - 1), { jobs: 4, workerFile: STAND_IN });
    const one = await lintAll(jobs(FILES_PER_WORKER * 4), { jobs: 1, workerFile: STAND_IN });
    for (const result of [...few, ...one]) expect(fromHere(result)).toBe(true);
  });

  it('gives the same results with the real checker on two threads as on one', async () => {
    const corpus = resolve(__dirname, '../../../test-fixtures/corpus');
    const notes = readdirSync(corpus).filter((n) => /^d\d\d-.*\.md$/.test(n));
    // Each note three times, so there are enough files for a worker to be started.
    const real = [1, 2, 3].flatMap(() => notes.map((n) => ({ path: join(corpus, n), lintOptions: {} })));
    expect(workersFor(real.length, 2, true)).toBe(1);
    const bundle = resolve(__dirname, '../../out/cli.js');
    const single = await lintAll(real, { jobs: 1 });
    const parallel = await lintAll(real, { jobs: 2, workerFile: bundle });
    expect(parallel).toEqual(single);
  });
});

/**
 * `--jobs N`: checks files on N threads, this one and N - 1 worker threads, each running
 * `lintFile` on one file at a time and taking the next as soon as it is free, so a long running
 * record does not hold up a queue. Results are put back in the order the files were given, so
 * every report is the same whatever the number of jobs.
 *
 * Each worker is kept two files ahead, so it never waits while this thread is busy checking a
 * file of its own. A worker is costly to start and warm up (it loads and compiles the whole
 * checker), so a small folder is checked here alone; so are all files when there is no worker
 * script (tests that run the command in this process). A worker that
 * dies takes only the file it was checking with it: that file is reported as not checked, and
 * the files queued behind it go back to the others.
 */
import { Worker } from 'node:worker_threads';
import type { LintOptions } from '../core/types';
import { lintFile } from './lint-file';
import { fileProblem, type FileResult } from './result';
import { WORKER_MARK, type WorkerReply, type WorkerTask } from './worker';

export interface LintJob {
  path: string;
  lintOptions: LintOptions;
}

export interface PoolOptions {
  jobs: number;
  /** The script a worker runs (the bundled CLI); without it everything runs in this thread. */
  workerFile?: string;
  /** Called with the number of files finished so far. */
  onProgress?: (done: number) => void;
}

/**
 * Each thread is given at least this many files. A worker spends about a second of processor
 * time loading and warming up the language analysis before it is as fast as this thread, so on
 * a small folder it would cost more than it saves (measured on the corpus: no gain below a few
 * hundred notes on two cores).
 */
export const FILES_PER_WORKER = 50;
/** Files sent to a worker before it has answered, so it is never idle waiting for this thread. */
const AHEAD = 2;

export const WORKER_FAULT = 'Caselint could not check this file because of a fault in Caselint itself. Please report it, without sending the note.';

/** How many worker threads to start besides this one. */
export function workersFor(files: number, jobs: number, hasWorkerFile: boolean): number {
  if (!hasWorkerFile) return 0;
  return Math.max(0, Math.min(jobs, Math.floor(files / FILES_PER_WORKER)) - 1);
}

export function lintAll(jobs: readonly LintJob[], options: PoolOptions): Promise<FileResult[]> {
  const results: FileResult[] = new Array(jobs.length);
  const retry: number[] = [];
  let next = 0;
  let done = 0;
  const take = (): number | undefined => retry.shift() ?? (next < jobs.length ? next++ : undefined);
  const finish = (index: number, result: FileResult) => {
    results[index] = result;
    // Counted apart from the call: `onProgress?.(++done)` would skip the count without a callback.
    done++;
    options.onProgress?.(done);
  };

  return new Promise((resolve, reject) => {
    let running = workersFor(jobs.length, options.jobs, Boolean(options.workerFile));
    let hereRunning = false;

    // This thread checks files too, yielding between them so workers are fed and the progress
    // bar can draw. It also picks up whatever a dead worker left queued.
    const here = async () => {
      for (let index = take(); index !== undefined; index = take()) {
        finish(index, lintFile(jobs[index].path, { lintOptions: jobs[index].lintOptions }));
        await new Promise<void>((done) => setImmediate(done));
      }
    };
    const runHere = () => {
      if (hereRunning) return;
      hereRunning = true;
      here().then(() => {
        hereRunning = false;
        settle();
      }, reject);
    };
    const settle = () => {
      if (running > 0 || hereRunning) return;
      if (done < jobs.length) runHere();
      else resolve(results);
    };

    for (let w = running; w > 0; w--) {
      const worker = new Worker(options.workerFile!, { workerData: { [WORKER_MARK]: true } });
      const inFlight: number[] = [];
      let closed = false;
      const feed = () => {
        while (!closed && inFlight.length < AHEAD) {
          const index = take();
          if (index === undefined) break;
          inFlight.push(index);
          const task: WorkerTask = { index, path: jobs[index].path, lintOptions: jobs[index].lintOptions };
          worker.postMessage(task);
        }
        if (inFlight.length === 0 && !closed) {
          closed = true;
          worker.postMessage(null);
        }
      };
      worker.on('message', (reply: WorkerReply) => {
        inFlight.splice(inFlight.indexOf(reply.index), 1);
        finish(reply.index, reply.result);
        feed();
      });
      // 'error' is always followed by 'exit', where the files in flight are dealt with.
      worker.on('error', () => undefined);
      worker.on('exit', () => {
        closed = true;
        // A worker answers in order, so the oldest file in flight is the one it died on.
        const [lost, ...queued] = inFlight.splice(0);
        if (lost !== undefined) finish(lost, fileProblem(jobs[lost].path, WORKER_FAULT));
        retry.push(...queued);
        running--;
        if (queued.length > 0) runHere();
        settle();
      });
      feed();
    }
    runHere();
  });
}

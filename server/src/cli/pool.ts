/**
 * `--jobs N`: checks files on N worker threads, each running `lintFile` on one file at a time and
 * taking the next file as soon as it is free, so a long running record does not hold up a
 * queue. Results are put back in the order the files were given, so every report is the same
 * whatever the number of jobs. With one job, or no worker script (tests that run the command in
 * this process), files are checked here one by one, yielding between files so the progress bar
 * can draw. A worker that dies takes only the file it was checking with it: that file is
 * reported as not checked and the others carry on.
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
 * A worker costs a few hundred milliseconds to start (it loads the whole checker), so each one
 * is given at least this many files; a handful of notes is checked faster in this thread.
 */
export const FILES_PER_WORKER = 8;

export const WORKER_FAULT = 'Caselint could not check this file because of a fault in Caselint itself. Please report it, without sending the note.';

export async function lintAll(jobs: readonly LintJob[], options: PoolOptions): Promise<FileResult[]> {
  const workers = Math.min(options.jobs, Math.floor(jobs.length / FILES_PER_WORKER));
  if (workers < 2 || !options.workerFile) return lintHere(jobs, 0, [], options.onProgress);
  return lintOnWorkers(jobs, workers, options.workerFile, options.onProgress);
}

async function lintHere(jobs: readonly LintJob[], from: number, results: FileResult[], onProgress?: (done: number) => void): Promise<FileResult[]> {
  let done = results.filter(Boolean).length;
  for (let i = from; i < jobs.length; i++) {
    results[i] = lintFile(jobs[i].path, { lintOptions: jobs[i].lintOptions });
    onProgress?.(++done);
    // Let timers run (the progress bar) between files; this costs microseconds per file.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return results;
}

function lintOnWorkers(jobs: readonly LintJob[], count: number, workerFile: string, onProgress?: (done: number) => void): Promise<FileResult[]> {
  const results: FileResult[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  let running = count;
  return new Promise((resolve, reject) => {
    const finish = () => {
      // If every worker died, whatever is left is checked here rather than lost.
      lintHere(jobs, next, results, onProgress).then(resolve, reject);
      next = jobs.length;
    };
    for (let w = 0; w < count; w++) {
      const worker = new Worker(workerFile, { workerData: { [WORKER_MARK]: true } });
      let current: number | undefined;
      const feed = () => {
        if (next >= jobs.length) {
          current = undefined;
          worker.postMessage(null);
          return;
        }
        current = next++;
        const task: WorkerTask = { index: current, path: jobs[current].path, lintOptions: jobs[current].lintOptions };
        worker.postMessage(task);
      };
      worker.on('message', (reply: WorkerReply) => {
        results[reply.index] = reply.result;
        onProgress?.(++done);
        feed();
      });
      worker.on('error', () => {
        if (current !== undefined && !results[current]) {
          results[current] = fileProblem(jobs[current].path, WORKER_FAULT);
          onProgress?.(++done);
          current = undefined;
        }
      });
      worker.on('exit', () => {
        if (current !== undefined && !results[current]) {
          results[current] = fileProblem(jobs[current].path, WORKER_FAULT);
          onProgress?.(++done);
        }
        if (--running === 0) finish();
      });
      feed();
    }
  });
}

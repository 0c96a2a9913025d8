/**
 * The worker-thread side of `--jobs`: the bundled CLI (server/out/cli.js) starts itself as a
 * worker, and main.ts sends it here instead of running the command. It checks one file per
 * message and answers with that file's result; the pool sends an empty message when there is no
 * more work, and the worker closes its port and ends. Only paths, settings and results cross
 * the thread boundary, never note text.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { LintOptions } from '../core/types';
import { lintFile } from './lint-file';
import type { FileResult } from './result';

/** Marks the workers this pool starts, so an unrelated worker loading the bundle is not taken for one. */
export const WORKER_MARK = 'caselintLintWorker';

export interface WorkerTask {
  index: number;
  path: string;
  lintOptions: LintOptions;
}

export interface WorkerReply {
  index: number;
  result: FileResult;
}

export function isLintWorker(): boolean {
  return !isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_MARK] === true;
}

export function serveLintRequests(): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', (task: WorkerTask | null) => {
    if (!task) {
      port.close();
      return;
    }
    const reply: WorkerReply = { index: task.index, result: lintFile(task.path, { lintOptions: task.lintOptions }) };
    port.postMessage(reply);
  });
}

/**
 * Entry point of the `caselint` command (bundled to server/out/cli.js). It only connects `run`
 * to the real process; everything else lives in modules that tests can call directly. The same
 * bundle is also the script of the worker threads that `--jobs` starts (worker.ts), so a worker
 * needs no second bundle and always runs exactly the checker that started it.
 */
import '../startup';
import { setReuse } from '../core/reuse';
import { run } from './run';
import { isLintWorker, serveLintRequests } from './worker';

// Each file is checked once, so nothing is kept for a next check (see core/reuse.ts).
setReuse(false);

if (isLintWorker()) {
  serveLintRequests();
} else {
  run(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    workerFile: __filename,
  }).then(
    (code) => {
      // Setting exitCode (rather than calling exit) lets a large report finish writing to a pipe.
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`caselint: an unexpected fault stopped the check (${error instanceof Error ? error.name : 'unknown'}); please report it\n`);
      process.exitCode = 2;
    },
  );
}

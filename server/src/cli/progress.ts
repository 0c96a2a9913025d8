/**
 * The progress bar for long runs: "Checking case notes [█████░░░░░] 412 of 1,000" on stderr,
 * redrawn in place. It appears only on a terminal, only once the run has taken about a second
 * (a quick run should print nothing extra), never in CI (the CI variable is set by GitHub
 * Actions, GitLab and most others, whose logs cannot redraw a line), and never when a
 * machine-readable report is going to the same screen. It is wiped before the report is written.
 */
import type { Writer } from './args';

export interface ProgressOptions {
  stream: Writer & { columns?: number };
  total: number;
  /** How long a run must take before the bar appears, in milliseconds. */
  delayMs?: number;
  /** The clock, for throttling redraws; tests replace it. */
  now?: () => number;
}

export interface Progress {
  update(done: number): void;
  stop(): void;
}

export const NO_PROGRESS: Progress = { update: () => undefined, stop: () => undefined };

const REDRAW_EVERY_MS = 100;

export function shouldShowProgress(stderr: { isTTY?: boolean }, env: Record<string, string | undefined>, machineReportOnScreen: boolean): boolean {
  return Boolean(stderr.isTTY) && !env.CI && env.TERM !== 'dumb' && !machineReportOnScreen;
}

export function startProgress(options: ProgressOptions): Progress {
  const now = options.now ?? Date.now;
  let done = 0;
  let visible = false;
  let lastDraw = 0;
  const draw = () => {
    visible = true;
    lastDraw = now();
    options.stream.write(`\r\u001b[K${progressLine(done, options.total, options.stream.columns ?? 80)}`);
  };
  const timer = setTimeout(draw, options.delayMs ?? 1000);
  // The bar must never keep the process alive on its own.
  timer.unref?.();
  return {
    update(value) {
      done = value;
      if (visible && (done === options.total || now() - lastDraw >= REDRAW_EVERY_MS)) draw();
    },
    stop() {
      clearTimeout(timer);
      if (visible) options.stream.write('\r\u001b[K');
      visible = false;
    },
  };
}

/** The text of the bar, fitted to the terminal's width. */
export function progressLine(done: number, total: number, columns: number): string {
  const counter = `${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}`;
  const label = 'Checking case notes';
  const width = Math.max(10, Math.min(40, columns - label.length - counter.length - 6));
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${counter}`;
}

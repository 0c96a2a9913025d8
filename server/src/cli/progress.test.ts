/**
 * The progress bar, driven by vitest's fake timers (no test waits on a real clock).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { progressLine, shouldShowProgress, startProgress } from './progress';

describe('the progress bar', () => {
  let clock = 0;
  let written = '';
  const stream = { write: (t: string) => (written += t), columns: 80 };

  beforeEach(() => {
    vi.useFakeTimers();
    clock = 0;
    written = '';
  });
  afterEach(() => vi.useRealTimers());

  it('stays silent for a run that finishes within a second', () => {
    const progress = startProgress({ stream, total: 10, now: () => clock });
    progress.update(10);
    vi.advanceTimersByTime(900);
    progress.stop();
    vi.advanceTimersByTime(5000);
    expect(written).toBe('');
  });

  it('appears after a second, redraws in place at most ten times a second, and is wiped at the end', () => {
    const progress = startProgress({ stream, total: 1000, now: () => clock });
    progress.update(5);
    clock = 1000;
    vi.advanceTimersByTime(1000);
    expect(written).toBe(`\r\u001b[K${progressLine(5, 1000, 80)}`);
    written = '';
    clock = 1050;
    progress.update(6);
    expect(written).toBe('');
    clock = 1100;
    progress.update(7);
    expect(written).toBe(`\r\u001b[K${progressLine(7, 1000, 80)}`);
    written = '';
    progress.stop();
    expect(written).toBe('\r\u001b[K');
  });

  it('draws a bar with the count, fitted to the terminal', () => {
    expect(progressLine(412, 1000, 80)).toBe(`Checking case notes [${'█'.repeat(16)}${'░'.repeat(24)}] 412 of 1,000`);
    expect(progressLine(1, 2, 30)).toBe(`Checking case notes [${'█'.repeat(5)}${'░'.repeat(5)}] 1 of 2`);
  });

  it('shows only on a terminal, never in CI, on a dumb terminal, or beside a report meant for a program', () => {
    expect(shouldShowProgress({ isTTY: true }, {}, false)).toBe(true);
    expect(shouldShowProgress({ isTTY: false }, {}, false)).toBe(false);
    expect(shouldShowProgress({ isTTY: true }, { CI: 'true' }, false)).toBe(false);
    expect(shouldShowProgress({ isTTY: true }, { TERM: 'dumb' }, false)).toBe(false);
    expect(shouldShowProgress({ isTTY: true }, {}, true)).toBe(false);
  });
});

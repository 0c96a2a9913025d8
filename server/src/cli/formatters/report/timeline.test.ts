import { describe, expect, it } from 'vitest';
import { buildTimeline } from './timeline';

describe('the timeline of findings', () => {
  it('counts by month, including the empty months between, and counts undated findings apart', () => {
    expect(buildTimeline(['2025-11-30', '2026-01-02', '2026-01-31', undefined])).toEqual({
      unit: 'month',
      undated: 1,
      periods: [
        { short: 'Nov 2025', long: 'November 2025', count: 1 },
        { short: 'Dec 2025', long: 'December 2025', count: 0 },
        { short: 'Jan 2026', long: 'January 2026', count: 2 },
      ],
    });
  });

  it('groups a record of more than three years by quarter', () => {
    const timeline = buildTimeline(['2020-02-01', '2023-12-01']);
    expect(timeline.unit).toBe('quarter');
    expect(timeline.periods[0]).toEqual({ short: 'Q1 2020', long: 'January to March 2020', count: 1 });
    expect(timeline.periods.at(-1)).toEqual({ short: 'Q4 2023', long: 'October to December 2023', count: 1 });
    expect(timeline.periods).toHaveLength(16);
  });

  it('groups a record of more than nine years by year', () => {
    const timeline = buildTimeline(['2001-06-01', '2015-06-01', '2015-07-01']);
    expect(timeline.unit).toBe('year');
    expect(timeline.periods.map((p) => p.count)).toEqual([1, ...Array(13).fill(0), 2]);
  });

  it('has no periods when no finding is dated', () => {
    expect(buildTimeline([undefined, undefined])).toEqual({ unit: 'month', undated: 2, periods: [] });
  });
});

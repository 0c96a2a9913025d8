/**
 * Groups findings by the date of the entry they fall in, for the "over time" chart. Periods run
 * without gaps from the first dated finding to the last (an empty month is information too), by
 * month; a long record would give too many thin bars, so beyond 36 months the periods are
 * quarters, and beyond 36 quarters, years. Findings outside any dated entry are counted apart.
 */
import { MONTH_NAMES } from './markup';

export interface Period {
  /** Short label for the chart axis: "Jan 2026", "Q1 2026", "2026". */
  short: string;
  /** Full label for tables and text: "January 2026", "January to March 2026", "2026". */
  long: string;
  count: number;
}

export interface Timeline {
  periods: Period[];
  undated: number;
  unit: 'month' | 'quarter' | 'year';
}

const MAX_PERIODS = 36;

/** `dates` holds one ISO date (YYYY-MM-DD) or undefined per finding. */
export function buildTimeline(dates: readonly (string | undefined)[]): Timeline {
  const months: number[] = [];
  let undated = 0;
  for (const date of dates) {
    const match = date ? /^(\d{4})-(\d{2})-\d{2}$/.exec(date) : null;
    if (match) months.push(Number(match[1]) * 12 + Number(match[2]) - 1);
    else undated++;
  }
  if (months.length === 0) return { periods: [], undated, unit: 'month' };
  const first = Math.min(...months);
  const last = Math.max(...months);
  const unit = last - first + 1 <= MAX_PERIODS ? 'month' : Math.floor(last / 3) - Math.floor(first / 3) + 1 <= MAX_PERIODS ? 'quarter' : 'year';
  const size = unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12;
  const start = Math.floor(first / size);
  const periods: Period[] = [];
  for (let p = start; p <= Math.floor(last / size); p++) periods.push({ ...label(p * size, unit), count: 0 });
  for (const month of months) periods[Math.floor(month / size) - start].count++;
  return { periods, undated, unit };
}

function label(monthIndex: number, unit: Timeline['unit']): { short: string; long: string } {
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex % 12;
  if (unit === 'year') return { short: String(year), long: String(year) };
  if (unit === 'quarter') {
    const q = Math.floor(month / 3) + 1;
    return { short: `Q${q} ${year}`, long: `${MONTH_NAMES[month]} to ${MONTH_NAMES[month + 2]} ${year}` };
  }
  return { short: `${MONTH_NAMES[month].slice(0, 3)} ${year}`, long: `${MONTH_NAMES[month]} ${year}` };
}

/**
 * Bar charts as inline SVG, drawn from numbers alone (no script, no fonts, no images), so they
 * show the same in a browser, a VS Code webview and on paper. Each chart is an image to assistive
 * technology (role="img") named by its <title> and described by a <desc> that states every value;
 * the report also puts the same figures in a table or list beside it. Only bars with a value
 * are drawn, one <rect> each, and colours and sizes live in the report's stylesheet.
 */
import { esc, num } from './markup';

export interface Bar {
  /** Shown beside the bar; shortened if too long. */
  label: string;
  /** The full wording, used in the description. */
  name?: string;
  value: number;
  /** Adds a class to the bar, e.g. to set apart the "no date" bar. */
  kind?: string;
}

export interface ChartText {
  id: string;
  title: string;
  /** Opening sentence of the description; each bar's value is added after it. */
  summary: string;
  unit: [one: string, many: string];
}

const WIDTH = 720;

/** Horizontal bars: one row per category (checks, files), longest label on the left. */
export function horizontalBarChart(text: ChartText, bars: readonly Bar[], labelWidth = 250): string {
  const row = 28;
  const barHeight = 18;
  const top = 4;
  const height = top * 2 + row * Math.max(bars.length, 1);
  const area = WIDTH - labelWidth - 70;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const maxChars = Math.floor((labelWidth - 12) / 7.2);
  const rows = bars.map((bar, i) => {
    const y = top + i * row;
    const width = Math.max(2, Math.round((bar.value / max) * area));
    const mid = y + row / 2;
    return [
      `<text class="chart-label" x="${labelWidth - 10}" y="${mid}" text-anchor="end" dominant-baseline="central">${esc(shorten(bar.label, maxChars))}</text>`,
      bar.value > 0 ? `<rect class="bar${bar.kind ? ` bar-${bar.kind}` : ''}" x="${labelWidth}" y="${y + (row - barHeight) / 2}" width="${width}" height="${barHeight}"/>` : '',
      `<text class="chart-value" x="${labelWidth + (bar.value > 0 ? width : 0) + 6}" y="${mid}" dominant-baseline="central">${num(bar.value)}</text>`,
    ].join('');
  });
  return svg(text, bars, height, `<line class="axis" x1="${labelWidth}" y1="${top}" x2="${labelWidth}" y2="${height - top}"/>${rows.join('')}`);
}

/** Vertical bars in time order, for the timeline; labels turn when there are many periods. */
export function verticalBarChart(text: ChartText, bars: readonly Bar[]): string {
  const slant = bars.length > 12;
  const labelSpace = slant ? 70 : 30;
  const plot = 180;
  const top = 22;
  const height = top + plot + labelSpace;
  const left = 10;
  const slot = Math.min(90, (WIDTH - left * 2) / Math.max(bars.length, 1));
  const barWidth = Math.max(4, slot * 0.7);
  const max = Math.max(1, ...bars.map((b) => b.value));
  const base = top + plot;
  const columns = bars.map((bar, i) => {
    const cx = left + slot * i + slot / 2;
    const h = Math.max(2, Math.round((bar.value / max) * plot));
    const label = slant
      ? `<text class="chart-label" x="${cx}" y="${base + 14}" text-anchor="end" transform="rotate(-45 ${cx} ${base + 14})">${esc(bar.label)}</text>`
      : `<text class="chart-label" x="${cx}" y="${base + 18}" text-anchor="middle">${esc(bar.label)}</text>`;
    return [
      bar.value > 0 ? `<rect class="bar${bar.kind ? ` bar-${bar.kind}` : ''}" x="${round(cx - barWidth / 2)}" y="${base - h}" width="${round(barWidth)}" height="${h}"/>` : '',
      `<text class="chart-value" x="${cx}" y="${base - (bar.value > 0 ? h : 0) - 6}" text-anchor="middle">${num(bar.value)}</text>`,
      label,
    ].join('');
  });
  return svg(text, bars, height, `<line class="axis" x1="${left}" y1="${base}" x2="${WIDTH - left}" y2="${base}"/>${columns.join('')}`);
}

function svg(text: ChartText, bars: readonly Bar[], height: number, body: string): string {
  const [one, many] = text.unit;
  const values = bars.map((b) => `${b.name ?? b.label}: ${num(b.value)} ${b.value === 1 ? one : many}`).join('; ');
  const desc = `${text.summary} ${values ? `${values}.` : ''}`.trim();
  return (
    `<svg class="chart" id="${text.id}" role="img" aria-labelledby="${text.id}-title ${text.id}-desc" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" preserveAspectRatio="xMinYMin meet">` +
    `<title id="${text.id}-title">${esc(text.title)}</title><desc id="${text.id}-desc">${esc(desc)}</desc>${body}</svg>`
  );
}

/** Keeps the end of a long label (for a path, the file name), marking the cut with an ellipsis. */
export function shorten(label: string, max: number): string {
  return label.length <= max ? label : `…${label.slice(label.length - max + 1)}`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

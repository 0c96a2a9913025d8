/**
 * Reads a Markdown table row back from the source, with its column headings. The parsed blocks
 * give one block per non-empty cell and skip the header row, which is enough for prose rules;
 * rules that need to know which column a cell is in ("Who", "By when"), or that a cell was left
 * empty, read the row here. Pure and cheap: it only looks at the lines of the one table.
 */
import type { CaseNote, Sentence } from './document';

export interface TableCell {
  /** Cell text, trimmed. */
  text: string;
  /** Source offsets of the cell's content (or, for an empty cell, the gap between its pipes). */
  start: number;
  end: number;
}

export interface TableRow {
  /** Column headings, trimmed, in order. */
  header: string[];
  cells: TableCell[];
  /** Source offsets of the whole row line. */
  start: number;
  end: number;
}

const cache = new WeakMap<CaseNote, Map<number, TableRow | null>>();

/** Splits one table line at unescaped pipes, keeping source offsets; edge pipes are dropped. */
function splitRow(line: string, base: number): TableCell[] {
  const cells: TableCell[] = [];
  let from = 0;
  const bounds: [number, number][] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') {
      i++;
      continue;
    }
    if (line[i] === '|') {
      bounds.push([from, i]);
      from = i + 1;
    }
  }
  bounds.push([from, line.length]);
  // A leading or trailing pipe leaves an empty piece at the edge, which is not a cell.
  if (bounds.length && !line.slice(bounds[0][0], bounds[0][1]).trim() && /^\s*\|/.test(line)) bounds.shift();
  if (bounds.length && !line.slice(bounds[bounds.length - 1][0], bounds[bounds.length - 1][1]).trim() && /\|\s*$/.test(line)) bounds.pop();
  for (const [a, b] of bounds) {
    const raw = line.slice(a, b);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    const start = text ? base + a + lead : base + a + Math.min(1, raw.length);
    cells.push({ text, start, end: text ? start + text.length : start });
  }
  return cells;
}

const DELIMITER = /^\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?\s*$/;

/** The row a table-cell sentence sits in, with the table's headings; null outside tables. */
export function tableRowOf(note: CaseNote, sentence: Sentence): TableRow | null {
  const block = sentence.block;
  if (block.kind !== 'cell' || block.tableRow < 1) return null;
  let byLine = cache.get(note);
  if (!byLine) cache.set(note, (byLine = new Map()));
  const line = note.lines.lineOf(block.start);
  if (byLine.has(line)) return byLine.get(line)!;
  const lineText = (n: number) => note.text.slice(note.lines.lineStart(n), note.lines.lineEnd(n));
  // Walk up to the delimiter row (|---|---|); the line above it holds the headings. A row just
  // below a row already read shares its headings, so a long table is read in one pass.
  let header: string[] = [];
  const above = byLine.get(line - 1);
  if (above) header = above.header;
  else for (let n = line - 1, steps = 0; n > 0 && steps < 500; n--, steps++) {
    const text = lineText(n);
    if (!text.includes('|') && !DELIMITER.test(text)) break;
    if (DELIMITER.test(text) && text.includes('-')) {
      header = splitRow(lineText(n - 1), 0).map((c) => c.text.replace(/[*_`]/g, '').trim());
      break;
    }
  }
  const start = note.lines.lineStart(line);
  const row: TableRow = { header, cells: splitRow(lineText(line), start), start, end: note.lines.lineEnd(line) };
  byLine.set(line, row);
  return row;
}

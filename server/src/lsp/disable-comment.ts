/**
 * Where "Disable RULE for this line" puts its comment, so that the note still reads and renders
 * as it did. Usually the comment goes on its own line above the finding,
 * `<!-- caselint-disable-next-line RULE -->`, with the indentation (and `>` quote markers) of that
 * line. Three places need more care, because a comment line there would change the Markdown:
 *
 * - A list item after another item: a comment at the item's own indentation would end the list
 *   and start a new one, so it is indented to the item's content, where it belongs to the item
 *   above and the list stays whole.
 * - A line that continues a paragraph (hard-wrapped or dictated text): a comment line would split
 *   the paragraph in two, so the same `next-line` comment goes at the end of the line above,
 *   before any hard-break spaces or backslash.
 * - A table row: any line between rows ends the table, so a `caselint-disable-line` comment goes
 *   inside the row's last cell.
 *
 * Findings in the front matter get no disable comment: anything above the opening `---` would
 * stop it being front matter. Pure: text in, one edit out.
 */
import type { TextEdit } from '../core/types';

const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/** Lines that end a paragraph or cannot belong to one: headings, fences, HTML, rules, setext underlines. */
const NOT_PARAGRAPH_TEXT = /^[ \t]{0,3}(?:#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|<|(?:[-*_][ \t]*){3,}$|=+[ \t]*$)/;
/** Lines that start a new block even straight after paragraph text. */
const BLOCK_START = /^[ \t]{0,3}(?:#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|<|(?:[-*_][ \t]*){3,}$|[-*+][ \t]|\d{1,9}[.)][ \t]|\|)/;

export function disableCommentEdit(text: string, line: number, ruleId: string): TextEdit | null {
  const lines = text.split(/\r\n|\r|\n/);
  if (line < 0 || line >= lines.length || inFrontMatter(lines, line)) return null;
  if (isTableRow(lines, line)) {
    return extendExisting(lines[line], line, 'disable-line', ruleId) ?? insideLastCell(lines[line], line, `<!-- caselint-disable-line ${ruleId} -->`);
  }
  if (line > 0) {
    const existing = extendExisting(lines[line - 1], line - 1, 'disable-next-line', ruleId);
    if (existing) return existing;
  }
  const comment = `<!-- caselint-disable-next-line ${ruleId} -->`;
  if (continuesParagraph(lines, line)) return atEndOfLine(lines[line - 1], line - 1, comment);
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indentFor(lines, line)}${comment}${eol}` };
}

function inFrontMatter(lines: string[], line: number): boolean {
  if (lines[0].replace(/^\uFEFF/, '').trimEnd() !== '---') return false;
  for (let i = 1; i < lines.length; i++) if (/^(?:---|\.\.\.)[ \t]*$/.test(lines[i])) return line <= i;
  return false;
}

/** The `>` quote markers (with their spaces) at the start of a line, and the rest. */
function splitQuote(lineText: string): { quote: string; rest: string } {
  const quote = /^(?:[ \t]{0,3}>[ \t]?)*/.exec(lineText)![0];
  return { quote, rest: lineText.slice(quote.length) };
}

function indentOf(rest: string): number {
  return /^[ \t]*/.exec(rest)![0].replace(/\t/g, '    ').length;
}

function indentFor(lines: string[], line: number): string {
  const { quote, rest } = splitQuote(lines[line]);
  const item = LIST_ITEM.exec(rest);
  if (!item) return quote + /^[ \t]*/.exec(rest)![0];
  const gap = item[3].includes('\t') || item[3].length > 4 || item[3].length === 0 ? 1 : item[3].length;
  const own = quote + item[1];
  return hasSiblingAbove(lines, line, quote, item) ? own + ' '.repeat(item[2].length + gap) : own;
}

/**
 * Whether a list item follows another item of the same list, looking up past blank lines (a loose
 * list), the items' own content (indented further) and lazy continuation lines.
 */
function hasSiblingAbove(lines: string[], line: number, quote: string, item: RegExpExecArray): boolean {
  const indent = indentOf(item[1]);
  let sawBlank = false;
  for (let i = line - 1; i >= 0; i--) {
    const above = splitQuote(lines[i]);
    if (above.quote.replace(/[ \t]/g, '') !== quote.replace(/[ \t]/g, '')) return false;
    if (!above.rest.trim()) {
      sawBlank = true;
      continue;
    }
    const lead = indentOf(above.rest);
    const marker = LIST_ITEM.exec(above.rest);
    if (marker && lead === indent) return sameListKind(marker[2], item[2]);
    if (lead > indent) continue;
    if (marker) return false;
    if (sawBlank) return false;
  }
  return false;
}

/** A different bullet character, or `.` against `)`, starts a new list in Markdown. */
function sameListKind(a: string, b: string): boolean {
  const bulletA = /^[-*+]$/.test(a);
  if (bulletA !== /^[-*+]$/.test(b)) return false;
  return bulletA ? a === b : a.slice(-1) === b.slice(-1);
}

function continuesParagraph(lines: string[], line: number): boolean {
  if (line === 0) return false;
  const cur = splitQuote(lines[line]);
  const prev = splitQuote(lines[line - 1]);
  if (cur.quote.replace(/[ \t]/g, '') !== prev.quote.replace(/[ \t]/g, '')) return false;
  if (!prev.rest.trim() || BLOCK_START.test(cur.rest)) return false;
  if (NOT_PARAGRAPH_TEXT.test(prev.rest) || isTableRow(lines, line - 1)) return false;
  // A line indented four or more beyond the next is indented code, not the paragraph's text.
  return indentOf(prev.rest) < indentOf(cur.rest) + 4 || LIST_ITEM.test(prev.rest);
}

function atEndOfLine(lineText: string, line: number, comment: string): TextEdit {
  // Keep a hard line break (two trailing spaces or a backslash) at the very end of the line.
  const character = /(?:\\|[ \t]*)$/.exec(lineText)!.index;
  return { range: { start: { line, character }, end: { line, character } }, newText: ` ${comment}` };
}

function isTableRow(lines: string[], line: number): boolean {
  if (!lines[line].includes('|') || TABLE_DELIMITER.test(lines[line])) return false;
  // The header row sits directly above the delimiter row; body rows follow it without a blank line.
  if (line + 1 < lines.length && TABLE_DELIMITER.test(lines[line + 1]) && lines[line + 1].includes('-')) return true;
  for (let i = line - 1; i >= 0 && lines[i].includes('|'); i--) if (TABLE_DELIMITER.test(lines[i]) && lines[i].includes('-')) return true;
  return false;
}

function insideLastCell(lineText: string, line: number, comment: string): TextEdit {
  const trimmed = lineText.replace(/[ \t]+$/, '');
  const closed = trimmed.endsWith('|') && !trimmed.endsWith('\\|');
  let character = closed ? trimmed.length - 1 : trimmed.length;
  while (closed && character > 0 && /[ \t]/.test(lineText[character - 1])) character--;
  return { range: { start: { line, character }, end: { line, character } }, newText: ` ${comment}` };
}

/**
 * When the place already holds a Caselint comment of the same kind (another rule disabled for
 * this line), the rule id is added to it: a second comment would push the first off its line.
 */
function extendExisting(lineText: string, line: number, kind: 'disable-next-line' | 'disable-line', ruleId: string): TextEdit | null {
  const found = new RegExp(`<!--[ \\t]*caselint-${kind}\\b[^>]*?([ \\t]*)-->`).exec(lineText);
  if (!found || (kind === 'disable-next-line' && !/-->[ \t]*\\?$/.test(lineText))) return null;
  const character = found.index + found[0].length - 3 - found[1].length;
  return { range: { start: { line, character }, end: { line, character } }, newText: ` ${ruleId}` };
}

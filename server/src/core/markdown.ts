/**
 * Turns Markdown into the blocks of prose a practitioner wrote, each as plain text with a map
 * back to source offsets. Markup (`**`, `_`, links, escapes, entities) disappears from the plain
 * text but every plain character still knows where it came from, so findings land exactly.
 *
 * Left out on purpose, because they are not the writer's own assertions: code, HTML (including
 * comments, read separately for inline directives), block quotes (quoted replies) and front matter.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import type { Processor } from 'unified';
import { digest } from './digest';
import { keep, reusing } from './reuse';
import type { Root, RootContent, PhrasingContent, Heading } from 'mdast';

export type BlockKind = 'heading' | 'paragraph' | 'cell';

/** A bold label at the start of a line: `**Child's views:**` or `**Present**:`. */
export interface Label {
  /** Plain-text index where the label starts and where the text after it starts. */
  at: number;
  after: number;
  text: string;
}

export interface TextBlock {
  kind: BlockKind;
  /** Heading depth 1-6; 0 otherwise. */
  depth: number;
  start: number;
  end: number;
  /** Prose with markup removed; line breaks become spaces so indices stay aligned with `map`. */
  plain: string;
  /** Source offset of each plain character (a typed array: a long record has millions). */
  map: Uint32Array;
  labels: Label[];
  /** The whole block is bold (a bold line standing in for a heading or a label). */
  allBold: boolean;
  /** Inside a list item. */
  listItem: boolean;
  /** Row index inside a table (0 = header row); -1 outside tables. */
  tableRow: number;
}

/** Source offsets of the plain-text stretch [from, to) of a block (`to` > `from`). */
export function sourceRange(block: TextBlock, from: number, to: number): { start: number; end: number } {
  return { start: block.map[from], end: block.map[to - 1] + 1 };
}

export interface HtmlComment {
  start: number;
  end: number;
  value: string;
}

export interface ParsedMarkdown {
  blocks: TextBlock[];
  comments: HtmlComment[];
  /** Source offsets of the YAML front matter's content, if well formed. */
  frontMatter: { start: number; end: number; value: string } | null;
}

/**
 * GitHub-flavoured Markdown as case systems export it (tables, struck-through text, task lists,
 * footnotes), without the one GFM extension that turns bare web addresses into links: links are
 * read as their text anyway, so it would change nothing Caselint sees, and it alone more than
 * doubles the parse time (measured: 1,160 ms against 480 ms for remark-parse alone on 400 notes).
 * Tables are left out too for text that cannot hold one (see mayHoldTable).
 */
function gfmWithoutAutolinks(this: Processor, options: { tables: boolean }): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(...(options.tables ? [gfmTable()] : []), gfmStrikethrough(), gfmTaskListItem(), gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(...(options.tables ? [gfmTableFromMarkdown()] : []), gfmStrikethroughFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmFootnoteFromMarkdown());
}

const processor = unified().use(remarkParse).use(gfmWithoutAutolinks, { tables: true }).use(remarkFrontmatter, ['yaml']);
const processorWithoutTables = unified().use(remarkParse).use(gfmWithoutAutolinks, { tables: false }).use(remarkFrontmatter, ['yaml']);

/**
 * False when the text cannot hold a table. Every GFM table has a "|", except a one-column table
 * without pipes, whose second line still needs a colon beside a hyphen (":-", "-:"). The parser
 * tries a table at the start of every line, about a fifth of the parse time on a note without
 * one, so text with none of the three is parsed without tables (markdown.test.ts checks that the
 * two parses agree on such text).
 */
export function mayHoldTable(text: string): boolean {
  return text.includes('|') || text.includes(':-') || text.includes('-:');
}

/** The Markdown tree of the text, with nesting capped (see capNesting). */
export function parseTree(text: string, tables = mayHoldTable(text)): Root {
  return (tables ? processor : processorWithoutTables).parse(capNesting(text)) as Root;
}

/**
 * Parses the note a section at a time. Every ATX heading at the start of a line (outside a code
 * fence) begins a new section, which Markdown guarantees cannot continue a block from before it,
 * so sections parse independently. Each section's result is cached by its text: typing in one
 * entry of a long running record re-parses that entry only.
 */
export function parseMarkdown(text: string): ParsedMarkdown {
  // A note checked only once (the command line) gains nothing from the sections, and parsing it
  // in one go is quicker, where that is sure to give the same result (see parsesAsOne).
  if (!reusing() && parsesAsOne(text)) return parseFresh(text);
  const out: ParsedMarkdown = { blocks: [], comments: [], frontMatter: null };
  for (const [start, end] of sections(text)) {
    const part = parseSection(text.slice(start, end));
    if (start === 0) out.frontMatter = part.frontMatter;
    for (const b of part.blocks) out.blocks.push(start ? { ...b, start: b.start + start, end: b.end + start, map: shifted(b.map, start) } : b);
    for (const c of part.comments) out.comments.push(start ? { ...c, start: c.start + start, end: c.end + start } : c);
  }
  return out;
}

/** The map moved by `by` (a plain loop: much faster than a callback per character). */
function shifted(map: Uint32Array, by: number): Uint32Array {
  const out = new Uint32Array(map.length);
  for (let i = 0; i < map.length; i++) out[i] = map[i] + by;
  return out;
}

const SECTION_CACHE_LIMIT = 600;
const sectionCache = new Map<string, ParsedMarkdown>();

function parseSection(text: string): ParsedMarkdown {
  if (!reusing()) return parseFresh(text);
  const key = digest(text);
  const hit = sectionCache.get(key);
  if (hit) {
    // Refresh its place in the least-recently-used order.
    sectionCache.delete(key);
    sectionCache.set(key, hit);
    return hit;
  }
  return keep(sectionCache, SECTION_CACHE_LIMIT, key, parseFresh(text));
}

function parseFresh(text: string): ParsedMarkdown {
  const tree = parseTree(text);
  const out: ParsedMarkdown = { blocks: [], comments: [], frontMatter: null };
  walk(tree.children, text, out, { listItem: false });
  return out;
}

const MAX_QUOTE_DEPTH = 16;
const MAX_INDENT = 24;
const DEEP_QUOTES = new RegExp(`(?:>[ \\t]?){${MAX_QUOTE_DEPTH + 1}}`);
const DEEP_INDENT = new RegExp(`(?:^|\\n)[ \\t]{${MAX_INDENT + 1}}`);
const DEEP_LIST_MARKER = new RegExp(`^([ \\t]{${MAX_INDENT + 1},})([-*+]|\\d{1,9}[.)])(?=[ \\t])`, 'gm');
/** A line opening more than MAX_QUOTE_DEPTH quotes and list items in a row ("- - - > - …"). */
const CONTAINER = '(?:>[ \\t]*|(?:[-*+]|\\d{1,9}[.)])[ \\t]+)';
const DEEP_CONTAINERS = new RegExp(`(?:^|\\n)[ \\t]*${CONTAINER}{${MAX_QUOTE_DEPTH + 1}}`);
const DEEP_CONTAINERS_LINE = new RegExp(`^[ \\t]*${CONTAINER}{${MAX_QUOTE_DEPTH + 1},}`, 'gm');

/**
 * Real notes never nest quotes or lists more than a few levels, but a pasted or corrupted file
 * can nest thousands deep, which makes the Markdown parser slow or exhausts its stack. Beyond a
 * sane depth, extra `>` markers and deeply indented list markers become spaces: every offset stays
 * where it was, quoted text stays quoted, and the parse stays fast.
 */
export function capNesting(text: string): string {
  if (!DEEP_QUOTES.test(text) && !DEEP_INDENT.test(text) && !DEEP_CONTAINERS.test(text)) return text;
  return text.replace(/^([ \t]*)((?:>[ \t]?)+)/gm, (all, lead: string, quotes: string) => {
    let depth = 0;
    return lead + quotes.replace(/>/g, (q) => (++depth > MAX_QUOTE_DEPTH ? ' ' : q));
  }).replace(DEEP_LIST_MARKER, (all, lead: string, marker: string) => lead + ' '.repeat(marker.length))
    // "- - - - … item": list items opened on one line, thousands deep.
    .replace(DEEP_CONTAINERS_LINE, (run: string) => {
      let depth = 0;
      return run.replace(/>|[-*+]|\d{1,9}[.)]/g, (marker) => (++depth > MAX_QUOTE_DEPTH ? ' '.repeat(marker.length) : marker));
    });
}

/**
 * True when parsing the whole note at once gives exactly what parsing it section by section
 * gives. A top-level heading ends every block before it, with four exceptions, and a note with
 * none of them qualifies: a reference or footnote definition ("[x]: …", which any section could
 * use), an HTML block at the start of a line (a comment or <pre> can run on past a heading), a
 * "---" opening line with no closing one (read differently when the note is whole), and nesting
 * deep enough to be capped (capped per section). A test compares the two on every annotated note
 * and on generated ones.
 */
export function parsesAsOne(text: string): boolean {
  if (/^---[ \t]*(?:\r?\n|$)/.test(text) && !FRONT_MATTER.test(text)) return false;
  return !text.includes(']:') && !/^ {0,3}</m.test(text) && capNesting(text) === text;
}

/** Closed front matter at the very start of a note. */
const FRONT_MATTER = /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** [start, end) offsets of the sections of a note, split before each top-level ATX heading. */
export function sections(text: string): [number, number][] {
  const cuts = [0];
  let fence: string | null = null;
  const line = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  // Never split inside front matter ("# a YAML comment" is not a heading).
  const frontMatter = FRONT_MATTER.exec(text);
  if (frontMatter) line.lastIndex = frontMatter[0].length;
  for (let m = line.exec(text); m && m[0]; m = line.exec(text)) {
    const content = m[0];
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(content);
    if (fence) {
      if (marker && marker[1][0] === fence[0] && marker[1].length >= fence.length && /^ {0,3}[`~]+\s*$/.test(content)) fence = null;
    } else if (marker) {
      fence = marker[1];
    } else if (/^#{1,6}(?:[ \t]|\r?\n|$)/.test(content) && m.index > 0) {
      cuts.push(m.index);
    }
  }
  cuts.push(text.length);
  const out: [number, number][] = [];
  for (let i = 0; i < cuts.length - 1; i++) if (cuts[i + 1] > cuts[i]) out.push([cuts[i], cuts[i + 1]]);
  return out.length ? out : [[0, text.length]];
}

interface WalkState {
  listItem: boolean;
}

function walk(nodes: RootContent[], text: string, out: ParsedMarkdown, state: WalkState): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'yaml':
        out.frontMatter = { start: offsetOf(node, 'start'), end: offsetOf(node, 'end'), value: node.value };
        break;
      case 'heading':
        pushBlock(out, text, node.children, 'heading', (node as Heading).depth, node, state, -1);
        break;
      case 'paragraph':
        pushBlock(out, text, node.children, 'paragraph', 0, node, state, -1);
        break;
      case 'list':
        for (const item of node.children) walk(item.children, text, out, { listItem: true });
        break;
      case 'table':
        node.children.forEach((row, r) => {
          for (const cell of row.children) pushBlock(out, text, cell.children, 'cell', 0, cell, state, r);
        });
        break;
      case 'html':
        collectComments(node.value, offsetOf(node, 'start'), out);
        break;
      // Block quotes are other people's words (pasted replies); code is not prose.
      case 'blockquote':
      case 'code':
      case 'thematicBreak':
      case 'definition':
      case 'footnoteDefinition':
        break;
      default:
        break;
    }
  }
}

function offsetOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, which: 'start' | 'end'): number {
  return node.position?.[which].offset ?? 0;
}

function collectComments(value: string, base: number, out: ParsedMarkdown): void {
  const re = /<!--([\s\S]*?)-->/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    out.comments.push({ start: base + m.index, end: base + m.index + m[0].length, value: m[1].trim() });
  }
}

interface Builder {
  /** The block's plain text so far, as UTF-16 code units; room is kept ahead, `length` of them count. */
  codes: Uint16Array;
  /** map[i] is the source offset of codes[i]. */
  map: Uint32Array;
  length: number;
  labels: Label[];
  boldChars: number;
  textChars: number;
}

function pushBlock(
  out: ParsedMarkdown,
  text: string,
  children: PhrasingContent[],
  kind: BlockKind,
  depth: number,
  node: RootContent | { position?: { start: { offset?: number }; end: { offset?: number } } },
  state: WalkState,
  tableRow: number,
): void {
  // The block's source span is room enough for its plain text, which decoding only shortens.
  const room = offsetOf(node as never, 'end') - offsetOf(node as never, 'start') + 1;
  const b: Builder = { codes: new Uint16Array(room), map: new Uint32Array(room), length: 0, labels: [], boldChars: 0, textChars: 0 };
  inline(children, text, b, false, out);
  const plain = textOf(b, 0, b.length);
  if (!plain.trim()) return;
  out.blocks.push({
    kind,
    depth,
    start: offsetOf(node as never, 'start'),
    end: offsetOf(node as never, 'end'),
    plain,
    map: b.map.length === b.length ? b.map : b.map.slice(0, b.length),
    labels: b.labels,
    allBold: b.textChars > 0 && b.boldChars >= b.textChars,
    listItem: state.listItem,
    tableRow,
  });
}

/** True when the plain text built so far ends a line (or is empty): a label may start here. */
function atLineStart(b: Builder, text: string): boolean {
  if (b.length === 0) return true;
  const last = b.map[b.length - 1];
  // A soft line break was emitted as a space mapped to the line-break character.
  const c = text[last];
  if (c === '\n' || c === '\r') return true;
  // Only white space since the last line break.
  for (let i = b.length - 1; i >= 0; i--) {
    if (b.codes[i] !== SPACE) return false;
    const src = text[b.map[i]];
    if (src === '\n' || src === '\r') return true;
  }
  return true;
}

function inline(nodes: PhrasingContent[], text: string, b: Builder, bold: boolean, out: ParsedMarkdown): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        appendAligned(node.value, text, offsetOf(node, 'start'), offsetOf(node, 'end'), b, bold);
        break;
      case 'strong': {
        const labelAt = atLineStart(b, text) ? b.length : -1;
        inline(node.children, text, b, true, out);
        if (labelAt >= 0) maybeLabel(b, labelAt, text, offsetOf(node, 'end'));
        break;
      }
      case 'emphasis':
      case 'delete':
      case 'link':
      case 'linkReference':
        inline(node.children as PhrasingContent[], text, b, bold, out);
        break;
      case 'break':
        appendAligned(' ', text, offsetOf(node, 'start'), offsetOf(node, 'end'), b, bold);
        break;
      case 'html':
        collectComments(node.value, offsetOf(node, 'start'), out);
        break;
      default:
        break;
    }
  }
}

/** A bold run at line start ending with a colon (inside or just after the stars) is a field label. */
function maybeLabel(b: Builder, at: number, text: string, boldEnd: number): void {
  const labelText = textOf(b, at, b.length).trim();
  let after = b.length;
  let isLabel = /:$/.test(labelText);
  if (!isLabel && text[boldEnd] === ':') {
    // `**Present**: ...` — swallow the colon into the label.
    isLabel = true;
  }
  if (!isLabel || labelText.length > 80) return;
  // The colon after the bold, if any, belongs to the label.
  const next = text.slice(boldEnd, boldEnd + 1);
  if (next === ':') after = b.length;
  b.labels.push({ at, after, text: labelText.replace(/:$/, '').trim() });
}

/**
 * Appends a node's value, aligning each character with its source position. Values differ from
 * the source where Markdown escapes (`\*`) or entities (`&amp;`) were decoded, so we walk both.
 */
function appendAligned(value: string, text: string, start: number, end: number, b: Builder, bold: boolean): void {
  // Most text is the source exactly (no escapes, entities or stripped indents): each character maps to itself.
  const verbatim = end - start === value.length && text.startsWith(value, start);
  const from = b.length;
  if (from + value.length > b.map.length) {
    const size = Math.max(2 * b.map.length, from + value.length);
    const codes = new Uint16Array(size);
    const map = new Uint32Array(size);
    codes.set(b.codes);
    map.set(b.map);
    b.codes = codes;
    b.map = map;
  }
  let j = start;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    let at = start + i;
    if (!verbatim) {
      let k = j;
      // Look ahead a little for the matching source character (skipping escapes and entity text).
      while (k < end && text[k] !== ch && !(isSpace(ch) && isSpace(text[k])) && k - j < 12) k++;
      at = k < end && (text[k] === ch || (isSpace(ch) && isSpace(text[k]))) ? k : Math.min(j, Math.max(start, end - 1));
      j = at + 1;
    }
    const code = value.charCodeAt(i);
    b.codes[from + i] = code === 10 || code === 13 || code === 9 ? SPACE : code;
    b.map[from + i] = at;
    if (isText(ch)) {
      b.textChars++;
      if (bold) b.boldChars++;
    }
  }
  b.length = from + value.length;
}

const SPACE = 32;
const PIECE = 8192;

/**
 * The built text from `from` to `to`. Made from the code units, a text with no character beyond
 * Latin-1 is stored compactly, one byte a character, even when the note has a curly quote
 * somewhere else. A slice of the note would be stored two bytes a character, and the rules'
 * string searches (`includes`) on every sentence ran about four times slower on it. In pieces,
 * as a call takes a limited number of arguments.
 */
function textOf(b: Builder, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i += PIECE) {
    out += String.fromCharCode.apply(null, b.codes.subarray(i, Math.min(to, i + PIECE)) as unknown as number[]);
  }
  return out;
}

/** Not white space (as String.trim sees it); printable ASCII is answered without a call. */
function isText(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return (code > 32 && code < 127) || ch.trim() !== '';
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\n' || c === '\r' || c === '\t';
}

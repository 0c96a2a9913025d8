/**
 * `analyse(text)` builds the CaseNote every rule reads: front matter, entries (one per contact),
 * judgement sections, the people in the record, and the writer's sentences with exact offsets.
 *
 * Invariants:
 * - every Sentence's [start, end) lies inside the text and covers only the writer's own prose;
 *   quoted replies, code, HTML and front matter never become sentences;
 * - entries do not overlap, and every sentence belongs to exactly one scope (an entry, the whole
 *   file when it has no entry headings, or the stretch of text between entries).
 */
import { parse as parseYaml } from 'yaml';
import { LineIndex } from './positions';
import { parseMarkdown, type HtmlComment, type TextBlock } from './markdown';
import { splitSentences } from './sentences';
import { remembered } from './reuse';
import { isJudgementLabel, namesContact, QUOTED_THREAD } from './structure';
import { hasDate } from './dates';
import { findPeople, type People } from './people';

export interface Sentence {
  index: number;
  /** Plain text of the sentence (markup removed). */
  text: string;
  start: number;
  end: number;
  block: TextBlock;
  plainStart: number;
  plainEnd: number;
  scope: Scope;
  /** The field label in force ("Child's views"), or the heading of the section. */
  label: string;
  /** Inside an Analysis / Professional judgement / Worker's view section. */
  judgement: boolean;
}

export type ScopeKind = 'entry' | 'file' | 'between';

/** An entry (a contact), the whole file, or the text between entries. */
export interface Scope {
  index: number;
  kind: ScopeKind;
  /** Heading text, or the file's record type and opening line for a whole-file entry. */
  title: string;
  start: number;
  end: number;
  /** Where findings about the whole entry are placed: its heading line or first line. */
  anchorStart: number;
  anchorEnd: number;
  sentences: Sentence[];
  /** Field labels and sub-headings seen in the scope, with their text. */
  labels: string[];
}

export interface CaseNote {
  text: string;
  lines: LineIndex;
  frontMatter: Record<string, unknown>;
  /** Set when front matter is present but unreadable; the rest of the note is still checked. */
  frontMatterProblem: { start: number; end: number; message: string } | null;
  blocks: TextBlock[];
  comments: HtmlComment[];
  sentences: Sentence[];
  scopes: Scope[];
  people: People;
}

interface Heading {
  block: TextBlock;
  depth: number;
  text: string;
  dated: boolean;
  contact: boolean;
}

/**
 * Above this many characters (about 800,000 words) a file is not analysed at all: the
 * file-too-large rule says so, instead of the editor freezing on a whole exported case system.
 */
export const MAX_NOTE_CHARS = 5_000_000;

export function analyse(text: string): CaseNote {
  const lines = new LineIndex(text);
  const parsed = text.length > MAX_NOTE_CHARS ? { blocks: [], comments: [], frontMatter: null } : parseMarkdown(text);
  const { frontMatter, problem } = readFrontMatter(text, parsed.frontMatter);
  const blocks = dropQuotedThreads(parsed.blocks);
  const headings = findHeadings(blocks);
  const bodyStart = parsed.frontMatter ? skipLineBreak(text, parsed.frontMatter.end) : problem ? problem.end : 0;
  const scopes = buildScopes(text, lines, blocks, headings, bodyStart, frontMatter);
  const sentences = buildSentences(text, blocks, headings, scopes);
  const people = findPeople(frontMatter, text.slice(bodyStart));
  return { text, lines, frontMatter, frontMatterProblem: problem, blocks, comments: parsed.comments, sentences, scopes, people };
}

function skipLineBreak(text: string, at: number): number {
  if (text[at] === '\r') at++;
  if (text[at] === '\n') at++;
  return at;
}

function readFrontMatter(
  text: string,
  node: { start: number; end: number; value: string } | null,
): { frontMatter: Record<string, unknown>; problem: CaseNote['frontMatterProblem'] } {
  if (node) {
    try {
      const value = parseYaml(node.value, { maxAliasCount: 50 });
      if (value && typeof value === 'object' && !Array.isArray(value)) return { frontMatter: value as Record<string, unknown>, problem: null };
      return { frontMatter: {}, problem: { start: node.start, end: node.end, message: 'The details block at the top (front matter) should be a list of "name: value" lines.' } };
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0].replace(/\s+at line.*$/, '') : 'it could not be read';
      return { frontMatter: {}, problem: { start: node.start, end: node.end, message: `The details block at the top (front matter) could not be read: ${reason}.` } };
    }
  }
  // An opening "---" with no closing line: remark does not see front matter at all.
  if (/^---[ \t]*\r?\n/.test(text)) {
    const close = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text.slice(3));
    if (!close) {
      const firstBreak = text.search(/\r?\n/);
      return { frontMatter: {}, problem: { start: 0, end: firstBreak < 0 ? text.length : firstBreak, message: 'The details block at the top (front matter) starts with "---" but is never closed with another "---" line.' } };
    }
  }
  return { frontMatter: {}, problem: null };
}

/** From the first line of a pasted email thread to the next heading, the words are not the writer's. */
function dropQuotedThreads(blocks: TextBlock[]): TextBlock[] {
  const kept: TextBlock[] = [];
  let quoting = false;
  for (const block of blocks) {
    // A heading, or a bold date line standing in for one, starts the writer's own words again.
    if (block.kind === 'heading' || isPseudoHeading(block)) quoting = false;
    else if (!quoting && QUOTED_THREAD.test(block.plain.trim())) quoting = true;
    if (!quoting) kept.push(block);
  }
  return kept;
}

const PSEUDO_HEADING_DEPTH = 7;

/** Real headings, and bold lines that stand in for them ("**14/03/2026 Home visit**"). */
function findHeadings(blocks: TextBlock[]): Heading[] {
  const headings: Heading[] = [];
  for (const block of blocks) {
    const textOf = block.plain.trim();
    if (block.kind === 'heading') {
      headings.push({ block, depth: block.depth, text: textOf, dated: hasDate(textOf), contact: namesContact(textOf) });
    } else if (isPseudoHeading(block)) {
      headings.push({ block, depth: PSEUDO_HEADING_DEPTH, text: textOf, dated: true, contact: namesContact(textOf) });
    }
  }
  return headings;
}

function isPseudoHeading(block: TextBlock): boolean {
  if (block.kind !== 'paragraph' || block.listItem || block.labels.length) return false;
  const firstLine = block.plain.trim();
  // A whole bold line with a date, or a plain short line that starts with a date and names a contact.
  if (block.allBold) return hasDate(firstLine) && firstLine.split(/\s+/).length <= 16;
  return false;
}

function buildScopes(
  text: string,
  lines: LineIndex,
  blocks: TextBlock[],
  headings: Heading[],
  bodyStart: number,
  frontMatter: Record<string, unknown>,
): Scope[] {
  const spanEnd = (i: number): number => {
    const h = headings[i];
    for (let j = i + 1; j < headings.length; j++) if (headings[j].depth <= h.depth) return headings[j].block.start;
    return text.length;
  };
  const entries: { h: Heading; end: number }[] = [];
  let coveredTo = -1;
  headings.forEach((h, i) => {
    if (h.block.start < coveredTo) return; // a sub-heading inside an entry
    if (!h.dated && !h.contact) return;
    const end = spanEnd(i);
    // An undated heading holding dated entries is a container (a title), not an entry itself.
    const holdsDated = headings.some((k, j) => j > i && k.block.start < end && k.dated);
    if (holdsDated) return;
    entries.push({ h, end });
    coveredTo = end;
  });

  const scopes: Scope[] = [];
  const lineAnchor = (at: number) => {
    const line = lines.lineOf(at);
    return { anchorStart: lines.lineStart(line), anchorEnd: lines.lineEnd(line) };
  };
  if (!entries.length) {
    const first = blocks.find((b) => b.start >= bodyStart);
    const anchorAt = first ? first.start : bodyStart;
    const recordType = typeof frontMatter.record_type === 'string' ? frontMatter.record_type : '';
    scopes.push({
      index: 0,
      kind: 'file',
      title: [recordType, first?.plain.trim().slice(0, 200) ?? ''].filter(Boolean).join(' — '),
      start: bodyStart,
      end: text.length,
      ...lineAnchor(anchorAt),
      sentences: [],
      labels: [],
    });
    return scopes;
  }
  // Entries, with the stretches between them as their own scopes (split at every heading).
  let cursor = bodyStart;
  const pushBetween = (from: number, to: number) => {
    if (to <= from) return;
    const cuts = headings.filter((h) => h.block.start > from && h.block.start < to).map((h) => h.block.start);
    let a = from;
    for (const b of [...cuts, to]) {
      if (b > a) scopes.push({ index: 0, kind: 'between', title: '', start: a, end: b, anchorStart: a, anchorEnd: a, sentences: [], labels: [] });
      a = b;
    }
  };
  for (const { h, end } of entries) {
    pushBetween(cursor, h.block.start);
    const firstLine = lines.lineOf(h.block.start);
    scopes.push({
      index: 0,
      kind: 'entry',
      title: h.text,
      start: h.block.start,
      end,
      anchorStart: h.block.start,
      anchorEnd: Math.min(h.block.end, lines.lineEnd(firstLine)),
      sentences: [],
      labels: [],
    });
    cursor = end;
  }
  pushBetween(cursor, text.length);
  scopes.forEach((s, i) => (s.index = i));
  return scopes;
}

function scopeAt(scopes: Scope[], offset: number): Scope {
  for (const s of scopes) if (offset >= s.start && offset < s.end) return s;
  return scopes[scopes.length - 1];
}

const MARKUP = new Set(['*', '_', '~', '`']);

const spanCache = new Map<string, ReturnType<typeof splitSentences>>();

/** Sentence spans of a stretch of prose, reused while its text is unchanged. */
function sentenceSpans(plain: string, from: number, to: number) {
  return remembered(spanCache, 6000, () => `${from}:${to}:${plain}`, () => splitSentences(plain, from, to));
}

function buildSentences(text: string, blocks: TextBlock[], headings: Heading[], scopes: Scope[]): Sentence[] {
  const sentences: Sentence[] = [];
  const headingBlocks = new Set(headings.map((h) => h.block));
  let judgement = false;
  let label = '';
  let lastScope: Scope | null = null;
  for (const block of blocks) {
    const scope = scopeAt(scopes, block.start);
    if (scope !== lastScope) {
      judgement = false;
      label = '';
      lastScope = scope;
    }
    if (headingBlocks.has(block) || block.kind === 'heading') {
      label = block.plain.trim();
      judgement = isJudgementLabel(label);
      scope.labels.push(label);
      continue;
    }
    if (block.tableRow === 0) continue; // a table's header row names columns, it asserts nothing
    if (block.allBold && !block.labels.length && block.kind === 'paragraph') {
      // A bold line on its own ("**Actions**") opens a section like a label does.
      label = block.plain.trim();
      judgement = isJudgementLabel(label);
      scope.labels.push(label);
      continue;
    }
    // Split the block at its labels: text after a label belongs to that label's section.
    const first = block.labels[0]?.at ?? block.plain.length;
    const pieces: { from: number; to: number; label: string | null }[] = [{ from: 0, to: first, label: null }];
    block.labels.forEach((l, i) => pieces.push({ from: l.after, to: block.labels[i + 1]?.at ?? block.plain.length, label: l.text }));
    for (const piece of pieces) {
      if (piece.label !== null) {
        label = piece.label;
        judgement = isJudgementLabel(label);
        scope.labels.push(label);
      }
      if (piece.to <= piece.from) continue;
      for (const span of sentenceSpans(block.plain, piece.from, piece.to)) {
        // Include emphasis or link markup that opens or closes the sentence ("_Mum_ was...").
        let start = block.map[span.start];
        let end = block.map[span.end - 1] + 1;
        while (start > block.start && MARKUP.has(text[start - 1])) start--;
        while (end < block.end && MARKUP.has(text[end]) && !/\w/.test(text[end + 1] ?? '')) end++;
        const sentence: Sentence = {
          index: sentences.length,
          text: block.plain.slice(span.start, span.end),
          start,
          end,
          block,
          plainStart: span.start,
          plainEnd: span.end,
          scope,
          label,
          judgement,
        };
        sentences.push(sentence);
        scope.sentences.push(sentence);
      }
    }
  }
  return sentences;
}

/**
 * "Disable RULE for this line" must silence exactly that finding and leave the note's Markdown
 * as it was: the same lists, paragraphs and tables, read by the same parser the core uses (only
 * the HTML comment is new). Each case lints the edited note to prove the finding is gone.
 */
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../../src/core/lint';
import { disableCommentEdit } from '../../src/lsp/disable-comment';

interface Node {
  type: string;
  value?: string;
  spread?: boolean | null;
  children?: Node[];
}

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

function textOf(node: Node): string {
  if (node.type === 'html') return '';
  if (node.type === 'break') return ' ⏎ ';
  if (node.value !== undefined) return node.value;
  return (node.children ?? []).map(textOf).join('');
}

/**
 * The document's block structure and wording as it renders, ignoring HTML comments. A list renders
 * loose (each item a paragraph) when it or any of its items is spread, so that is what is compared.
 */
function shape(node: Node): unknown {
  if (node.type === 'html') return null;
  if (['paragraph', 'heading', 'tableCell'].includes(node.type)) return `${node.type}: ${textOf(node).replace(/\s+/g, ' ').trim()}`;
  const children = (node.children ?? []).map(shape).filter((c) => c !== null);
  if (node.type !== 'list') return [node.type, ...children];
  const loose = !!node.spread || (node.children ?? []).some((item) => item.spread);
  return [node.type, `loose=${loose}`, ...children];
}

function structure(text: string): unknown {
  return shape(parser.parse(text) as Node);
}

function disable(text: string, ruleId = 'opinion-as-fact'): string {
  const finding = lint(text).find((f) => f.ruleId === ruleId);
  expect(finding, `${ruleId} should fire before the edit`).toBeDefined();
  const edit = disableCommentEdit(text, finding!.range.start.line, ruleId);
  expect(edit).not.toBeNull();
  const after = TextDocument.applyEdits(TextDocument.create('file:///n.md', 'markdown', 1, text), [edit!]);
  expect(lint(after).filter((f) => f.ruleId === ruleId)).toEqual([]);
  expect(structure(after)).toEqual(structure(text));
  return after;
}

describe('the disable comment', () => {
  it('goes on its own line above a sentence that starts a paragraph', () => {
    expect(disable('Intro.\n\nMum was hostile.\n')).toBe('Intro.\n\n<!-- caselint-disable-next-line opinion-as-fact -->\nMum was hostile.\n');
  });

  it('keeps the line ending the note already uses', () => {
    expect(disable('Intro.\r\n\r\nMum was hostile.\r\n')).toBe('Intro.\r\n\r\n<!-- caselint-disable-next-line opinion-as-fact -->\r\nMum was hostile.\r\n');
  });

  it('goes above the list when the finding is in its first item', () => {
    expect(disable('Visit notes:\n\n- Mum was hostile.\n- Jamie was asleep.\n')).toBe(
      'Visit notes:\n\n<!-- caselint-disable-next-line opinion-as-fact -->\n- Mum was hostile.\n- Jamie was asleep.\n',
    );
  });

  it('keeps a later list item in the same list by indenting the comment into the item above', () => {
    expect(disable('- Jamie was asleep.\n- Mum was hostile.\n')).toBe('- Jamie was asleep.\n  <!-- caselint-disable-next-line opinion-as-fact -->\n- Mum was hostile.\n');
  });

  it('keeps a loose list whole', () => {
    expect(disable('- Jamie was asleep.\n\n- Mum was hostile.\n')).toBe('- Jamie was asleep.\n\n  <!-- caselint-disable-next-line opinion-as-fact -->\n- Mum was hostile.\n');
  });

  it('keeps a numbered list numbered across a wider marker', () => {
    disable('9. Jamie was asleep.\n10. Mum was hostile.\n');
  });

  it('stays inside the parent item for the first item of a nested list', () => {
    expect(disable('- Visit:\n  - Mum was hostile.\n')).toBe('- Visit:\n  <!-- caselint-disable-next-line opinion-as-fact -->\n  - Mum was hostile.\n');
  });

  it('does not split a hard-wrapped paragraph: the comment ends the line above', () => {
    expect(disable('Jamie was present and playing.\nThe house was filthy.\n')).toBe(
      'Jamie was present and playing. <!-- caselint-disable-next-line opinion-as-fact -->\nThe house was filthy.\n',
    );
  });

  it('keeps a hard line break at the end of the line above', () => {
    expect(disable('Jamie was present and playing.  \nThe house was filthy.\n')).toBe(
      'Jamie was present and playing. <!-- caselint-disable-next-line opinion-as-fact -->  \nThe house was filthy.\n',
    );
  });

  it('keeps a table whole by disabling the rule inside the row', () => {
    expect(disable('| Date | Note |\n| --- | --- |\n| 14/03 | Mum was hostile. |\n')).toBe(
      '| Date | Note |\n| --- | --- |\n| 14/03 | Mum was hostile. <!-- caselint-disable-line opinion-as-fact --> |\n',
    );
  });

  it('adds the rule to a disable comment already above the line instead of pushing it away', () => {
    expect(disable('<!-- caselint-disable-next-line child-voice-missing -->\nMum was hostile.\n')).toBe(
      '<!-- caselint-disable-next-line child-voice-missing opinion-as-fact -->\nMum was hostile.\n',
    );
  });

  it('is not offered inside the front matter, where a comment would end it', () => {
    expect(disableCommentEdit('---\nchild: Jamie K. (7\n---\n\nMum was hostile.\n', 1, 'front-matter-unreadable')).toBeNull();
  });
});

/**
 * The bad-input catalogue, through the core: each gets a clear message or correct findings, never
 * an exception, and finishes within the test's time limit (90 s; most take well under 5 s,
 * the worst — 10,000 nested list items and quotes — about 20 s on a 2-core machine). The CLI's handling of
 * unreadable files (binary, invalid UTF-8, UTF-16, BOM) is tested in server/src/cli; the server's in
 * server/test/lsp.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../src/core/lint';
import { coreOnly } from './helpers';

const LIMIT = 90_000;

function check(text: string) {
  const findings = lint(text);
  for (const f of findings) {
    expect(f.startOffset).toBeGreaterThanOrEqual(0);
    expect(f.endOffset).toBeLessThanOrEqual(text.length);
    expect(f.startOffset).toBeLessThanOrEqual(f.endOffset);
  }
  return coreOnly(findings.map((f) => f.ruleId));
}

describe('bad input', () => {
  it('an empty file has nothing to report', () => expect(check('')).toEqual([]));

  it('CRLF and lone CR line endings give the same findings as LF', () => {
    const lf = check('## 01/03/2026 Visit\n\nMum was hostile.\n');
    expect(check('## 01/03/2026 Visit\r\n\r\nMum was hostile.\r\n')).toEqual(lf);
    expect(check('## 01/03/2026 Visit\r\rMum was hostile.\r')).toEqual(lf);
  });

  it('a byte-order mark does not hide the note', () => expect(check('\uFEFFMum was hostile.\n')).toEqual(['opinion-as-fact']));

  it('a file far too large gets one clear message, quickly', () => {
    expect(check('Mum was hostile. '.repeat(320_000))).toEqual(['file-too-large']);
  }, LIMIT);

  it('a 1 MB single line is checked', () => {
    expect(check('Mum said the visit went well and '.repeat(32_000)).length).toBeLessThan(5);
  }, LIMIT);

  it('10,000 nested list items and block quotes do not exhaust the parser', () => {
    check(Array.from({ length: 10_000 }, (_, i) => ' '.repeat(Math.min(i, 200) * 2) + '- item').join('\n'));
    expect(check('>'.repeat(10_000) + ' Mum was hostile.')).toEqual([]);
    check(Array.from({ length: 10_000 }, (_, i) => '>'.repeat((i % 100) + 1) + ' x').join('\n'));
  }, LIMIT);

  it('broken front matter is reported and the note still checked', () => {
    expect(check('---\nchild: [x\n---\nMum was hostile.\n')).toEqual(['front-matter-unreadable', 'opinion-as-fact']);
  });

  it('an unterminated code fence hides what follows, as Markdown says', () => expect(check('```\nMum was hostile.\n')).toEqual([]));

  it('HTML blocks are not prose; text after them is', () => expect(check('<div>\nMum was hostile.\n</div>\n\nDad was aggressive.\n')).toEqual(['opinion-as-fact']));

  it('keeps ranges right around emoji and combining characters', () => {
    const text = '## 01/03/2026 Visit 🏠\n\nCafe\u0301 👩‍👧 trip. Mum was hostile.\n';
    const [finding] = lint(text).filter((f) => f.ruleId === 'opinion-as-fact');
    expect(text.slice(finding.startOffset, finding.endOffset)).toBe('Mum was hostile.');
  });

  it.each([
    ['brackets', '['.repeat(100_000)],
    ['stars', '*'.repeat(100_000)],
    ['quotes', '"'.repeat(100_000)],
    ['honorifics', 'Ms B. '.repeat(50_000)],
    ['spaces then a word', ' '.repeat(100_000) + 'x'],
    ['one long word', 'a'.repeat(200_000)],
    ['commas', 'Mum, '.repeat(50_000)],
    ['unclosed parentheses', 'Mrs Lee ('.repeat(20_000)],
    ['repeated labels', '**Present:** '.repeat(20_000)],
  ])('survives adversarial text for its patterns: %s', (_name, text) => {
    check(text);
  }, LIMIT);
});

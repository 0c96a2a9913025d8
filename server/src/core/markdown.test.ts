/**
 * The command line parses a note in one go when `parsesAsOne` says that gives the same result as
 * the language server's section-by-section parse. These tests hold it to that, on every annotated
 * note and on generated notes built from the constructs where the two could part company.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { mayHoldTable, parseMarkdown, parsesAsOne, parseTree } from './markdown';
import { setReuse } from './reuse';

function notesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return notesUnder(path);
    return name.endsWith('.md') && !/^(?:README|ANNOTATION)\.md$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}

/** Section by section (as the language server parses), then in one go where allowed (as the command line does). */
function bothWays(text: string) {
  setReuse(true);
  const bySections = parseMarkdown(text);
  setReuse(false);
  const asRun = parseMarkdown(text);
  setReuse(true);
  return { bySections, asRun };
}

afterEach(() => setReuse(true));

describe('parsing a note in one go', () => {
  it('gives the section-by-section result on every annotated note', () => {
    const notes = notesUnder(join(__dirname, '../../../test-fixtures'));
    const qualifying = notes.filter(parsesAsOne);
    // Most notes qualify, so the comparison below is not an empty one.
    expect(qualifying.length).toBeGreaterThan(notes.length / 2);
    for (const text of notes) {
      const { bySections, asRun } = bothWays(text);
      expect(asRun).toEqual(bySections);
    }
  });

  it('gives the section-by-section result on generated notes', () => {
    const line = fc.constantFrom(
      'Saw Jamie at home.', 'Mum said "fine".', '**Child\'s views:** he wants to stay.', '- SW to visit', '  - nested item', '1. first',
      '> pasted reply', '> > deeper', '```', '~~~', '    indented code', '| A | B |', '|---|---|', '| 1 | 2 |', '***', '---', 'Title', '===',
      '# 14/03/2026 Home visit', '## Analysis', '### Plan', '#Not a heading', '  # indented heading', '- # heading in a list', '> # heading in a quote',
      'a line ending in two spaces  ', '...', 'child: Jamie', '\tTabbed', '+ plus item', '[^1] note', '[ref]', 'x <b>bold</b>', '- [ ] task', '~~struck~~', '####### seven', '> ```', '- ```', 'text with `code` and [a link](x.md)', 'Ms B. was at home at 10.30.', '', '',
    );
    const note = fc.tuple(fc.boolean(), fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'))
      .map(([front, lines, eol]) => ((front ? '---\nchild: Jamie K. (7)\n---\n' : '') + lines.join('\n')).replace(/\n/g, eol));
    let qualified = 0;
    fc.assert(
      fc.property(note, (text) => {
        if (parsesAsOne(text)) qualified++;
        const { bySections, asRun } = bothWays(text);
        expect(asRun).toEqual(bySections);
      }),
      { numRuns: 2000 },
    );
    expect(qualified).toBeGreaterThan(1000);
  });

  it('keeps to sections where one part of the note could reach into another', () => {
    expect(parsesAsOne('See [the plan][p].\n\n# Later\n\n[p]: plan.md')).toBe(false);
    expect(parsesAsOne('<!--\n# 14/03/2026 Visit\n-->')).toBe(false);
    expect(parsesAsOne(`${'> '.repeat(40)}deep`)).toBe(false);
    expect(parsesAsOne('# 14/03/2026 Visit\n\nSaw Jamie.')).toBe(true);
  });
});

describe('parsing without tables', () => {
  it('gives the same tree on every annotated note once its tables are taken out', () => {
    const notes = notesUnder(join(__dirname, '../../../test-fixtures')).map((text) => text.replace(/\|/g, ' ').replace(/:(?=-)|(?<=-):/g, ';'));
    for (const text of notes) {
      expect(mayHoldTable(text)).toBe(false);
      expect(parseTree(text, false)).toEqual(parseTree(text, true));
    }
  });

  it('gives the same tree whenever the text cannot hold a table', () => {
    // Lines that come close to a table without a pipe: headings over rows of hyphens and colons.
    const line = fc.constantFrom(
      'Name', 'Saw Jamie at home.', '-', '--', '---', ' -- ', '- -', '-- :', ': --', ':', 'a : b', 'Time: 10 - 11', '> quoted', '> --', '- item', '  --',
      '1. first', '    code', '```', '# 14/03/2026 Visit', '===', 'a\\', '', '', ':-', '-:', '| A |', '|-|',
    );
    const note = fc.array(line, { maxLength: 20 }).map((lines) => lines.join('\n'));
    let withoutTables = 0;
    fc.assert(
      fc.property(note, (text) => {
        if (mayHoldTable(text)) return;
        withoutTables++;
        expect(parseTree(text, false)).toEqual(parseTree(text, true));
      }),
      { numRuns: 2000 },
    );
    expect(withoutTables).toBeGreaterThan(200);
  });

  it('keeps tables wherever a table can be', () => {
    for (const text of ['| A | B |\n|---|---|\n| 1 | 2 |', 'Name\n:-', 'Name\n--:', 'A | B\n-- | --']) {
      expect(mayHoldTable(text)).toBe(true);
      expect(parseTree(text).children[0].type).toBe('table');
    }
    expect(mayHoldTable('Time: 10 - 11\n---')).toBe(false);
  });
});

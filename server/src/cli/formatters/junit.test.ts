import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { FileResult } from '../result';
import { formatJunit } from './junit';
import { CWD, SAMPLE_RESULTS } from './sample-results';

interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** Parses with sax in strict mode, which throws on anything that is not well-formed XML. */
function parseXml(xml: string): XmlNode {
  const sax = createRequire(import.meta.url)('sax') as {
    parser(strict: boolean): {
      onopentag: (node: { name: string; attributes: Record<string, string> }) => void;
      onclosetag: () => void;
      ontext: (text: string) => void;
      onerror: (error: Error) => void;
      write(text: string): { close(): void };
    };
  };
  const parser = sax.parser(true);
  const root: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  parser.onopentag = (node) => {
    const element = { name: node.name, attributes: node.attributes, children: [], text: '' };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  };
  parser.onclosetag = () => void stack.pop();
  parser.ontext = (text) => void (stack.at(-1)!.text += text);
  parser.onerror = (error) => {
    throw error;
  };
  parser.write(xml).close();
  return root.children[0];
}

const find = (node: XmlNode, name: string): XmlNode[] => [...(node.name === name ? [node] : []), ...node.children.flatMap((c) => find(c, name))];

describe('JUnit report', () => {
  const xml = formatJunit(SAMPLE_RESULTS, { cwd: CWD });
  const root = parseXml(xml);
  const cases = find(root, 'testcase');

  it('is well-formed XML with one test case per file, in the class "caselint"', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(root.name).toBe('testsuites');
    expect(cases.map((c) => [c.attributes.classname, c.attributes.name])).toEqual([
      ['caselint', 'visits/2024-03-12 home visit.md'],
      ['caselint', 'visits/clean.md'],
      ['caselint', 'visits/referral.docx.md'],
    ]);
  });

  it('fails a note with one <failure> per error finding, typed by rule', () => {
    const failures = find(cases[0], 'failure');
    expect(failures).toHaveLength(1);
    expect(failures[0].attributes).toEqual({ message: 'States an opinion as fact: "filthy".', type: 'opinion-as-fact' });
    expect(failures[0].text).toBe('line 4, column 11: error: States an opinion as fact: "filthy". (opinion-as-fact)');
  });

  it('lists warnings and information in <system-out> without failing the note', () => {
    const out = find(cases[0], 'system-out')[0].text.split('\n');
    expect(out).toEqual([
      'line 1, column 1: warning: The record does not say what the child said or how they seemed. (child-voice-missing)',
      'line 12, column 5: info: A placeholder is still in the note: [name of school]. (unfilled-placeholder)',
    ]);
  });

  it('passes a clean note and reports a file that could not be read as an <error>', () => {
    expect(cases[1].children).toEqual([]);
    expect(find(cases[2], 'error')[0].attributes).toEqual({ message: 'This is not a text file.', type: 'not-checked' });
  });

  it('counts notes, not findings, in the suite totals', () => {
    expect(root.attributes).toEqual({ name: 'caselint', tests: '3', failures: '1', errors: '1', skipped: '0' });
    expect(find(root, 'testsuite')[0].attributes).toEqual(root.attributes);
  });

  it('escapes markup and removes characters XML cannot hold', () => {
    const nasty: FileResult[] = [
      {
        filePath: '/cases/team-a/<b>&"quotes".md',
        messages: [{ ruleId: 'opinion-as-fact', severity: 'error', message: 'Said "no" & left <now>\u0007 \ud800 ]]>', line: 1, column: 1, endLine: 1, endColumn: 2 }],
      },
    ];
    const parsed = parseXml(formatJunit(nasty, { cwd: CWD }));
    const testCase = find(parsed, 'testcase')[0];
    expect(testCase.attributes.name).toBe('<b>&"quotes".md');
    expect(find(testCase, 'failure')[0].attributes.message).toBe('Said "no" & left <now>\ufffd \ufffd ]]>');
  });

  it('marks a named file skipped by an "ignore" pattern as skipped', () => {
    const skipped = formatJunit([{ filePath: '/cases/team-a/draft.md', messages: [{ ruleId: null, severity: 'warning', message: 'Not checked: ignored.' }] }], { cwd: CWD });
    expect(find(parseXml(skipped), 'skipped')[0].attributes.message).toBe('Not checked: ignored.');
  });
});

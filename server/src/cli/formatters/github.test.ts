import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from './github';
import { CWD, SAMPLE_RESULTS } from './sample-results';

describe('GitHub Actions annotations', () => {
  const lines = formatGithub(SAMPLE_RESULTS, { cwd: CWD }).trimEnd().split('\n');

  it('writes one workflow command per finding, with its position and rule as the title', () => {
    expect(lines[0]).toBe(
      '::error file=visits/2024-03-12 home visit.md,line=4,col=11,endLine=4,endColumn=17,title=caselint(opinion-as-fact)::States an opinion as fact: "filthy".',
    );
    expect(lines[1]).toMatch(/^::warning file=visits\/2024-03-12 home visit\.md,line=1,col=1,endLine=1,endColumn=24,title=caselint\(child-voice-missing\)::/);
  });

  it('shows information findings as notices', () => {
    expect(lines[2]).toMatch(/^::notice .*title=caselint\(unfilled-placeholder\)::A placeholder is still in the note/);
  });

  it('reports a file that could not be checked against the file, with no position', () => {
    expect(lines[3]).toBe('::error file=visits/referral.docx.md,title=caselint%3A file not checked::This is not a text file.');
  });

  it('ends with a plain summary line for people reading the log', () => {
    expect(lines.at(-1)).toBe('Caselint: 4 problems in 3 notes (2 errors, 1 warning, 1 info).');
    expect(formatGithub([{ filePath: '/cases/team-a/a.md', messages: [] }], { cwd: CWD })).toBe('Caselint: no problems found in 1 note.\n');
  });

  it('escapes percent signs and line breaks in messages, so a message can never start a new command', () => {
    expect(escapeData('50% done\r\n::error::injected')).toBe('50%25 done%0D%0A::error::injected');
  });

  it('also escapes colons and commas in properties, which would end the value', () => {
    expect(escapeProperty('notes/a,b: 100%.md')).toBe('notes/a%2Cb%3A 100%25.md');
    const [line] = formatGithub([{ filePath: '/cases/team-a/x,y:z.md', messages: [{ ruleId: 'opinion-as-fact', severity: 'warning', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2 }] }], { cwd: CWD }).split('\n');
    expect(line).toBe('::warning file=x%2Cy%3Az.md,line=1,col=1,endLine=1,endColumn=2,title=caselint(opinion-as-fact)::m');
  });
});

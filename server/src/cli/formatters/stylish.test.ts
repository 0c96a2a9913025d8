import { describe, expect, it } from 'vitest';
import { CWD, SAMPLE_RESULTS } from './sample-results';
import { formatStylish } from './stylish';

describe('stylish report', () => {
  it('groups problems under each file with aligned columns and a summary', () => {
    expect(formatStylish(SAMPLE_RESULTS, { color: false, cwd: CWD })).toBe(
      [
        '',
        'visits/2024-03-12 home visit.md',
        '   4:11  error    States an opinion as fact: "filthy".                             opinion-as-fact',
        '   1:1   warning  The record does not say what the child said or how they seemed.  child-voice-missing',
        '  12:5   info     A placeholder is still in the note: [name of school].            unfilled-placeholder',
        '',
        'visits/referral.docx.md',
        '  error  This is not a text file.',
        '',
        '✖ 4 problems (2 errors, 1 warning, 1 info)',
        '',
      ].join('\n'),
    );
  });

  it('leaves out files with nothing to report', () => {
    expect(formatStylish(SAMPLE_RESULTS, { color: false, cwd: CWD })).not.toContain('clean.md');
  });

  it('says so when there are no problems', () => {
    expect(formatStylish([{ filePath: '/cases/a.md', messages: [] }], { color: false, cwd: CWD })).toBe('✔ No problems found in 1 note.\n');
  });

  it('counts singular and plural correctly in the summary', () => {
    const one = formatStylish([SAMPLE_RESULTS[2]], { color: false, cwd: CWD });
    expect(one).toContain('✖ 1 problem (1 error, 0 warnings)');
  });

  it('shows files outside the working folder by their full path', () => {
    expect(formatStylish([SAMPLE_RESULTS[2]], { color: false, cwd: '/elsewhere' })).toContain('\n/cases/team-a/visits/referral.docx.md\n');
  });

  it('uses colour codes only when asked', () => {
    expect(formatStylish(SAMPLE_RESULTS, { color: false, cwd: CWD })).not.toContain('\u001b[');
    expect(formatStylish(SAMPLE_RESULTS, { color: true, cwd: CWD })).toContain('\u001b[31merror');
  });
});

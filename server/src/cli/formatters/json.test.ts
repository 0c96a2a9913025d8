import { describe, expect, it } from 'vitest';
import { formatJson } from './json';
import { SAMPLE_RESULTS } from './sample-results';

describe('JSON report', () => {
  it('has exactly the ESLint shape, with info marked and file problems fatal', () => {
    expect(JSON.parse(formatJson(SAMPLE_RESULTS))).toEqual([
      {
        filePath: '/cases/team-a/visits/2024-03-12 home visit.md',
        messages: [
          { ruleId: 'opinion-as-fact', severity: 2, message: 'States an opinion as fact: "filthy".', line: 4, column: 11, endLine: 4, endColumn: 17 },
          {
            ruleId: 'child-voice-missing',
            severity: 1,
            message: 'The record does not say what the child said or how they seemed.',
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 24,
          },
          {
            ruleId: 'unfilled-placeholder',
            severity: 1,
            caselintSeverity: 'info',
            message: 'A placeholder is still in the note: [name of school].',
            line: 12,
            column: 5,
            endLine: 12,
            endColumn: 23,
          },
        ],
        errorCount: 1,
        fatalErrorCount: 0,
        warningCount: 1,
        infoCount: 1,
      },
      { filePath: '/cases/team-a/visits/clean.md', messages: [], errorCount: 0, fatalErrorCount: 0, warningCount: 0, infoCount: 0 },
      {
        filePath: '/cases/team-a/visits/referral.docx.md',
        messages: [{ ruleId: null, severity: 2, message: 'This is not a text file.', fatal: true }],
        errorCount: 1,
        fatalErrorCount: 1,
        warningCount: 0,
        infoCount: 0,
      },
    ]);
  });

  it('gives an empty array when there is nothing to report', () => {
    expect(formatJson([])).toBe('[]');
  });
});

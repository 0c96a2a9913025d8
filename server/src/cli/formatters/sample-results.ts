/**
 * Hand-made results for the formatter tests: two notes with findings of each severity, a clean
 * note and a file that could not be read. Formatters are pure, so they are tested on this data
 * without touching the disk or depending on how the rules currently behave.
 */
import type { FileResult } from '../result';

export const CWD = '/cases/team-a';

export const SAMPLE_RESULTS: FileResult[] = [
  {
    filePath: '/cases/team-a/visits/2024-03-12 home visit.md',
    messages: [
      { ruleId: 'opinion-as-fact', severity: 'error', message: 'States an opinion as fact: "filthy".', line: 4, column: 11, endLine: 4, endColumn: 17 },
      { ruleId: 'child-voice-missing', severity: 'warning', message: "The record does not say what the child said or how they seemed.", line: 1, column: 1, endLine: 1, endColumn: 24 },
      { ruleId: 'unfilled-placeholder', severity: 'info', message: 'A placeholder is still in the note: [name of school].', line: 12, column: 5, endLine: 12, endColumn: 23 },
    ],
  },
  { filePath: '/cases/team-a/visits/clean.md', messages: [] },
  {
    filePath: '/cases/team-a/visits/referral.docx.md',
    messages: [{ ruleId: null, severity: 'error', message: 'This is not a text file.', fatal: true }],
  },
];

/**
 * The words in the status bar and the workspace check summary, as a social worker reads them.
 */
import { describe, expect, it } from 'vitest';
import { batches, checkSummary, describeCounts, isRuleId, progressMessage, statusBarText } from './wording';

describe('status bar wording', () => {
  it('says there are no problems when a note is clean', () => {
    expect(statusBarText({ errors: 0, warnings: 0, suggestions: 0 })).toBe('$(checklist) Caselint: no problems');
  });

  it('counts errors and warnings in the singular and plural', () => {
    expect(describeCounts({ errors: 2, warnings: 3, suggestions: 0 })).toBe('2 errors, 3 warnings');
    expect(describeCounts({ errors: 1, warnings: 1, suggestions: 1 })).toBe('1 error, 1 warning, 1 suggestion');
  });

  it('leaves out kinds of finding the note does not have', () => {
    expect(describeCounts({ errors: 0, warnings: 4, suggestions: 0 })).toBe('4 warnings');
  });
});

describe('workspace check wording', () => {
  it('shows progress as files done out of the total', () => {
    expect(progressMessage(20, 57)).toBe('Checking case notes… 20 of 57');
  });

  it('summarises what was checked and what was found', () => {
    expect(checkSummary(12, 3, 5, false)).toBe('Checked 12 case notes (3 other Markdown files were not case notes): 5 things to look at.');
    expect(checkSummary(1, 0, 0, false)).toBe('Checked 1 case note: nothing to fix.');
  });

  it('explains how a file becomes a case note when none were found', () => {
    expect(checkSummary(0, 8, 0, false)).toMatch(/No case notes were found\. .*\.caselintrc\.json/);
  });

  it('says when the person stopped the check early', () => {
    expect(checkSummary(4, 0, 1, true)).toBe('Check stopped early. Checked 4 case notes: 1 thing to look at.');
  });

  it('sends files in batches of the requested size, in order', () => {
    expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(batches([], 20)).toEqual([]);
  });
});

describe('rule ids passed to "show documentation"', () => {
  it('accepts a rule id and refuses anything that could escape the docs folder', () => {
    expect(isRuleId('opinion-as-fact')).toBe(true);
    expect(isRuleId('../../etc/passwd')).toBe(false);
    expect(isRuleId(undefined)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { ruleList } from '../rules';
import { CWD, SAMPLE_RESULTS } from './formatters/sample-results';
import { computeStats } from './stats';

describe('--stats', () => {
  const stats = computeStats(SAMPLE_RESULTS, ruleList.map((r) => r.id), CWD);

  it('counts findings per file, naming files as the reports do', () => {
    expect(stats.files).toEqual([
      { path: 'visits/2024-03-12 home visit.md', checked: true, errors: 1, warnings: 1, info: 1, findings: 3 },
      { path: 'visits/clean.md', checked: true, errors: 0, warnings: 0, info: 0, findings: 0 },
      { path: 'visits/referral.docx.md', checked: false, errors: 0, warnings: 0, info: 0, findings: 0 },
    ]);
  });

  it('lists every rule in the registry, with zeros, so dashboard columns stay put', () => {
    expect(Object.keys(stats.rules)).toEqual(ruleList.map((r) => r.id));
    expect(stats.rules['opinion-as-fact']).toEqual({ errors: 1, warnings: 0, info: 0, findings: 1 });
    expect(stats.rules['oral-followup-missing']).toEqual({ errors: 0, warnings: 0, info: 0, findings: 0 });
  });

  it('totals files checked and not checked, and findings by severity', () => {
    expect(stats.totals).toEqual({ files: 3, checked: 2, notChecked: 1, filesWithFindings: 1, errors: 1, warnings: 1, info: 1, findings: 3 });
  });

  it('keeps rules it does not know, from a merged report of another version', () => {
    const other = computeStats([{ filePath: `${CWD}/a.md`, messages: [{ ruleId: 'retired-rule', severity: 'warning', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 1 }] }], ['opinion-as-fact'], CWD);
    expect(other.rules).toEqual({ 'opinion-as-fact': { errors: 0, warnings: 0, info: 0, findings: 0 }, 'retired-rule': { errors: 0, warnings: 1, info: 0, findings: 1 } });
  });
});

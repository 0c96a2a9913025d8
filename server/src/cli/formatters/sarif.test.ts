import { describe, expect, it } from 'vitest';
import { ruleList } from '../../rules';
import { SAMPLE_RESULTS, CWD } from './sample-results';
import { SARIF_SCHEMA, formatSarif, toSarifLog } from './sarif';

const log = toSarifLog(SAMPLE_RESULTS, { cwd: CWD, rules: ruleList, version: '0.1.0' });
const run = log.runs[0];

describe('SARIF report', () => {
  it('declares SARIF 2.1.0 and its schema', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.runs).toHaveLength(1);
  });

  it('describes the tool and every rule with the fields code scanning reads', () => {
    expect(run.tool.driver.name).toBe('Caselint');
    expect(run.tool.driver.version).toBe('0.1.0');
    expect(run.tool.driver.informationUri).toBeUndefined();
    expect(run.tool.driver.rules?.map((r) => r.id)).toEqual(ruleList.map((r) => r.id));
    for (const rule of run.tool.driver.rules ?? []) {
      expect(rule.shortDescription?.text).toBeTruthy();
      expect(rule.fullDescription?.text).toBeTruthy();
      expect(rule.help?.text).toBeTruthy();
      expect(rule.help?.markdown).toBeTruthy();
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration?.level);
    }
  });

  it('reports each finding with its rule, level, message and region', () => {
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.results).toHaveLength(3);
    const [first, , third] = run.results ?? [];
    expect(first).toMatchObject({
      ruleId: 'opinion-as-fact',
      level: 'error',
      message: { text: 'States an opinion as fact: "filthy".' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'visits/2024-03-12%20home%20visit.md', uriBaseId: '%SRCROOT%' },
            region: { startLine: 4, startColumn: 11, endLine: 4, endColumn: 17 },
          },
        },
      ],
    });
    expect(third.level).toBe('note');
  });

  it('points each result at its rule by index', () => {
    for (const result of run.results ?? []) {
      expect(run.tool.driver.rules?.[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
    }
  });

  it('gives each finding a distinct fingerprint that does not depend on its line', () => {
    const prints = (run.results ?? []).map((r) => r.partialFingerprints?.['caselintFindingHash/v1']);
    expect(new Set(prints).size).toBe(3);
    const moved = structuredClone(SAMPLE_RESULTS);
    moved[0].messages[0].line = 40;
    moved[0].messages[0].endLine = 40;
    const again = toSarifLog(moved, { cwd: CWD, rules: ruleList, version: '0.1.0' }).runs[0].results?.[0];
    expect(again?.partialFingerprints).toEqual(run.results?.[0].partialFingerprints);
  });

  it('reports a file that could not be read as a failed invocation, not a finding', () => {
    expect(run.invocations?.[0]).toEqual({
      executionSuccessful: false,
      toolExecutionNotifications: [
        {
          level: 'error',
          message: { text: 'This is not a text file.' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'visits/referral.docx.md', uriBaseId: '%SRCROOT%' } } }],
        },
      ],
    });
  });

  it('uses an absolute file URI for a note outside the working folder', () => {
    const outside = toSarifLog([SAMPLE_RESULTS[0]], { cwd: '/elsewhere', rules: ruleList, version: '0.1.0' });
    expect(outside.runs[0].results?.[0].locations?.[0].physicalLocation?.artifactLocation).toEqual({
      uri: 'file:///cases/team-a/visits/2024-03-12%20home%20visit.md',
    });
  });

  it('is valid JSON', () => {
    expect(JSON.parse(formatSarif(SAMPLE_RESULTS, { cwd: CWD, rules: ruleList, version: '0.1.0' }))).toEqual(log);
  });
});

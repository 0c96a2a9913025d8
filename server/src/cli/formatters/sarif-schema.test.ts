/**
 * The SARIF report is valid against the official SARIF 2.1.0 schema (vendored in
 * test-fixtures/schemas, see its README for the source), both for hand-made results covering
 * every kind of message and for the real findings on the development corpus. The schema is JSON
 * Schema draft-04, hence ajv-draft-04, with ajv-formats for its "uri" and "date-time" formats.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ruleList } from '../../rules';
import { run } from '../run';
import { SAMPLE_RESULTS, CWD } from './sample-results';
import { toSarifLog } from './sarif';

const ROOT = resolve(__dirname, '../../../..');
const schema = JSON.parse(readFileSync(resolve(ROOT, 'test-fixtures/schemas/sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function errors(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('SARIF report against the SARIF 2.1.0 schema', () => {
  it('is valid for findings of every severity, a file that could not be read and an entry date', () => {
    const withDate = structuredClone(SAMPLE_RESULTS);
    withDate[0].messages[0].entryDate = '2024-03-12';
    expect(errors(toSarifLog(withDate, { cwd: CWD, rules: ruleList, version: '0.1.0' }))).toEqual([]);
  });

  it('is valid for the real findings on the development corpus', async () => {
    let stdout = '';
    const cwd = resolve(ROOT, 'test-fixtures/corpus');
    await run(['--format', 'sarif', '.'], { cwd, env: {}, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true } });
    const log = JSON.parse(stdout);
    expect(log.runs[0].results.length).toBeGreaterThan(100);
    expect(errors(log)).toEqual([]);
  });

  it('would catch a log that breaks the schema (so the checks above mean something)', () => {
    const broken = toSarifLog(SAMPLE_RESULTS, { cwd: CWD, rules: ruleList, version: '0.1.0' }) as unknown as { runs: { results: { level: string }[] }[] };
    broken.runs[0].results[0].level = 'severe';
    expect(errors(broken).join('\n')).toMatch(/level/);
  });
});

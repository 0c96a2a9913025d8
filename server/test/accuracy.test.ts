/**
 * Accuracy gate, scored exactly as the shared scorer does (scripts/score.mjs is a copy of it).
 * - The four core checks: F1 >= 0.9 per rule on the development notes, and per-rule floors on the
 *   notes written from the annotation guide by people who had not seen the checker (held-out sets).
 * - Each further check (issue #6), on its own development and held-out folders: precision >= 0.9,
 *   because a check that cries wolf is switched off, and recall >= 0.6.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/core/lint';
// @ts-expect-error: plain ES module without types
import { loadCorpus, score } from '../../scripts/score.mjs';

const root = resolve(__dirname, '../..');
const fixtures = join(root, 'test-fixtures');

function notesOf(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.md') && !/^[A-Z]+\.md$/.test(n)).sort();
}

function report(dir: string) {
  return notesOf(dir).map((name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    return { filePath: name, messages: lint(text).map((f) => ({ ruleId: f.ruleId, line: f.range.start.line + 1 })) };
  });
}

interface Tally {
  precision: number;
  recall: number;
  f1: number;
}

/** Scores one rule on a folder by running the scorer itself, as `npm run eval` does. */
function scoreRule(dir: string, rule: string): Tally {
  const out = join(root, 'test-results/accuracy');
  mkdirSync(out, { recursive: true });
  const reportAt = join(out, `${dir.split(/[\\/]/).slice(-2).join('-')}.json`);
  writeFileSync(reportAt, JSON.stringify(report(dir)));
  const fileLevel = rule === 'absent-father' ? ['--file-level', rule] : [];
  const json = execFileSync(process.execPath, [join(root, 'scripts/score.mjs'), dir, reportAt, '--json', '--rules', rule, ...fileLevel], { encoding: 'utf8' });
  return JSON.parse(json).rules[rule] as Tally;
}

describe('accuracy of the four core checks', () => {
  // Floors a little under the measured figures, so a change that loses accuracy fails. The first
  // held-out set was open while the rules were generalised (it reached 100%); the second was later
  // used to tune sharing-rationale-missing and oral-followup-missing; the third has not been
  // looked at, and its figures are the honest estimate for unseen notes (README, "How accurate it is").
  const floors: Record<string, Record<string, number>> = {
    corpus: { 'opinion-as-fact': 0.9, 'child-voice-missing': 0.9, 'sharing-rationale-missing': 0.9, 'oral-followup-missing': 0.9 },
    heldout: { 'opinion-as-fact': 0.9, 'child-voice-missing': 0.9, 'sharing-rationale-missing': 0.9, 'oral-followup-missing': 0.9 },
    heldout2: { 'opinion-as-fact': 0.8, 'child-voice-missing': 0.8, 'sharing-rationale-missing': 0.6, 'oral-followup-missing': 0.8 },
    heldout3: { 'opinion-as-fact': 0.85, 'child-voice-missing': 0.8, 'sharing-rationale-missing': 0.4, 'oral-followup-missing': 0.6 },
  };
  for (const [name, floor] of Object.entries(floors)) {
    const dir = join(fixtures, name);
    it.skipIf(!existsSync(dir))(`keeps each core rule's F1 at or above its floor on test-fixtures/${name}`, () => {
      const result = score(loadCorpus(dir), report(dir));
      for (const [rule, t] of Object.entries(result.rules) as [string, Tally][]) {
        expect(t.f1, `${rule} F1`).toBeGreaterThanOrEqual(floor[rule]);
      }
    });
  }
});

describe('accuracy of the further checks', () => {
  for (const folder of ['extra', 'extra-heldout']) {
    const base = join(fixtures, folder);
    const rules = existsSync(base) ? readdirSync(base, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : [];
    for (const rule of rules) {
      it(`${rule}: precision >= 0.9 and recall >= 0.6 on test-fixtures/${folder}/${rule}`, () => {
        const t = scoreRule(join(base, rule), rule);
        expect(t.precision, 'precision').toBeGreaterThanOrEqual(0.9);
        expect(t.recall, 'recall').toBeGreaterThanOrEqual(0.6);
      });
    }
  }
});

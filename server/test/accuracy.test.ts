/**
 * Accuracy gate: the four core checks on the annotated corpora, scored exactly as the shared
 * scorer does (scripts/score.mjs is a copy of it). Dev notes must stay at F1 >= 0.9 per rule.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/core/lint';
// @ts-expect-error: plain ES module without types
import { loadCorpus, score } from '../../scripts/score.mjs';

const root = resolve(__dirname, '../..');

function report(dir: string) {
  return loadCorpus(dir).map((note: { name: string }) => {
    const text = readFileSync(join(dir, note.name), 'utf8');
    return { filePath: note.name, messages: lint(text).map((f) => ({ ruleId: f.ruleId, line: f.range.start.line + 1 })) };
  });
}

describe('accuracy on annotated notes', () => {
  for (const [name, minimum] of [['corpus', 0.9], ['heldout', 0.75]] as const) {
    const dir = join(root, 'test-fixtures', name);
    it.skipIf(!existsSync(dir))(`keeps F1 >= ${minimum} for every core rule on test-fixtures/${name}`, () => {
      const result = score(loadCorpus(dir), report(dir));
      for (const [rule, t] of Object.entries(result.rules) as [string, { f1: number }][]) {
        expect(t.f1, `${rule} F1`).toBeGreaterThanOrEqual(minimum);
      }
    });
  }
});

/**
 * Redacted messages carry no words from the note: across the whole corpus each rule produces
 * only a handful of fixed wordings, with no quotations and no names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/core/lint';

const dir = resolve(__dirname, '../../test-fixtures/corpus');

describe('redacted messages', () => {
  it('are fixed wordings per rule, with no quoted words or names from the notes', () => {
    const byRule = new Map<string, Set<string>>();
    for (const name of readdirSync(dir).filter((n) => /^d.*\.md$/.test(n))) {
      for (const f of lint(readFileSync(join(dir, name), 'utf8'))) {
        expect(f.redactedMessage).not.toMatch(/["“”]/);
        const set = byRule.get(f.ruleId) ?? new Set();
        set.add(f.redactedMessage);
        byRule.set(f.ruleId, set);
      }
    }
    for (const [rule, messages] of byRule) expect(messages.size, rule).toBeLessThanOrEqual(8);
    expect([...(byRule.get('child-voice-missing') ?? [])].join(' ')).not.toMatch(/Jamie|Kacper|Ellie/);
  });
});

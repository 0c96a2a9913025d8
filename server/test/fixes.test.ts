/**
 * Every quick fix converges: applied to a real note, the finding it fixes goes away and the note
 * still lints. A fix that inserts a template leaves an unfilled placeholder showing what is left
 * for the practitioner to write; a fix that only swaps a word (a respectful term, an acronym
 * spelled out) is complete as it stands.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/core/lint';
import { applyFix } from './helpers';

const dir = resolve(__dirname, '../../test-fixtures/corpus');
const notes = readdirSync(dir).filter((n) => n.endsWith('.md') && !/^[A-Z]+\.md$/.test(n));

describe('quick fixes on the corpus', () => {
  it.each(notes)('each fix in %s removes its finding, leaving a placeholder where it inserts a template', (name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    for (const finding of lint(text)) {
      for (const fix of finding.fixes) {
        const fixed = applyFix(text, fix);
        const after = lint(fixed);
        const sameStart = after.filter((f) => f.ruleId === finding.ruleId && f.range.start.line === finding.range.start.line && f.startOffset === finding.startOffset);
        const shift = fixed.length - text.length;
        const moved = after.filter((f) => f.ruleId === finding.ruleId && Math.abs(f.startOffset - finding.startOffset) <= Math.abs(shift) && fixed.slice(f.startOffset, f.endOffset) === text.slice(finding.startOffset, finding.endOffset));
        expect([...sameStart, ...moved], `${finding.ruleId}: ${fix.title}`).toEqual([]);
        const template = fix.edits.some((e) => e.newText.includes('['));
        if (template) expect(after.some((f) => f.ruleId === 'unfilled-placeholder'), fix.title).toBe(true);
      }
    }
  });
});

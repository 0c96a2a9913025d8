/**
 * Property-based tests over generated Markdown notes (fast-check): the core never throws, every
 * range lies inside the document, linting twice gives the same result, and applying any quick
 * fix leaves a document that still lints.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/core/lint';
import { applyFix } from './helpers';

const sentence = fc.constantFrom(
  'Mum was hostile.', 'The house was filthy.', 'Jamie said "I want to go home".', 'I rang the school and spoke to Mrs Okoro, the DSL.',
  'I passed the concerns to the health visitor.', 'In my view the risk is high.', 'Jamie was playing with his cars.', 'Kai 😀 was at school.',
  'Dad never turns up.', 'Emailed Mrs Okoro confirming our call.', 'Consent was not sought.', '[what the child said]', 'Ms B. was at home at 10.30.',
  'Café e\u0301 résumé.', 'She said she was "fine".',
);
const inline = fc.oneof(sentence, fc.string({ maxLength: 30 }), fc.constantFrom('**Child\'s views:**', '_Mum_', '`code`', '[link](x.md)', '<!-- caselint-disable-next-line opinion-as-fact -->'));
const paragraph = fc.array(inline, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));
const block = fc.oneof(
  paragraph,
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.constantFrom('14/03/2026 Home visit', '2026-03-15 Telephone call', 'Analysis', 'Supervision')).map(([d, t]) => `${'#'.repeat(d)} ${t}`),
  paragraph.map((p) => `- ${p}\n  - ${p}`),
  paragraph.map((p) => `> ${p}`),
  paragraph.map((p) => '```\n' + p + '\n```'),
  paragraph.map((p) => `| Date | Note |\n|---|---|\n| 01/03/2026 | ${p.replace(/\|/g, '/')} |`),
  fc.constantFrom('**05/03/2026 – h/v**', '---', '```', '<div>', '</div>'),
);
const note = fc
  .tuple(fc.boolean(), fc.array(block, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([front, blocks, eol]) => ((front ? '---\nchild: Jamie K. (7)\n---\n\n' : '') + blocks.join('\n\n')).replace(/\n/g, eol));

describe('properties of the core', () => {
  it('never throws, keeps ranges inside the note, and is deterministic', () => {
    fc.assert(
      fc.property(note, (text) => {
        const first = lint(text);
        for (const f of first) {
          expect(f.startOffset).toBeGreaterThanOrEqual(0);
          expect(f.endOffset).toBeLessThanOrEqual(text.length);
          for (const fix of f.fixes) for (const e of fix.edits) expect(e.range.start.line).toBeGreaterThanOrEqual(0);
        }
        expect(lint(text)).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves a note that still lints after applying any quick fix', () => {
    fc.assert(
      fc.property(note, (text) => {
        for (const f of lint(text)) for (const fix of f.fixes) expect(() => lint(applyFix(text, fix))).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });
});

/**
 * unfilled-placeholder: a `[bracketed placeholder]` from a quick-fix template that was never
 * filled in. Templates make it quick to add missing structure; this rule makes sure the
 * brackets cannot reach an exported record unnoticed.
 *
 * Not flagged: Markdown links (`[text](url)`, `[text][ref]`), task boxes (`[ ]`, `[x]`),
 * footnotes (`[^1]`), editorial brackets of one or two words inside quotes ("[he] said").
 */
import type { RuleContext, RuleDefinition, RuleReport } from '../rule';

const PLACEHOLDER = /\[([^\[\]\n]{3,200})\](?![(\[:])/g;

export const unfilledPlaceholder: RuleDefinition = {
  id: 'unfilled-placeholder',
  defaultSeverity: 'error',
  lexicon: {},
  docs: {
    description: 'Finds template placeholders in square brackets that have not been filled in.',
    why: 'A template is only a prompt. A record that still says "[what the child said]" tells the reader that something was meant to be recorded and was not, and it must not be exported or shared like that.',
    guidance: [
      { source: 'Local safeguarding partnership key principles, 2.5 Record keeping', passage: 'Records should be clear, accurate and contemporaneous.' },
    ],
    examples: [
      { poor: 'Jamie said [what the child said, in their own words].', good: 'Jamie said "I like my new school but I miss Grandad."' },
    ],
  },
  check({ note }: RuleContext): RuleReport[] {
    const reports: RuleReport[] = [];
    for (const block of note.blocks) {
      // Search the source of each prose block, so links and code never reach this rule.
      // Inline code (`[like this]`) is quoted syntax, not a template: blank it out, keeping offsets.
      const source = note.text.slice(block.start, block.end).replace(/(`+)[^`]*?\1/g, (code) => ' '.repeat(code.length));
      PLACEHOLDER.lastIndex = 0;
      for (let m = PLACEHOLDER.exec(source); m; m = PLACEHOLDER.exec(source)) {
        const inner = m[1].trim();
        if (/^(?:x|X| |\^.*|\d+)$/.test(inner) || inner.split(/\s+/).length < 2) continue;
        const start = block.start + m.index;
        reports.push({
          start,
          end: start + m[0].length,
          message: `This placeholder has not been filled in: "${m[0]}". Replace it with what happened, or remove it.`,
          redactedMessage: 'A template placeholder has not been filled in. Replace it with what happened, or remove it.',
        });
      }
    }
    return reports;
  },
};

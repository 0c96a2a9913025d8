/**
 * Hover on a finding: why it matters, the guidance passage it rests on, and a short example of
 * better recording, in the words of practice.
 */
import type { Diagnostic, Hover, Position } from 'vscode-languageserver/node';
import { ruleById } from '../rules';
import { DIAGNOSTIC_SOURCE } from './protocol';

function contains(diagnostic: Diagnostic, position: Position): boolean {
  const { start, end } = diagnostic.range;
  const after = position.line > start.line || (position.line === start.line && position.character >= start.character);
  const before = position.line < end.line || (position.line === end.line && position.character <= end.character);
  return after && before;
}

/** A one-line example reads best inline; a multi-line one (say, front matter) keeps its lines. */
function betterExample(good: string): string {
  return good.includes('\n') ? `**Better:**\n\n\`\`\`markdown\n${good}\n\`\`\`` : `**Better:** ${good}`;
}

export function hoverFor(diagnostics: Diagnostic[], position: Position): Hover | null {
  const parts: string[] = [];
  let range: Diagnostic['range'] | undefined;
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !contains(diagnostic, position)) continue;
    const rule = ruleById(String(diagnostic.code));
    if (!rule) continue;
    range ??= diagnostic.range;
    const example = rule.docs.examples[0];
    parts.push(
      [
        `**Caselint: ${rule.id}**`,
        '',
        rule.docs.why,
        '',
        ...rule.docs.guidance.map((g) => `> ${g.passage}\n>\n> — *${g.source}*\n`),
        example ? betterExample(example.good) : '',
      ].join('\n'),
    );
  }
  if (!parts.length) return null;
  return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, range };
}

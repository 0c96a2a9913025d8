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

export function hoverFor(diagnostics: Diagnostic[], position: Position): Hover | null {
  const parts: string[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !contains(diagnostic, position)) continue;
    const rule = ruleById(String(diagnostic.code));
    if (!rule) continue;
    const example = rule.docs.examples[0];
    parts.push(
      [
        `**Caselint: ${rule.id}**`,
        '',
        rule.docs.why,
        '',
        ...rule.docs.guidance.map((g) => `> ${g.passage}\n>\n> — *${g.source}*\n`),
        example ? `**Better:** ${example.good.replace(/\n/g, ' ')}` : '',
      ].join('\n'),
    );
  }
  if (!parts.length) return null;
  return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } };
}

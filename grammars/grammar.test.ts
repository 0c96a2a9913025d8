/**
 * Scope assertions for the case-note injection grammar, run on the real TextMate engine that
 * VS Code uses (vscode-textmate + vscode-oniguruma), injected into the Markdown grammar that
 * VS Code ships (from the tm-grammars package).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type StackElement } from 'vscode-textmate';

const require = createRequire(__filename);
const INJECTION = resolve(__dirname, 'casenote.injection.tmLanguage.json');
const MARKDOWN = require.resolve('tm-grammars/grammars/markdown.json');

let grammar: IGrammar;

beforeAll(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => {
      if (scope === 'text.html.markdown') return parseRawGrammar(readFileSync(MARKDOWN, 'utf8'), MARKDOWN);
      if (scope === 'text.casenote.injection') return parseRawGrammar(readFileSync(INJECTION, 'utf8'), INJECTION);
      return null;
    },
    getInjections: (scope) => (scope === 'text.html.markdown' ? ['text.casenote.injection'] : undefined),
  });
  grammar = (await registry.loadGrammar('text.html.markdown'))!;
});

/** The scopes of the token(s) covering `needle` on the given line of a document. */
function scopesOf(doc: string, lineNo: number, needle: string): string[] {
  let state: StackElement = INITIAL;
  const lines = doc.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const result = grammar.tokenizeLine(lines[i], state);
    state = result.ruleStack;
    if (i !== lineNo) continue;
    const at = lines[i].indexOf(needle);
    expect(at, `"${needle}" on line ${i}`).toBeGreaterThanOrEqual(0);
    const covering = result.tokens.filter((t) => t.startIndex < at + needle.length && t.endIndex > at);
    return [...new Set(covering.flatMap((t) => t.scopes))];
  }
  throw new Error(`no line ${lineNo}`);
}

describe('case-note grammar', () => {
  it('scopes the date and the kind of contact in an entry heading', () => {
    const doc = '## 14/03/2026 Home visit';
    expect(scopesOf(doc, 0, '14/03/2026')).toContain('constant.other.date.casenote');
    expect(scopesOf(doc, 0, 'Home visit')).toContain('keyword.other.contact.casenote');
    expect(scopesOf(doc, 0, 'Home visit')).toContain('markup.heading.markdown');
  });

  it('recognises an ISO-dated heading with a time', () => {
    expect(scopesOf('### 2026-03-14 10:20 — Telephone call with school', 0, '2026-03-14')).toContain('constant.other.date.casenote');
  });

  it('treats a bold date line as an entry heading', () => {
    const scopes = scopesOf('**05/03/2026 – h/v**', 0, 'h/v');
    expect(scopes).toContain('markup.heading.entry.casenote');
    expect(scopes).toContain('keyword.other.contact.casenote');
  });

  it('scopes field labels', () => {
    expect(scopesOf("**Child's views:** She said she was happy.", 0, "Child's views")).toContain('entity.name.tag.field-label.casenote');
    expect(scopesOf('**Present**: Mum and Jamie.', 0, 'Present')).toContain('entity.name.tag.field-label.casenote');
  });

  it('scopes quoted speech, and "I think" inside a quote stays a quote', () => {
    const scopes = scopesOf('Jamie said "I think Mum is sad" and looked down.', 0, 'I think');
    expect(scopes).toContain('string.quoted.double.speech.casenote');
    expect(scopes).not.toContain('keyword.other.judgement.casenote');
    expect(scopesOf('He said “I want to go home”.', 0, 'go home')).toContain('string.quoted.double.speech.casenote');
  });

  it('marks unfilled placeholders but not links, task boxes or footnotes', () => {
    expect(scopesOf('Jamie said [what the child said, in their own words].', 0, 'what the child')).toContain('invalid.deprecated.placeholder.casenote');
    expect(scopesOf('See [the plan](plan.md).', 0, 'the plan')).not.toContain('invalid.deprecated.placeholder.casenote');
    expect(scopesOf('- [x] Visit done', 0, 'Visit')).not.toContain('invalid.deprecated.placeholder.casenote');
  });

  it('marks professional-judgement wording', () => {
    expect(scopesOf('In my professional judgement the risk is high.', 0, 'In my professional judgement')).toContain('keyword.other.judgement.casenote');
    expect(scopesOf('I am concerned that Mum is not coping.', 0, 'I am concerned that')).toContain('keyword.other.judgement.casenote');
  });

  it('marks Caselint directives', () => {
    expect(scopesOf('<!-- caselint-disable-next-line opinion-as-fact -->', 0, 'caselint-disable')).toContain('comment.block.directive.casenote');
  });

  it('leaves code blocks alone', () => {
    const doc = '```\n"not speech" 14/03/2026\n```';
    expect(scopesOf(doc, 1, 'not speech')).not.toContain('string.quoted.double.speech.casenote');
  });
});

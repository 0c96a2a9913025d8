/**
 * Scope assertions for the case-note injection grammar, run on the TextMate engine VS Code uses
 * (vscode-textmate + vscode-oniguruma), injected into the Markdown grammar VS Code ships (from the
 * tm-grammars package, with its YAML grammar so front matter is read as it is in the editor).
 *
 * Besides single sentences, the grammar is held to the checker's own answers: every heading and
 * bold label in the annotated corpus is highlighted as an entry or a judgement label exactly when
 * the checker reads it as one, and placeholders are highlighted exactly where the rule reports them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type IToken, type StackElement } from 'vscode-textmate';
import { isJudgementLabel, namesContact } from '../server/src/core/structure';
import { hasDate } from '../server/src/core/dates';
import { flagged, inEntry } from '../server/test/helpers';
import { caseNoteGrammarJson } from './casenote-grammar';

const require = createRequire(__filename);
const INJECTION = resolve(__dirname, 'casenote.injection.tmLanguage.json');
const GRAMMARS: Record<string, string> = {
  'text.html.markdown': require.resolve('tm-grammars/grammars/markdown.json'),
  'source.yaml': require.resolve('tm-grammars/grammars/yaml.json'),
  'text.casenote.injection': INJECTION,
};
const FIXTURES = resolve(__dirname, '../test-fixtures');

const ENTRY = 'markup.heading.entry.casenote';
const DATE = 'constant.other.date.casenote';
const TIME = 'constant.other.time.casenote';
const CONTACT = 'keyword.other.contact.casenote';
const LABEL = 'entity.name.tag.field-label.casenote';
const JUDGEMENT = 'keyword.other.judgement.casenote';
const SPEECH = 'string.quoted.double.speech.casenote';
const PLACEHOLDER = 'invalid.deprecated.placeholder.casenote';
const DIRECTIVE = 'comment.block.directive.casenote';

let grammar: IGrammar;

beforeAll(async () => {
  await oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => (GRAMMARS[scope] ? parseRawGrammar(readFileSync(GRAMMARS[scope], 'utf8'), GRAMMARS[scope]) : null),
    getInjections: (scope) => (scope === 'text.html.markdown' ? ['text.casenote.injection'] : undefined),
  });
  grammar = (await registry.loadGrammar('text.html.markdown'))!;
});

/** Every line's tokens, carrying the line state across lines as the editor does. */
function tokenise(doc: string): { line: string; tokens: IToken[] }[] {
  let state: StackElement = INITIAL;
  return doc.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return { line, tokens: result.tokens };
  });
}

/** The scopes of each token covering the first occurrence of `needle` in the document. */
function tokensOver(doc: string, needle: string): string[][] {
  for (const { line, tokens } of tokenise(doc)) {
    const at = line.indexOf(needle);
    if (at >= 0) return tokens.filter((t) => t.startIndex < at + needle.length && t.endIndex > at).map((t) => t.scopes);
  }
  throw new Error(`"${needle}" is not in the document`);
}

/** True when all of `needle` carries the scope. */
const hasScope = (doc: string, needle: string, scope: string) => tokensOver(doc, needle).every((scopes) => scopes.includes(scope));
/** True when no part of `needle` carries the scope. */
const lacksScope = (doc: string, needle: string, scope: string) => tokensOver(doc, needle).every((scopes) => !scopes.includes(scope));

/** The stretches of the document carrying a scope, as text. */
function textsWith(doc: string, scope: string): string[] {
  const found: string[] = [];
  for (const { line, tokens } of tokenise(doc)) {
    let current = '';
    for (const t of tokens) {
      if (t.scopes.includes(scope)) current += line.slice(t.startIndex, t.endIndex);
      else if (current) found.push(current), (current = '');
    }
    if (current) found.push(current);
  }
  return found;
}

const notes = (folder: string) =>
  readdirSync(join(FIXTURES, folder))
    .filter((f) => f.endsWith('.md') && !/^[A-Z]+\.md$/.test(f))
    .map((f) => readFileSync(join(FIXTURES, folder, f), 'utf8'));
const corpus = () => [...notes('corpus'), ...notes('examples')];

describe('the grammar file', () => {
  it('is the one casenote-grammar.ts builds (run npm run grammar after changing it)', () => {
    expect(readFileSync(INJECTION, 'utf8')).toBe(caseNoteGrammarJson());
  });
});

describe('entry headings', () => {
  it('scopes the date and the kind of contact in "## 14/03/2026 Home visit"', () => {
    const doc = '## 14/03/2026 Home visit';
    expect(hasScope(doc, '## 14/03/2026 Home visit', ENTRY)).toBe(true);
    expect(hasScope(doc, '14/03/2026', DATE)).toBe(true);
    expect(hasScope(doc, 'Home visit', CONTACT)).toBe(true);
    expect(hasScope(doc, 'Home visit', 'markup.heading.markdown')).toBe(true);
  });

  it('reads an ISO date, a time and a dash before the contact', () => {
    const doc = '### 2026-03-14 — Telephone call with school\n\n## 05/03/2026 10:20 — Strategy discussion with police';
    expect(hasScope(doc, '2026-03-14', DATE)).toBe(true);
    expect(hasScope(doc, 'Telephone call', CONTACT)).toBe(true);
    expect(lacksScope(doc, 'with school', CONTACT)).toBe(true);
    expect(hasScope(doc, '10:20', TIME)).toBe(true);
    expect(hasScope(doc, 'Strategy discussion', CONTACT)).toBe(true);
  });

  it('reads every date format the checker reads, in a heading and in a bold line', () => {
    for (const date of ['14/03/2026', '14.03.26', '2026-03-14', '14 March 2026', '14th Mar', 'March 14, 2026']) {
      expect(hasScope(`## ${date} Visit to Jamie`, date, DATE), date).toBe(true);
      expect(hasScope(`**${date} Home visit**`, date, DATE), date).toBe(true);
      expect(hasScope(`**${date} Home visit**`, 'Home visit', ENTRY), date).toBe(true);
    }
  });

  it('treats a whole bold line with a date as an entry heading', () => {
    const doc = '**14/03/2026 Home visit**\n\n**Monday 14 March 2026 – h/v**';
    expect(hasScope(doc, '14/03/2026 Home visit', ENTRY)).toBe(true);
    expect(hasScope(doc, 'Home visit', CONTACT)).toBe(true);
    expect(hasScope(doc, '14 March 2026', DATE)).toBe(true);
    expect(hasScope(doc, 'h/v', CONTACT)).toBe(true);
  });

  it('keeps bold text and links working inside an entry heading', () => {
    const doc = '## 14/03/2026 Home visit with **Jamie** ([plan](plan.md))';
    expect(hasScope(doc, 'Jamie', 'markup.bold.markdown')).toBe(true);
    expect(hasScope(doc, 'plan.md', 'markup.underline.link.markdown')).toBe(true);
  });

  it('does not make an entry of a document title or a bold line without a date', () => {
    const doc = '# Contact record — Jamie K.\n\n**MASH screening record — Noah and Evie S.**';
    expect(lacksScope(doc, 'Contact record', ENTRY)).toBe(true);
    expect(lacksScope(doc, 'Contact', CONTACT)).toBe(true);
    expect(lacksScope(doc, 'MASH screening', ENTRY)).toBe(true);
  });

  it('marks as entries exactly the corpus headings the checker reads as entries', () => {
    const headings = corpus().flatMap((doc) => doc.split('\n').filter((l) => /^#{1,6}\s/.test(l)));
    expect(headings.length).toBeGreaterThan(50);
    for (const heading of headings) {
      const text = heading.replace(/^#+\s+/, '').trim();
      const checker = hasDate(text) || namesContact(text);
      expect(hasScope(heading, text, ENTRY), heading).toBe(checker);
    }
  });
});

describe('field labels', () => {
  it("scopes **Child's views:**, **Present**: and several labels on one line", () => {
    expect(hasScope("**Child's views:** She said she was happy.", "Child's views", LABEL)).toBe(true);
    expect(hasScope('**Present**: Mum and Jamie.', 'Present', LABEL)).toBe(true);
    const line = '**Woman:** Chantelle R. (22) **EDD:** 26/06/2026 **Information sharing:** none.';
    expect(hasScope(line, 'EDD', LABEL)).toBe(true);
    expect(hasScope(line, 'Information sharing', LABEL)).toBe(true);
    expect(hasScope(line, '26/06/2026', DATE)).toBe(true);
  });

  it('leaves bold emphasis without a colon alone', () => {
    expect(lacksScope('She was **very** upset and **did not** want to talk.', 'very', LABEL)).toBe(true);
    expect(lacksScope('**Important** information follows.', 'Important', LABEL)).toBe(true);
  });

  it('marks a label that opens the writer\'s judgement, but not one that only mentions analysis', () => {
    expect(hasScope('**Professional judgement (chair):** The risk is high.', 'Professional judgement', JUDGEMENT)).toBe(true);
    expect(hasScope("**Worker's view:** Shannon is settled.", "Worker's view", JUDGEMENT)).toBe(true);
    expect(hasScope('**Analysis:**', 'Analysis', LABEL)).toBe(true);
    expect(hasScope('**Analysis:**', 'Analysis', JUDGEMENT)).toBe(true);
    expect(lacksScope('**Summary of analysis:** text', 'Summary of analysis', JUDGEMENT)).toBe(true);
  });

  it('marks judgement headings: ## Analysis, ### Worker’s view (SW)', () => {
    expect(hasScope('## Analysis', 'Analysis', JUDGEMENT)).toBe(true);
    expect(hasScope('### Worker’s view (SW)', 'Worker’s view', JUDGEMENT)).toBe(true);
    expect(lacksScope('## Background', 'Background', JUDGEMENT)).toBe(true);
  });

  it('marks as judgement exactly the corpus labels and headings the checker reads as judgement', () => {
    const labels = corpus().flatMap((doc) => [...doc.matchAll(/\*\*([^*\n]{1,60}?):\*\*/g)].map((m) => m[1]));
    expect(labels.length).toBeGreaterThan(50);
    for (const label of labels) {
      const start = label.replace(/^\s*\d+[.)]\s*/, '').split(/[\s(]/)[0];
      expect(hasScope(`**${label}:** text`, start, JUDGEMENT), label).toBe(isJudgementLabel(label));
    }
  });
});

describe('quoted speech', () => {
  it('scopes straight and curly double quotes', () => {
    expect(hasScope('Jamie said "I like my new school" and smiled.', '"I like my new school"', SPEECH)).toBe(true);
    expect(hasScope('He said “I want to go home”.', '“I want to go home”', SPEECH)).toBe(true);
    expect(hasScope('Mum called it ‘a bit of a row’ and laughed.', '‘a bit of a row’', 'string.quoted.single.speech.casenote')).toBe(true);
  });

  it('keeps "I think" inside a quote as the child\'s words, not the writer\'s judgement', () => {
    const doc = 'Jamie said "I think Mum is sad" and looked down. I think he was worried.';
    expect(hasScope(doc, 'I think Mum', SPEECH)).toBe(true);
    expect(lacksScope(doc, 'I think Mum', JUDGEMENT)).toBe(true);
    expect(textsWith(doc, JUDGEMENT)).toEqual(['I think']);
  });

  it('does not run a quote that is never closed onto the next line', () => {
    const doc = 'Mum said "no.\nNext line" continues.';
    expect(lacksScope(doc, 'Mum said', SPEECH)).toBe(true);
    expect(lacksScope(doc, 'Next line', SPEECH)).toBe(true);
  });
});

describe('placeholders', () => {
  it('marks a placeholder left by a template, even inside quotes', () => {
    expect(hasScope('Jamie said [what the child said, in their own words].', '[what the child said, in their own words]', PLACEHOLDER)).toBe(true);
    const quoted = 'Jamie said "[what the child said]".';
    expect(hasScope(quoted, '[what the child said]', PLACEHOLDER)).toBe(true);
    expect(hasScope(quoted, '[what the child said]', SPEECH)).toBe(true);
  });

  it('leaves links, reference links, task boxes, footnotes and editorial brackets alone', () => {
    const doc = 'See [the plan](plan.md) and [the policy][pol] and [pol].\n\n- [ ] Send the letter\n- [x] Visit done\n\nHe said it was "[his] fault" and [she] left.[^1]\n\n[pol]: https://example.org/policy';
    for (const text of ['the plan', 'the policy', '[pol]', ' ] Send', 'x] Visit', '[his]', '[she]', '^1', 'example.org']) {
      expect(lacksScope(doc, text, PLACEHOLDER), text).toBe(true);
    }
  });

  it('marks the same placeholders the unfilled-placeholder rule reports', () => {
    const sentences = [
      'Kai said [what the child said, in their own words].',
      'Jamie said "[what the child said]". Mum said [what the parent said].',
      'See [the plan](plan.md) and [the policy][1]. - [x] done. He said "[she] hit me".[^1]\n\n[1]: policy.md',
      '[Reason for sharing] was agreed with [name of manager] on [date].',
    ];
    for (const sentence of sentences) {
      const doc = inEntry(sentence);
      expect(textsWith(doc, PLACEHOLDER), sentence).toEqual(flagged(doc, 'unfilled-placeholder'));
    }
  });
});

describe('professional-judgement wording', () => {
  it('marks the wording the opinion-as-fact rule accepts as judgement', () => {
    const doc = 'In my professional judgement the risk is high. In my view she is safe. My assessment is that risk is low. I am concerned that Mum is not coping. Professional judgement is needed.';
    for (const phrase of ['In my professional judgement', 'In my view', 'My assessment is', 'I am concerned', 'Professional judgement']) {
      expect(hasScope(doc, phrase, JUDGEMENT), phrase).toBe(true);
    }
  });

  it('does not mark plain statements as judgement', () => {
    expect(lacksScope('Mum is not coping. The view from the window is of the park.', 'view', JUDGEMENT)).toBe(true);
  });
});

describe('what the grammar leaves alone', () => {
  it('leaves fenced code, indented code and inline code alone', () => {
    const doc = '```\n"not speech" 14/03/2026 [not a placeholder]\n```\n\nText `"code" [code placeholder]` here.\n\n    "indented" [indented code text]';
    expect(lacksScope(doc, 'not speech', SPEECH)).toBe(true);
    expect(lacksScope(doc, '14/03/2026', DATE)).toBe(true);
    expect(lacksScope(doc, 'code placeholder', PLACEHOLDER)).toBe(true);
    expect(lacksScope(doc, 'indented code text', PLACEHOLDER)).toBe(true);
  });

  it('leaves front matter and ordinary HTML comments alone', () => {
    const doc = '---\ncaselint: true\nvisited: 14/03/2026\nnote: "a quote [two words]"\n---\n\n<!-- drafted 15/03/2026 "quote" -->\n\nText.';
    expect(lacksScope(doc, '14/03/2026', DATE)).toBe(true);
    expect(lacksScope(doc, '[two words]', PLACEHOLDER)).toBe(true);
    expect(lacksScope(doc, '15/03/2026', DATE)).toBe(true);
    expect(lacksScope(doc, '"quote"', SPEECH)).toBe(true);
  });
});

describe('directives', () => {
  it('marks Caselint disable comments, and no other comment', () => {
    const doc = '<!-- caselint-disable-next-line opinion-as-fact -->\nMum is aggressive.\n\n<!-- reviewed by manager -->';
    expect(hasScope(doc, '<!-- caselint-disable-next-line opinion-as-fact -->', DIRECTIVE)).toBe(true);
    expect(lacksScope(doc, 'reviewed by manager', DIRECTIVE)).toBe(true);
  });
});

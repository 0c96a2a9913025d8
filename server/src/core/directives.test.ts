import { describe, expect, it } from 'vitest';
import { lint } from './lint';
import { coreOnly } from '../../test/helpers';

const rules = (text: string) => coreOnly(lint(text).map((f) => f.ruleId));

describe('inline directives', () => {
  const body = 'The house was filthy.';
  it('silences a rule on the next line', () => {
    expect(rules(`<!-- caselint-disable-next-line opinion-as-fact -->\n${body}\n`)).toEqual([]);
  });

  it('silences only the rules it names', () => {
    expect(rules(`<!-- caselint-disable-next-line oral-followup-missing -->\n${body}\n`)).toEqual(['opinion-as-fact']);
  });

  it('silences a stretch between disable and enable', () => {
    const text = `<!-- caselint-disable opinion-as-fact -->\n\n${body}\n\n<!-- caselint-enable opinion-as-fact -->\n\nMum was hostile.\n`;
    expect(rules(text)).toEqual(['opinion-as-fact']);
  });

  it('honours configured severities and switches a rule off', () => {
    expect(lint(`${body}\n`, { rules: { 'opinion-as-fact': 'error' } })[0].severity).toBe('error');
    expect(lint(`${body}\n`, { rules: { 'opinion-as-fact': 'off' } })).toEqual([]);
  });

  it('lets configuration extend a word list', () => {
    expect(rules('Mum was slapdash.\n')).toEqual([]);
    expect(coreOnly(lint('Mum was slapdash.\n', { lexicons: { 'opinion-as-fact': { labels: ['slapdash'] } } }).map((f) => f.ruleId))).toEqual(['opinion-as-fact']);
  });
});

describe('front matter', () => {
  it('reports front matter that cannot be read and still checks the note', () => {
    const found = lint('---\nchild: [Jamie\n---\n\nMum was hostile.\n');
    expect(coreOnly(found.map((f) => f.ruleId))).toEqual(['front-matter-unreadable', 'opinion-as-fact']);
  });

  it('reports front matter that is never closed', () => {
    expect(coreOnly(lint('---\nchild: Jamie\n\nMum said she was tired.\n').map((f) => f.ruleId))).toEqual(['front-matter-unreadable']);
  });
});

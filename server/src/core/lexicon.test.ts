import { describe, expect, it } from 'vitest';
import { mergeLexicon } from './lexicon';
import { lint } from './lint';

describe('word lists from configuration', () => {
  const base = { terms: ['absconded => went missing', 'respite => short break'], other: ['a'] };

  it('adds words, lower-cased and without repeats', () => {
    expect(mergeLexicon(base, { other: ['A', ' b ', 'b'] }).other).toEqual(['a', 'b']);
  });

  it('takes a word off a list when it is written with a leading minus', () => {
    expect(mergeLexicon(base, { other: ['-a'] }).other).toEqual([]);
  });

  it('takes off an entry that carries data by its first part', () => {
    expect(mergeLexicon(base, { terms: ['-respite'] }).terms).toEqual(['absconded => went missing']);
  });

  it('leaves lists that are not named alone', () => {
    expect(mergeLexicon(base, { other: ['c'] }).terms).toBe(base.terms);
  });

  it('changes what a rule flags', () => {
    const note = '## 10/03/2026 Case note\n\nMs Reed was bolshie.\n';
    expect(lint(note).filter((f) => f.ruleId === 'opinion-as-fact')).toHaveLength(0);
    expect(lint(note, { lexicons: { 'opinion-as-fact': { labels: ['bolshie'] } } }).filter((f) => f.ruleId === 'opinion-as-fact')).toHaveLength(1);
  });
});

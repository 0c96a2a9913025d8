/**
 * Word lists are matched through one pattern per list, with the entries that share a beginning
 * sharing a branch (text.ts `alternation`). These tests hold that pattern to the plain
 * alternation of the same entries, longest first: the same matches, at the same places, on every
 * annotated note and on text built from the entries themselves.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleList } from '../rules';
import { alternation, findAll, matchesOf } from './text';

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ +/g, '\\s+');

/** The plain alternation, longest entry first: what `listPattern` built before entries shared branches. */
function flatPattern(words: readonly string[]): RegExp {
  const sorted = [...words].sort((a, b) => b.length - a.length);
  const plain = sorted.filter((w) => !w.startsWith('re:')).map(escape);
  const patterns = sorted.filter((w) => w.startsWith('re:')).map((w) => `(?:${w.slice(3)})`);
  const alternatives = [...patterns, ...(plain.length ? [`(?<![\\w'’-])(?:${plain.join('|')})(?![\\w-])`] : [])];
  return new RegExp(alternatives.join('|') || '(?!)', 'gi');
}

function flatFindAll(words: readonly string[], text: string): { index: number; text: string }[] {
  return [...text.matchAll(flatPattern(words))].map((m) => ({ index: m.index, text: m[0] }));
}

const lists = ruleList.flatMap((rule) =>
  Object.entries(rule.lexicon ?? {})
    .filter(([, words]) => Array.isArray(words) && words.every((w) => typeof w === 'string'))
    .map(([name, words]) => ({ name: `${rule.id}/${name}`, words: words as readonly string[] })),
);

function notesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return notesUnder(path);
    return name.endsWith('.md') ? [readFileSync(path, 'utf8')] : [];
  });
}

/** Each entry in company: capitalised, run on, cut short, hyphenated, spaced out, possessive. */
function textFrom(words: readonly string[]): string {
  const plain = words.filter((w) => !w.startsWith('re:'));
  return plain
    .flatMap((w) => [
      w,
      w.toUpperCase(),
      w[0].toUpperCase() + w.slice(1),
      `${w}s`,
      `un${w}`,
      `${w}-led`,
      `${w}’s`,
      w.slice(0, -1),
      w.replace(/ /g, '  '),
      w.replace(/ /g, '\n'),
      `${w} ${plain[(w.length * 7) % plain.length]}`,
    ])
    .join('. ');
}

describe('word-list patterns', () => {
  it('covers the word lists of the rules', () => {
    expect(lists.length).toBeGreaterThan(40);
  });

  it('finds exactly what the plain alternation finds, on every annotated note', () => {
    const notes = notesUnder(join(__dirname, '../../../test-fixtures')).join('\n\n');
    for (const { name, words } of lists) {
      expect(findAll(words, notes), name).toEqual(flatFindAll(words, notes));
    }
  });

  it('finds exactly what the plain alternation finds, on text made from the entries', () => {
    for (const { name, words } of lists) {
      const text = textFrom(words);
      expect(findAll(words, text), name).toEqual(flatFindAll(words, text));
    }
  });

  it('finds exactly what the plain alternation finds, for any list and text', () => {
    const letters = fc.constantFrom('a', 'b', 'ab', 'ba', 'A', ' ', '-', "'", 'ä');
    const entry = fc.array(letters, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('').trim()).filter((w) => w.length > 0);
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 8 }), fc.array(fc.constantFrom('a', 'b', 'A', 'B', ' ', '  ', '-', "'", '.', 'ä', 'Ä', '\n'), { maxLength: 40 }), (words, chars) => {
        const text = chars.join('');
        expect(findAll(words, text)).toEqual(flatFindAll(words, text));
      }),
      { numRuns: 3000 },
    );
  });

  it('shares a branch between entries with the same beginning', () => {
    expect(alternation(['looked after', 'looked after child', 'looked-after child'])).toBe('looked(?:\\s+after(?:\\s+child)?|-after\\s+child)');
  });

  it('keeps a list flat when an entry holds a tab or a run of spaces', () => {
    expect(alternation(['a\tb', 'ab'])).toBe('a\tb|ab');
    expect(alternation(['a  b', 'ab'])).toBe('a\\s+b|ab');
  });
});

describe('matchesOf', () => {
  it('finds what matchAll finds, empty matches and surrogate pairs included', () => {
    const patterns = [/\w+/g, /(?<![\w'’])(?:he|she|they)(?![\w'’])/gi, /x*/g, /(?:)/gu, /\p{L}*/gu, /b|/g];
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'x', ' ', 'He', 'she', '😀', 'é', '\n'), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        for (const re of patterns) {
          expect(matchesOf(re, text).map((m) => [m.index, m[0]])).toEqual([...text.matchAll(re)].map((m) => [m.index, m[0]]));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a pattern without the global flag, as matchAll does', () => {
    expect(() => matchesOf(/a/, 'a')).toThrow(TypeError);
  });
});

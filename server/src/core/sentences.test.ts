import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('sentences', () => {
  it('does not end a sentence at an honorific, an initial or a time', () => {
    expect(split('Ms B. was at home at 10.30 with Mr K. Smith. She said hello.')).toEqual([
      'Ms B. was at home at 10.30 with Mr K. Smith.',
      'She said hello.',
    ]);
  });

  it('ends a sentence after an initial when an ordinary sentence follows', () => {
    expect(split('I went upstairs with Ms B. The children share a room.')).toEqual([
      'I went upstairs with Ms B.',
      'The children share a room.',
    ]);
  });

  it('keeps a closing quote with its sentence', () => {
    expect(split('He said "I want to go home." Then he cried.')).toEqual(['He said "I want to go home."', 'Then he cried.']);
  });

  it('breaks long dictated text without full stops into clauses', () => {
    const text = 'visited the home at four mum was hostile and would not let me in she said the children were asleep upstairs and that she did not want them woken i explained that i needed to see them and she said to come back tomorrow the house smelled of cannabis from the door';
    expect(split(text).length).toBeGreaterThan(2);
  });
});

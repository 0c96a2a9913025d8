import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from './json-syntax';

function isValidJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('findJsonSyntaxError', () => {
  it('finds no error in any valid JSON', () => {
    fc.assert(fc.property(fc.json(), (text) => findJsonSyntaxError(text) === null));
  });

  it('agrees with JSON.parse on whether near-JSON text is valid', () => {
    const pieces = fc.constantFrom('{', '}', '[', ']', ',', ':', '"a"', '"b\\n"', '1', '-0.5e3', 'true', 'null', ' ', '\n', "'x'", '//', '01', '"\\q"');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        return (findJsonSyntaxError(text) === null) === isValidJson(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('points at single quotes and explains them', () => {
    expect(findJsonSyntaxError("{'rules': {}}")).toEqual({ offset: 1, reason: 'names of settings must be in double quotes' });
    expect(findJsonSyntaxError("{\"ignore\": ['drafts']}")).toEqual({ offset: 12, reason: 'use double quotes (") around text, not single quotes' });
  });

  it('points at a missing comma between settings', () => {
    expect(findJsonSyntaxError('{"root": true "rules": {}}')?.reason).toBe('expected a comma (,) or a closing }');
  });
});

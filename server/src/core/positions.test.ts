import { describe, expect, it } from 'vitest';
import { LineIndex, toOneBased } from './positions';
import { lint } from './lint';

describe('positions', () => {
  it('counts lines ending in LF, CRLF and a lone CR', () => {
    const index = new LineIndex('a\nb\r\nc\rd');
    expect(index.lineCount).toBe(4);
    expect(index.positionAt(7)).toEqual({ line: 3, character: 0 });
    expect(index.lineText(1)).toBe('b');
    expect(index.lineText(2)).toBe('c');
  });

  it('counts an emoji as two UTF-16 characters, as editors do', () => {
    const text = 'Jamie 😀 said hi';
    const index = new LineIndex(text);
    expect(index.positionAt(text.indexOf('said'))).toEqual({ line: 0, character: 9 });
  });

  it('round-trips every offset', () => {
    const text = 'one\r\ntwo 👍🏽\n\nthree\rfour';
    const index = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) {
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // inside a CRLF pair
      expect(index.offsetAt(index.positionAt(offset))).toBe(offset);
    }
  });

  it('converts to 1-based line and column for reports', () => {
    expect(toOneBased({ line: 0, character: 0 })).toEqual({ line: 1, column: 1 });
  });

  it('places a finding exactly after emoji, tabs, CRLF and inline markup', () => {
    const text = '## 10/03/2026 Case note 🏠\r\n\r\n**Note:**\t_Mum_ 😀 was hostile throughout.\r\n';
    const [finding] = lint(text).filter((f) => f.ruleId === 'opinion-as-fact');
    expect(text.slice(finding.startOffset, finding.endOffset)).toBe('_Mum_ 😀 was hostile throughout.');
    expect(finding.range.start).toEqual({ line: 2, character: text.split('\r\n')[2].indexOf('_Mum_') });
  });
});

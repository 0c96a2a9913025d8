import { describe, expect, it } from 'vitest';
import { applyFix, findings, flagged } from '../../../test/helpers';

const RULE = 'child-voice-missing';
const FRONT = '---\nchild: Amira S. (8)\n---\n\n';

describe('child-voice-missing', () => {
  it('flags a home visit that records only the adults, on the entry heading', () => {
    const note = `${FRONT}## 04/03/2026 Home visit\n\nAmira and her mum were at home. Mum said the landlord has fixed the boiler.\n`;
    expect(flagged(note, RULE)).toEqual(['## 04/03/2026 Home visit']);
  });

  it('flags "seen and well" and a conversation about a topic with nothing the child said', () => {
    const note = `${FRONT}## 04/03/2026 Visit to school\n\nAmira seen and well. We talked about her new class.\n`;
    expect(flagged(note, RULE)).toHaveLength(1);
  });

  it("accepts the child's own words", () => {
    const note = `${FRONT}## 04/03/2026 Home visit\n\nAmira said "I like my new bed" and that she misses her cousin.\n`;
    expect(flagged(note, RULE)).toEqual([]);
  });

  it("accepts an observation of how the child presented or played", () => {
    const note = `${FRONT}## 04/03/2026 Home visit\n\nAmira was colouring at the table and smiled when her brother came in.\n`;
    expect(flagged(note, RULE)).toEqual([]);
  });

  it('accepts a reason the child was not seen', () => {
    const note = `${FRONT}## 04/03/2026 Home visit\n\nAmira was at school, so she was not seen. I will see her there on Friday.\n`;
    expect(flagged(note, RULE)).toEqual([]);
  });

  it("does not take a parent's account of the child for the child's voice", () => {
    const note = `${FRONT}## 04/03/2026 Home visit\n\nAmira was at home. Mum said Amira is happy at school and wants a dog.\n`;
    expect(flagged(note, RULE)).toHaveLength(1);
  });

  it('leaves professional-only entries alone', () => {
    const note = `${FRONT}## 04/03/2026 Telephone call to school\n\nI rang the DSL, who said Amira's attendance is 94%.\n`;
    expect(flagged(note, RULE)).toEqual([]);
  });

  it('flags a review document with no child views, on its first line', () => {
    const note = `Case summary for Amira S. (8), for transfer to the Family Support Team.\n\nMum has struggled with her mental health since January.\n`;
    expect(flagged(note, RULE)).toEqual(['Case summary for Amira S. (8), for transfer to the Family Support Team.']);
  });

  it("recognises a bold date line standing in for a heading", () => {
    const note = `${FRONT}**04/03/2026 h/v**\n\nM and Amira at home. M said the rent is paid.\n\n**05/03/2026 T/C school**\n\nDSL said attendance is fine.\n`;
    expect(flagged(note, RULE)).toEqual(['**04/03/2026 h/v**']);
  });

  it("inserts a child's voice section that clears the finding and leaves placeholders", () => {
    const note = `${FRONT}## 04/03/2026 Home visit\n\nAmira was at home.\n\n## 05/03/2026 Email to school\n\nEmailed the DSL.\n`;
    const [finding] = findings(note, RULE);
    const fixed = applyFix(note, finding.fixes[0]);
    expect(fixed).toContain("**Child's voice:**");
    expect(fixed.indexOf("**Child's voice:**")).toBeLessThan(fixed.indexOf('## 05/03/2026'));
    expect(flagged(fixed, RULE)).toEqual([]);
    expect(flagged(fixed, 'unfilled-placeholder').length).toBeGreaterThan(0);
  });

  it('reads shorthand "C" as the child', () => {
    const note = `---\nchild: Chloe R. (15)\n---\n\n## 04/03/2026 h/v\n\nSaw C in the lounge. C seemed withdrawn and kept her headphones on.\n`;
    expect(flagged(note, RULE)).toEqual([]);
  });

  it('does not follow "he" to the child after an adult named by their relationship', () => {
    const note = `---\nchild: Jack T. (6)\n---\n\n## 04/03/2026 Home visit\n\nJack was in the lounge. Mum's boyfriend Liam arrived at 17:00. Liam was loud. He said he was staying the night.\n`;
    expect(flagged(note, RULE)).toEqual(['## 04/03/2026 Home visit']);
  });

  it('finds the child\'s voice in a later verb of the same clause', () => {
    const note = `---\nchild: Jack T. (2)\n---\n\n## 04/03/2026 Home visit\n\nJack wandered in holding a teddy, smiled and waved at me.\n`;
    expect(flagged(note, RULE)).toEqual([]);
  });

  it('does not read "lets him do as he likes" as the child\'s wishes', () => {
    const note = `---\nchild: Jack T. (9)\n---\n\n## 04/03/2026 Home visit\n\nJack was present. Dad lets him do as he likes.\n`;
    expect(flagged(note, RULE)).toEqual(['## 04/03/2026 Home visit']);
  });

  it('accepts a reason written in shorthand only when it says the child was not seen', () => {
    const front = `---\nchild: Jack T. (3), Ella T. (1)\n---\n\n## 04/03/2026 Home visit\n\n`;
    expect(flagged(`${front}Mum at home; Jack at nursery and Ella at Nan's, so neither was seen.\n`, RULE)).toEqual([]);
    expect(flagged(`${front}Mum at home; Jack at nursery. Ella was at home with Mum.\n`, RULE)).toHaveLength(1);
  });

  it('does not take a condition for later, or a parent\'s account, as the reason the child was not seen', () => {
    const front = `---\nchild: Jack T. (8)\n---\n\n## 04/03/2026 Home visit\n\n`;
    expect(flagged(`${front}Jack was present. Agreed with Mum that she will ring me if Jack is not at home by 8pm.\n`, RULE)).toHaveLength(1);
    expect(flagged(`${front}Jack was present. Mum said Jack had been unwell. She said he was asleep most of yesterday.\n`, RULE)).toHaveLength(1);
  });
});

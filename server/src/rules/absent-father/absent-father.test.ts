import { describe, expect, it } from 'vitest';
import { lint } from '../../core/lint';
import { applyFix, findings, flagged } from '../../../test/helpers';
import { analyse } from '../../core/document';
import { absentFather } from '.';

const RULE = 'absent-father';
const visit = (body: string, heading = '## 10/03/2026 Home visit') => `${heading}\n\n${body}\n`;
const MUM = 'Mum said money is very tight and she would like help with a food bank referral.';

describe('absent-father', () => {
  it("flags a file that records the mother's views and nothing of a father, once, on its first heading", () => {
    const note = `# Running record — Tia K.\n\n${visit(MUM)}\n${visit('Mum said things are calmer.', '## 17/03/2026 Home visit')}`;
    const [finding, ...rest] = findings(note, RULE);
    expect(rest).toEqual([]);
    expect(note.slice(finding.startOffset, finding.endOffset)).toBe('# Running record — Tia K.');
    expect(finding.severity).toBe('info');
    expect(finding.message).toMatch(/father or any male carer/);
    expect(finding.redactedMessage).toBe(finding.message);
  });

  it('reports on the first line when the file has no heading', () => {
    const note = 'Case notes - Skye Y (6)\n\n**03/02/26 HV**\n\nM said she had a bad night with her back. M said the meter is empty.\n';
    expect(flagged(note, RULE)).toEqual(['Case notes - Skye Y (6)']);
  });

  it('finds the mother however she is written', () => {
    expect(flagged(visit('The mother said she is struggling.'), RULE)).toHaveLength(1);
    expect(flagged(visit('M said she is struggling.'), RULE)).toHaveLength(1);
    expect(flagged(visit('Ms Reid said she is struggling since losing her job.'), RULE)).toHaveLength(1);
    expect(flagged('---\nmother: Shannon Price\n---\n\n## 10/03/2026 Visit\n\nShannon said she is tired.\n', RULE)).toHaveLength(1);
    // A woman known only by the family's name in the title: "Riley (6) and Mason (4) P."
    expect(flagged('# 03/03/2026 Core group — Riley (6) and Mason (4) P.\n\nPresent: Ms Stacey P., Mrs Carr (DSL).\n\nMs P. said things are calmer.\n', RULE)).toHaveLength(1);
    // A grandmother caring for the children, giving her views.
    expect(flagged(visit('Nan said she will have the children on Sundays.'), RULE)).toHaveLength(1);
  });

  it('is not fooled by men who are not the father: professionals, brothers, Father Christmas', () => {
    const body = `${MUM} Ruby wrote a letter to Father Christmas. Her brother Josh was upstairs. I rang Mr Ahmed, head teacher, and PC Dale Hart.`;
    expect(flagged(visit(body), RULE)).toHaveLength(1);
    // "DA" (domestic abuse) and "BF" (breastfeeding) are not fathers.
    expect(flagged(visit(`${MUM} History of DA. Baby is BF well.`), RULE)).toHaveLength(1);
  });

  describe('does not flag', () => {
    it.each([
      ['a father not known', 'Father not known.'],
      ['a father with no contact', 'Dad has no contact with the children.'],
      ['a father who has died', "The children's father died in 2023."],
      ['"bio dad" in prison', 'Bio dad is in HMP Humber until 2027.'],
      ['"Mr X (father)"', 'Mr Cole (father) was at work.'],
      ["mum's partner", "Mum's partner, Dean, was in the kitchen."],
      ['a stepdad', 'Stepdad Wayne takes Jayden to the bus stop.'],
      ['a boyfriend', 'Her boyfriend was present.'],
      ['a man of the family named by title only', 'Mr Cole was in the kitchen and made tea.'],
      ['foster carers Mr and Mrs', 'Mr and Mrs Hughes said Bella is settled.'],
      ['shorthand F', 'F not contacted as no address known.'],
      ['M/F shorthand', 'M/F both present.'],
      ['shorthand F with his name', 'F (Dean Hollis) has not seen the children since the summer.'],
      ['both parents', 'Both parents attended the meeting.'],
      ['the paternal family', 'The children have no contact with the paternal family.'],
      ['no men in the household', 'There are no men in the household.'],
      ["a father in the child's own words", 'Tia said "Daddy lives in Spain".'],
      ['a grandfather caring for the children', 'Grandad does the school run.'],
    ])('%s', (_, sentence) => {
      expect(flagged(visit(`${MUM} ${sentence}`), RULE)).toEqual([]);
    });

    it('a father named only in front matter', () => {
      expect(flagged(`---\nchild: Ava (4)\nfather: Mr Lee Cole\n---\n\n${visit(MUM)}`, RULE)).toEqual([]);
    });

    it('a father mentioned only in a quoted email reply (information about him held on the file)', () => {
      const note = `${visit(MUM, '## 19/02/2026 Email — school')}\n> From: Carter, Julie\n> Sent: 19 February 2026 11:02\n>\n> On the days she is in, her dad usually drops her off.\n`;
      expect(flagged(note, RULE)).toEqual([]);
    });

    it('a file that records nothing about the mother either', () => {
      expect(flagged(visit('Theo came in without a coat. He said his shoes broke yesterday. Mr Hayes gave him a coat.'), RULE)).toEqual([]);
    });

    it('the mother only in a quoted reply or in quoted speech', () => {
      expect(flagged(visit('Tia said "Mummy shouts".'), RULE)).toEqual([]);
      expect(flagged(`${visit('School said Jo is fine.')}\n> From: Ms Reid\n> Sent: today\n>\n> Mum here, I want help.\n`, RULE)).toEqual([]);
    });

    it("a professionals' meeting where no parent's views are recorded", () => {
      const note = '# 04/02/2026 Strategy discussion — Kayla B.\n\nMrs Ward (DSL) said Kayla has been withdrawn. She said Kayla\'s mum was informed by school and was shocked. Police said the mother has no previous convictions.\n';
      expect(flagged(note, RULE)).toEqual([]);
    });
  });

  it("flags a professionals' meeting where the mother's views are recorded", () => {
    const note = "# 04/02/2026 Strategy discussion — Kayla B.\n\nMrs Ward (DSL) said Kayla has been withdrawn. Kayla's mum was spoken to before the meeting; Mum said she wants Kayla to have counselling.\n";
    expect(flagged(note, RULE)).toHaveLength(1);
  });

  it('adds a father / male carer section at the end of the file, which clears the finding', () => {
    for (const note of [visit(MUM), `${visit(MUM)}\n`, visit(MUM).trimEnd(), visit(MUM).replace(/\n/g, '\r\n')]) {
      const [finding] = findings(note, RULE);
      const fixed = applyFix(note, finding.fixes[0]);
      expect(fixed.startsWith(note.trimEnd())).toBe(true);
      expect(fixed).toMatch(/\*\*Father \/ male carer:\*\*(?:\r?\n)- Who he is: \[/);
      expect(flagged(fixed, RULE)).toEqual([]);
      expect(lint(fixed).some((f) => f.ruleId === 'unfilled-placeholder')).toBe(true);
    }
  });

  // How long it takes is measured by `npm run bench` (the running record), not here.
  it('answers on a long file, again after an edit, and never throws', () => {
    const long = Array.from({ length: 800 }, (_, i) => visit(`${MUM} Entry ${i}.`, `## ${String((i % 28) + 1).padStart(2, '0')}/03/2026 Home visit`)).join('\n');
    const note = analyse(long);
    const run = () => absentFather.check({ note: analyse(`${long} `), lexicon: absentFather.lexicon, options: {} });
    expect(absentFather.check({ note, lexicon: absentFather.lexicon, options: {} })).toHaveLength(1);
    const edited = analyse(`${long} `);
    expect(absentFather.check({ note: edited, lexicon: absentFather.lexicon, options: {} })).toHaveLength(1);
    expect(run()).toHaveLength(1);
    for (const text of ['', '---\nmother: [1, 2]\n---\n', 'Mr', 'Ms ', 'M said']) expect(() => lint(text)).not.toThrow();
  });
});

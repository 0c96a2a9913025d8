import { describe, expect, it } from 'vitest';
import { flagged, inEntry } from '../../../test/helpers';

describe('unfilled-placeholder', () => {
  it('flags a template placeholder left in the note', () => {
    expect(flagged(inEntry('Kai said [what the child said, in their own words].'), 'unfilled-placeholder')).toEqual(['[what the child said, in their own words]']);
  });

  it('leaves links, task boxes, footnotes and editorial brackets alone', () => {
    const note = inEntry('See [the plan](plan.md) and [the policy][1]. - [x] done. He said "[she] hit me".[^1] The report is `[{"ruleId", "line"}]`.\n\n[1]: policy.md');
    expect(flagged(note, 'unfilled-placeholder')).toEqual([]);
  });
});

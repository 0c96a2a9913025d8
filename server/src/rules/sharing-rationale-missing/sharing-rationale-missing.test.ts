import { describe, expect, it } from 'vitest';
import { applyFix, findings, flagged, inEntry } from '../../../test/helpers';

const RULE = 'sharing-rationale-missing';

describe('sharing-rationale-missing', () => {
  it('flags information passed on with no purpose or consent, and says which parts are missing', () => {
    const note = inEntry('I passed the concerns about the damp to the health visitor.');
    const [finding] = findings(note, RULE);
    expect(finding.message).toMatch(/why it was shared/);
    expect(finding.message).toMatch(/consent/);
  });

  it('flags a referral with a purpose but no consent position', () => {
    const note = inEntry('Referred the family to the food bank for emergency help with food.');
    const [finding] = findings(note, RULE);
    expect(finding.message).not.toMatch(/why it was shared/);
    expect(finding.message).toMatch(/consent position/);
  });

  it('accepts sharing whose what, whom, why and consent are spread over the entry', () => {
    const note = inEntry('Ms Dean agreed that I could share the assessment with the school nurse. I sent it to Nurse Ellis on 05/03 so that she can review Kai\'s care plan.');
    expect(flagged(note, RULE)).toEqual([]);
  });

  it('asks for the reason when consent was not sought', () => {
    const note = inEntry('I told Dr Malik about the injury so that he could see Kai today. Consent was not sought from Mum.');
    expect(findings(note, RULE)[0]?.message).toMatch(/why consent was not sought/);
  });

  it('accepts consent not sought when the reason is given', () => {
    const note = inEntry('I told Dr Malik about the injury so that he could see Kai today. Consent was not sought from Mum because telling her could put Kai at risk.');
    expect(flagged(note, RULE)).toEqual([]);
  });

  it('flags a decision not to share that gives no reason', () => {
    expect(flagged(inEntry("I did not tell the school about Mum's new address."), RULE)).toHaveLength(1);
    expect(flagged(inEntry("I did not tell the school about Mum's new address, because it is a refuge."), RULE)).toEqual([]);
  });

  it('leaves incoming information, telling the parent, and other agencies\' sharing alone', () => {
    expect(flagged(inEntry('The school sent me the attendance log.'), RULE)).toEqual([]);
    expect(flagged(inEntry('I told Mum I would visit again on Friday.'), RULE)).toEqual([]);
    expect(flagged(inEntry('The school sent the behaviour log to the youth offending team.'), RULE)).toEqual([]);
    expect(flagged(inEntry('Minutes were emailed to everyone who attended.'), RULE)).toEqual([]);
  });

  it('inserts only the missing lines, which clears the finding', () => {
    const note = inEntry('I passed the concerns about the damp to the health visitor.');
    const [finding] = findings(note, RULE);
    const fixed = applyFix(note, finding.fixes[0]);
    expect(fixed).toContain('Purpose: [');
    expect(fixed).toContain('Consent: [');
    expect(fixed).not.toContain('Shared with: [');
    expect(flagged(fixed, RULE)).toEqual([]);
  });
});

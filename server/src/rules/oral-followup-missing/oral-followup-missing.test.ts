import { describe, expect, it } from 'vitest';
import { applyFix, findings, flagged, inEntry } from '../../../test/helpers';

const RULE = 'oral-followup-missing';

describe('oral-followup-missing', () => {
  it('flags a call with a teacher that was never confirmed in writing', () => {
    const note = inEntry("I rang Oakfield Primary and spoke to Mr Webb, the DSL, about Kai's attendance. He said it is 82%.");
    expect(flagged(note, RULE)).toEqual(["I rang Oakfield Primary and spoke to Mr Webb, the DSL, about Kai's attendance."]);
  });

  it('flags a voicemail from a health visitor and a call from the police', () => {
    expect(flagged(inEntry('The health visitor, Ruth Lane, left me a voicemail about the missed appointment.'), RULE)).toHaveLength(1);
    expect(flagged(inEntry('PC Amir Khan rang me at 14:00 to say there had been a further call-out.'), RULE)).toHaveLength(1);
  });

  it('accepts a call followed by an email to the same professional that confirms it', () => {
    const note = inEntry("I rang Mr Webb, the DSL, about Kai's attendance. At 15:00 I emailed Mr Webb confirming what he told me.");
    expect(flagged(note, RULE)).toEqual([]);
  });

  it('accepts a follow-up in a later entry that refers back to the call', () => {
    const note = "## 03/03/2026 Call to GP\n\nSpoke to Dr Malik about Kai's asthma.\n\n## 04/03/2026 Email to GP\n\nEmailed Dr Malik confirming our conversation of 03/03.\n";
    expect(flagged(note, RULE)).toEqual([]);
  });

  it('does not count "will confirm in writing"', () => {
    const note = inEntry('Spoke to Ms Reid, the nursery manager, about Kai. I will confirm our conversation in writing.');
    expect(flagged(note, RULE)).toHaveLength(1);
  });

  it('leaves calls with the family, carers, interpreters and my own manager alone', () => {
    expect(flagged(inEntry('I rang Kai\'s mum to rearrange the visit.'), RULE)).toEqual([]);
    expect(flagged(inEntry('Spoke to the foster carer, Mrs Day, about contact.'), RULE)).toEqual([]);
    expect(flagged(inEntry('Discussed the case with my team manager, who agreed a visit today.'), RULE)).toEqual([]);
  });

  it('is not fooled by "an account called" or a call that is only reported', () => {
    expect(flagged(inEntry('He showed me messages from an account called "jay_x".'), RULE)).toEqual([]);
    expect(flagged(inEntry('Mum said the police rang her last night.'), RULE)).toEqual([]);
  });

  it('adds a written follow-up line that clears the finding', () => {
    const note = inEntry("I rang Oakfield Primary and spoke to Mr Webb, the DSL, about Kai's attendance.");
    const [finding] = findings(note, RULE);
    const fixed = applyFix(note, finding.fixes[0]);
    expect(fixed).toContain('Written follow-up: I emailed Mr Webb');
    expect(flagged(fixed, RULE)).toEqual([]);
    expect(flagged(fixed, 'unfilled-placeholder').length).toBeGreaterThan(0);
  });
});

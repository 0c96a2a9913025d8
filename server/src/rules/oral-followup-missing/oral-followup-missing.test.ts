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

  it('finds the other party in the subject when they rang, or when "X and I" discussed something', () => {
    expect(flagged(inEntry('DS Kemp rang at 14:10 to say the interview is booked for Friday.'), RULE)).toHaveLength(1);
    expect(flagged(inEntry('After the review Mrs Osei, the SENCO, and I discussed the reading plan.'), RULE)).toHaveLength(1);
  });

  it('places an unknown name by the agency after "at", or by a heading with no separator', () => {
    expect(flagged(inEntry('Rang Tom Reid at the food bank at 11:00 about a parcel for the family.'), RULE)).toHaveLength(1);
    expect(flagged(inEntry('Rang Ann at 10:00 about the repairs to the back door.', '## 05/03/2026 T/C housing office'), RULE)).toHaveLength(1);
  });

  it('reads "from" after a calling verb as where the writer was, not who called', () => {
    expect(flagged(inEntry("I phoned the police from Nan's house."), RULE)).toHaveLength(1);
  });

  it('takes a meeting named by the heading from a sentence that only describes it', () => {
    const body = 'Face-to-face meeting at the health centre, 14:00 to 15:00. Present: Dr Vance (paediatrician), PC Moss.';
    expect(flagged(inEntry(`${body} Notes kept on file.`, '## 05/03/2026 Professionals meeting'), RULE)).toHaveLength(1);
    expect(flagged(inEntry(`${body} Minutes sent to everyone who attended on 06/03.`, '## 05/03/2026 Professionals meeting'), RULE)).toEqual([]);
  });

  it('accepts a written reply, or a message that refers back to a voicemail, as the follow-up', () => {
    expect(flagged(inEntry('Mr Hale, the DSL, rang at 09:00 about Ruby\'s absence. Mr Hale then emailed and I replied confirming what we had agreed.'), RULE)).toEqual([]);
    expect(flagged(inEntry('Left a voicemail for Ms Pike, the school nurse. Sent her a text referring to my voicemail.'), RULE)).toEqual([]);
  });

  it('reports a call once when the next sentence says who answered it', () => {
    expect(flagged(inEntry('T/C to Elm Tree Surgery about the missed jabs. Spoke to Ms Lyle, the practice nurse, who said a new date will be sent.'), RULE)).toHaveLength(1);
  });

  it('does not count strategy meeting minutes as the follow-up to a separate conversation', () => {
    const note = inEntry('Spoke to Dr Vance, the paediatrician, about the scan results. Minutes of yesterday\'s strategy discussion emailed to Dr Vance and PC Moss.');
    expect(flagged(note, RULE)).toEqual(['Spoke to Dr Vance, the paediatrician, about the scan results.']);
  });

  it('knows foster carers named in the front matter are family', () => {
    const note = `---\nchild: Ruby G. (12)\nplacement: Mr Tom and Mrs Ann Gale, foster carers\n---\n\n## 10/03/2026 Case note\n\nAnn rang at 20:00 to say Ruby was home.\n`;
    expect(flagged(note, RULE)).toEqual([]);
  });
});

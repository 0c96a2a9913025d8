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

  it('leaves sharing done by someone named in an earlier clause alone', () => {
    // The subject is carried over "and" or "who", or written with an initial ("Mrs Kerry D.").
    expect(flagged(inEntry('Ms Hart phoned: Ruby arrived late and told the receptionist that she had no breakfast.'), RULE)).toEqual([]);
    expect(flagged(inEntry('Apologies: PC Shah, who sent an update by email.'), RULE)).toEqual([]);
    expect(flagged(inEntry('Dr Lowe could not come and sent a short report instead.'), RULE)).toEqual([]);
    expect(flagged(inEntry('Mrs Kerry D. told the midwife that the baby has had a cold.'), RULE)).toEqual([]);
  });

  it('knows a parent named by title and the child\'s surname initial is family', () => {
    const note = `---\nchild: Ruby D. (3)\n---\n\n## 10/03/2026 Case note\n\nI told Mr D. what the paediatrician had found and what will happen next.\n`;
    expect(flagged(note, RULE)).toEqual([]);
  });

  it('does not treat a written note of a conversation, sent to the person in it, as new sharing', () => {
    expect(flagged(inEntry('Met Ms Ford, the school nurse, about Ruby\'s eczema. Sent Ms Ford a note of the discussion at 15:00.'), RULE)).toEqual([]);
    expect(flagged(inEntry('Left Mr Cole, the DSL, a voicemail. Emailed him at 10:05 referring to my voicemail.'), RULE)).toEqual([]);
  });

  it('does not treat enquiries and meeting arrangements as sharing about the family', () => {
    expect(flagged(inEntry('Emailed the housing officer to ask whether the repairs have been booked.'), RULE)).toEqual([]);
    expect(flagged(inEntry('Sent the IRO an email with the new date for the review.'), RULE)).toEqual([]);
    expect(flagged(inEntry('Emailed Mrs Obi, the DSL, the conference invitation and asked her for a report on attendance.'), RULE)).toEqual([]);
  });

  it('flags a decision not to share written without a verb of its own, and accepts reasons after a colon or in the next sentence', () => {
    expect(flagged(inEntry('Not sharing the new address with Dad for the time being.'), RULE)).toHaveLength(1);
    expect(flagged(inEntry('I did not tell her: Ruby asked me not to until she feels ready.'), RULE)).toEqual([]);
    expect(flagged(inEntry('Dad asked where the children are staying. I did not give him the address. The court order says he must not know it, and the review agreed it should not be given to him.'), RULE)).toEqual([]);
  });

  it('reads the person referred, or the thing given, as what was shared and looks for the recipient after "to" or "with"', () => {
    expect(flagged(inEntry('Referred Ruby for a hearing test.'), RULE)).toHaveLength(1);
    expect(flagged(inEntry('Gave Dad\'s car registration to the police.'), RULE)).toHaveLength(1);
    expect(flagged(inEntry('I shared Ruby\'s hospital attendances with the meeting.'), RULE)).toHaveLength(1);
  });

  it('does not let consent for one disclosure, or what professionals agreed, stand for another', () => {
    const two = inEntry('Mum agreed to her details being passed to the housing team so that they can look at repairs. The referral went to the housing team at 11:00. I also emailed the nursery manager to let her know about the flood.');
    expect(flagged(two, RULE)).toEqual(['I also emailed the nursery manager to let her know about the flood.']);
    const agreedPlan = inEntry('Spoke to Mrs Obi, the nursery manager. We agreed that nursery will ring me if Ruby is absent. Emailed Mrs Obi to confirm what we agreed. I told Mrs Obi that Dad has moved back in.');
    expect(flagged(agreedPlan, RULE)).toEqual(['I told Mrs Obi that Dad has moved back in.']);
  });

  it('counts minutes sent to someone who sent apologies as sharing', () => {
    const note = inEntry('Present: Dr Lee (GP) and PC Rowe. Apologies: Mrs Dunn (school). Minutes emailed to Dr Lee and PC Rowe. A copy of the minutes was also sent to Mrs Dunn.');
    expect(flagged(note, RULE)).toEqual(['A copy of the minutes was also sent to Mrs Dunn.']);
  });

  it('reads a disclosure told in more detail in the next sentence as one event', () => {
    const note = inEntry('Emailed Dr Lee, Ruby\'s GP. I told her that Ruby\'s inhaler ran out last week so that she can issue a new one. Mum agreed to me sharing this at the visit.');
    expect(flagged(note, RULE)).toEqual([]);
  });

  it('finds the person told in dictated text without full stops', () => {
    const note = inEntry('i went round at six and dad answered the door he smelled of drink and was unsteady on his feet i phoned the emergency duty social worker from the car and told them dad was drunk and in charge of the baby');
    expect(findings(note, RULE)).toHaveLength(1);
  });

  it('still counts a note of a meeting sent to someone who was not in it, and a request that passes on news', () => {
    expect(flagged(inEntry('Met Mrs Gill, the health visitor, about the move. Sent the housing officer a summary of the meeting.'), RULE)).toHaveLength(1);
    expect(flagged(inEntry('Emailed the school to ask them to watch for Ruby at the gate, because Dad has been released from prison.'), RULE)).toHaveLength(1);
  });
});

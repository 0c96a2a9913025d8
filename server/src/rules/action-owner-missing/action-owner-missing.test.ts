import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFix, findings, flagged, inEntry } from '../../../test/helpers';
import { lint } from '../../core/lint';
import { actionOwnerMissing } from '.';

const RULE = 'action-owner-missing';

/** The text of each finding's first line, for readable assertions on multi-line notes. */
function lines(text: string): string[] {
  return findings(text, RULE).map((f) => text.split('\n')[f.range.start.line].trim());
}

describe('action-owner-missing: actions anywhere in the record', () => {
  it.each([
    ['a passive action with neither who nor when', 'A referral to CAMHS is to be made.', /who will do it or by when/],
    ['"needs to be arranged"', 'A strategy discussion needs to be arranged.', /who will do it or by when/],
    ['"to be completed"', 'The updated chronology to be completed.', /who will do it or by when/],
    ['an "Action:" line', 'Action: chase the school.', /who will do it or by when/],
    ['a named person with no timescale', 'Mr Hale will ring the GP.', /does not say by when/],
    ['the writer with no timescale', 'I will write to Mr F. to ask for his views.', /does not say by when/],
    ['"X to do" shorthand with no timescale', 'SW to chase landlord re boiler.', /does not say by when/],
    ['an agreed task with no timescale', 'Both parents agreed to attend the parenting course.', /does not say by when/],
    ['a passive action with an agent but no timescale', 'The strategy discussion record will be uploaded to the file by the chair.', /does not say by when/],
    ['a timescale but nobody responsible', 'Core group to be brought forward to 18/02.', /does not say who will do it\./],
    ['a note to self with no one named', 'Need to ring the dentist to rebook Jade\'s appointment.', /who will do it or by when/],
    ['an action after another clause\'s "would"', 'Dad would like to be involved; Sara to invite him to the review.', /does not say by when/],
  ])('flags %s', (_, body, message) => {
    const [finding, ...rest] = findings(inEntry(body), RULE);
    expect(rest).toEqual([]);
    expect(finding?.message).toMatch(message);
    expect(finding.redactedMessage).toBe(finding.message);
  });

  it.each([
    'By Friday: SW to visit.',
    'Mr Hale will ring the GP tomorrow.',
    'Within 5 working days the school will send the attendance figures.',
    'Ongoing – Mum to keep the home free of smoke.',
    'I will visit again next week.',
    'A referral to CAMHS is to be made by SW by 14/03/2026.',
    'Kath will see Harvey at the drop-in on Thursday lunchtimes, weekly until Easter.',
    'At the next review, Carol will check with Mum whether she still needs the food bank.',
    'SW to f/u with HV after her visit tmrw.',
    'Mum will ring 999 if he comes back to the house.',
  ])('accepts an action with both an owner and a timescale, wherever they sit: %s', (body) => {
    expect(flagged(inEntry(body), RULE)).toEqual([]);
  });

  it.each([
    'I made the referral to CAMHS on 03/03/2026.',
    'Letter to Mum confirming the plan was sent on 04/03.',
    'Mrs Okoro rang the GP and booked an appointment.',
  ])('does not flag an action already done: %s', (body) => {
    expect(flagged(inEntry(body), RULE)).toEqual([]);
  });

  it.each([
    'Mum said she will ring the GP.',
    'Dad wants Mum to leave the house.',
    'I asked Mum to ring the GP.',
    'Visit went well and the children were settled.',
    'Call from Mum at 10am about the school run.',
    'Visit 16:30.',
    'There was a bolt on the inside of her door, which she said she had asked Mr Bello to fit.',
    'I did not tell the school, as there is no reason for them to be told.',
    'In my judgement there is a risk that needs to be shared with police, which I did at 15:10.',
    'The next core group will be on 05/03/2026 at 13:30.',
    'Phoned the MASH to check that the referral had been received.',
    'Emailed Joy Adebayo to ask for her team\'s duty phone number.',
    'Discussed the plan: Mum agreed it and said she feels listened to. Referral to the food bank.',
  ])('does not read narrative as an action: %s', (body) => {
    expect(flagged(inEntry(body), RULE)).toEqual([]);
  });
});

describe('action-owner-missing: items under an action or plan heading', () => {
  it('flags each item that lacks who or when, and no others', () => {
    const text = inEntry('**Actions**\n- SW to revisit w/c 19/01/2026\n- SW to chase landlord re boiler\n- Referral to the warm homes fund\n- Ms B. to ring the GP about Tyler\'s cough by Friday 16/01\n- Food bank voucher given today');
    expect(lines(text)).toEqual(['- SW to chase landlord re boiler', '- Referral to the warm homes fund']);
  });

  it('treats imperatives and bare nouns under the heading as actions', () => {
    const text = inEntry('### Next steps\n\n- Speak to Mum about the locked door at pick-up.\n- Update the chronology.\n- DSL to attend the strategy meeting on Thursday at 2pm.');
    expect(lines(text)).toEqual(['- Speak to Mum about the locked door at pick-up.', '- Update the chronology.']);
  });

  it('does not flag attendees, concerns, strengths, statements or the heading itself', () => {
    const text = inEntry('## Agreed plan\n\n**Present:**\n- Ms Stacey T. (mother)\n- Jess Munro (SW)\n\n**What we are worried about:**\n- Mum\'s partner still visits the home\n\n**What is working well:**\n- The home is warm and clean\n\n**Plan**\n\nMum is happy with the plan.\n\nBoth parents have the out-of-hours number.\n\n- Mason to go to the young carers\' group every Tuesday after school.');
    expect(flagged(text, RULE)).toEqual([]);
  });

  it('reads "What we agreed" as a list of actions, and a subject before "and" as the owner', () => {
    const text = inEntry('**What we agreed:**\n\n1. Sara will visit every Tuesday at 9am for six weeks.\n2. A referral to the money advice service will be made.\n3. Mum informed of the plan and agreed to take Ayaan to the GP straight after school.');
    expect(lines(text)).toEqual(['2. A referral to the money advice service will be made.']);
  });

  it('does not flag a list of actions already completed', () => {
    const text = inEntry('**Actions from 02/03/2026 — update**\n\n- Referral to CAMHS: I made the referral online on 03/03/2026.\n- Letter to Mum confirming the plan — sent 04/03/2026.\n- Chase school for the attendance figures: done, Mrs Khan emailed them on 05/03.');
    expect(flagged(text, RULE)).toEqual([]);
  });

  it('reads a plan written as prose, one sentence per action', () => {
    const text = inEntry('**Plan:** CIN plan to continue for three months. Family support worker to offer budgeting help. School to continue the nurture group.');
    expect(flagged(text, RULE)).toEqual(['CIN plan to continue for three months.', 'Family support worker to offer budgeting help.']);
  });

  it('lets an owner or timescale in the heading or an intro line cover the items', () => {
    expect(flagged(inEntry('**SW actions**\n- Ring the HV by Friday\n- Book the interpreter for Tuesday'), RULE)).toEqual([]);
    expect(flagged(inEntry('By the next core group:\n\n- SW to update the chronology\n- Mum to register with a dentist'), RULE)).toEqual([]);
  });
});

describe('action-owner-missing: messy records', () => {
  it('reads shorthand running records with a plain "plan" line and no punctuation', () => {
    const text = '**05/03/2026 HV (home visit)**\n\nsaw Skye in the lounge M tired but engaged\n\nplan\nM to fill in food diary every day until next visit\nSW to make referral to the dietitian via the GP\nSW to visit again next Thurs\n';
    expect(lines(text)).toEqual(['SW to make referral to the dietitian via the GP']);
  });

  it('reads a to-do list of bare instructions', () => {
    const text = inEntry('to do\n- ring HV re 27 month check\n- book interpreter for Tues visit\n- M to register Kacey with a dentist by end of month');
    expect(lines(text)).toEqual(['- ring HV re 27 month check', '- book interpreter for Tues visit']);
    expect(findings(text, RULE)[1].message).toMatch(/does not say who will do it\./);
  });

  it('splits dictated text where a new action starts without punctuation', () => {
    expect(flagged(inEntry('spoke to HV 27 month check booked for 02/04 at the clinic HV will send me the outcome'), RULE)).toHaveLength(1);
    expect(flagged(inEntry('HV to do a home visit tmrw and weigh Skye SW to f/u with HV after her visit'), RULE)).toEqual([]);
  });

  it('treats bold date lines as entries', () => {
    const text = '**02/02/2026 — Phone call from college**\n\nAction: chase attendance officer re fixed penalty letter.\n\n**05/02/2026 — Discussion with TM**\n\nAmir will book a strategy discussion for tomorrow morning.\n';
    expect(lines(text)).toEqual(['Action: chase attendance officer re fixed penalty letter.']);
  });

  it('reads an action table by its Who and By columns, reporting the row', () => {
    const text = inEntry('## Actions\n\n| Action | Who | By when |\n|---|---|---|\n| Police checks on the uncle | DC Moss | 17/03/2026 |\n| Arrange an interpreter (Polish) for the visit | | Today |\n| Share the outcome of the visit with school | Paul Adeyemi | |\n| Ask school to keep a log | Mrs Begum | Ongoing |');
    expect(lines(text)).toEqual(['| Arrange an interpreter (Polish) for the visit | | Today |', '| Share the outcome of the visit with school | Paul Adeyemi | |']);
  });

  it('never flags a pasted email\'s quoted replies', () => {
    const text = inEntry('Copied from my inbox:\n\n> From: Mrs Okoro (DSL)\n> Sent: 11 March 2026 08:47\n>\n> A referral to MASH needs to be made and someone needs to check on her brother.\n> > Actions from Friday: school to monitor attendance, SW to arrange a joint visit.\n\nI rang Mrs Okoro at 09:15 and will visit Daisy at 16:00 today.');
    expect(flagged(text, RULE)).toEqual([]);
    const thread = inEntry('From: Mrs Okoro Sent: 11 March 2026 To: Jade Wilson\nA referral to MASH needs to be made. SW to chase the GP.');
    expect(flagged(thread, RULE)).toEqual([]);
  });
});

describe('action-owner-missing: quick fix', () => {
  it('appends only the missing pieces, which clears the finding', () => {
    const both = inEntry('A referral to CAMHS is to be made.');
    const fixedBoth = applyFix(both, findings(both, RULE)[0].fixes[0]);
    expect(fixedBoth).toContain('A referral to CAMHS is to be made – [who will do it] by [date or timescale].');
    expect(flagged(fixedBoth, RULE)).toEqual([]);
    expect(lint(fixedBoth).some((f) => f.ruleId === 'unfilled-placeholder')).toBe(true);

    const when = inEntry('**Actions**\n- SW to chase landlord re boiler');
    const fixedWhen = applyFix(when, findings(when, RULE)[0].fixes[0]);
    expect(fixedWhen).toContain('- SW to chase landlord re boiler by [date or timescale]');
    expect(fixedWhen).not.toContain('[who');
    expect(flagged(fixedWhen, RULE)).toEqual([]);

    const who = inEntry('Core group to be brought forward to 18/02.');
    const fixedWho = applyFix(who, findings(who, RULE)[0].fixes[0]);
    expect(fixedWho).toContain('Core group to be brought forward to 18/02 – [who will do it].');
    expect(flagged(fixedWho, RULE)).toEqual([]);
  });

  it('fills the empty cells of a table row', () => {
    const text = inEntry('| Action | Who | By |\n|---|---|---|\n| Arrange an interpreter | | |');
    const fixed = applyFix(text, findings(text, RULE)[0].fixes[0]);
    expect(fixed).toContain('| Arrange an interpreter | [who will do it] | [date or timescale] |');
    expect(flagged(fixed, RULE)).toEqual([]);
  });

  it('never deletes the writer\'s words', () => {
    const text = inEntry('Action: chase the school.');
    for (const edit of findings(text, RULE)[0].fixes[0].edits) expect(edit.range.start).toEqual(edit.range.end);
  });

  const folders = ['../../../../test-fixtures/extra/action-owner-missing', '../../../../test-fixtures/corpus'].map((d) => resolve(__dirname, d));
  const notes = folders.flatMap((dir) => readdirSync(dir).filter((n) => n.endsWith('.md') && !/^[A-Z]+\.md$/.test(n)).map((n) => join(dir, n)));
  it.each(notes)('every fix converges in %s', (path) => {
    const text = readFileSync(path, 'utf8');
    for (const finding of findings(text, RULE)) {
      const fixed = applyFix(text, finding.fixes[0]);
      const still = findings(fixed, RULE).filter((f) => f.range.start.line === finding.range.start.line && f.startOffset === finding.startOffset);
      expect(still, finding.message).toEqual([]);
      expect(lint(fixed).some((f) => f.ruleId === 'unfilled-placeholder')).toBe(true);
    }
  });
});

describe('action-owner-missing: cost', () => {
  it('stays quick on a page of dictated text full of "to" and "will"', () => {
    const text = inEntry(Array.from({ length: 1500 }, (_, i) => `SW to visit M and HV will ring school it was agreed that ${i} as`).join(' '));
    const started = performance.now();
    findings(text, RULE);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('action-owner-missing: documentation', () => {
  it('flags each poor example and accepts each good one', () => {
    for (const { poor, good } of actionOwnerMissing.docs.examples) {
      expect(flagged(inEntry(poor), RULE), poor).not.toEqual([]);
      expect(flagged(inEntry(good), RULE), good).toEqual([]);
    }
  });
});

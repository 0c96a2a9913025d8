import { describe, expect, it } from 'vitest';
import { lint } from '../../core/lint';
import { applyFix, findings, flagged, inEntry } from '../../../test/helpers';

const RULE = 'unattributed-report';
const check = (sentence: string) => flagged(inEntry(sentence), RULE);

describe('unattributed-report', () => {
  it.each([
    'It was reported that Dad has moved back into the family home.',
    "It's been reported that Mum is back with her ex-partner.",
    'It is alleged that Mr Hughes grabbed Kayden by the throat.',
    'It is said that the family owe rent arrears of over £2,000.',
    'It is understood that Mr Briggs was arrested at the scene.',
    'It has been suggested that Ava spends alternate weekends with her nan.',
    'At the meeting it was raised that Mr Pickering has been seen near the school.',
    'There are reports that Jay has been seen with older males at the park.',
    'There are rumours on the estate that Mr Lewis is selling cannabis from the flat.',
    'There have been reports of a man visiting the flat late at night.',
    'Apparently Dad has been staying over most weekends.',
    'Dad allegedly threw a mug at Mum during the argument.',
    'Ms Cole has reportedly stopped taking her medication.',
    'Rumour has it that Mr T is dealing from the flat.',
    'I was told that Jay had not been in school all week.',
    "I've been told that Nan is now caring for the children.",
    'I have heard that Mum has a new partner.',
    'We were told that the family have received an eviction notice.',
    'I was made aware that Mum had been arrested on Saturday.',
    'Mr Evans is said to have a history of violence in previous relationships.',
    'It was reported to the duty team that Mason was seen alone in the park.',
    'I have since been told that the family have moved.',
    "I'd heard that Mum was pregnant again.",
    'it is claimed that F has a new partner who has two children under five',
    'reports say that Tyler is being bullied on the bus',
  ])('flags a report with no source: %s', (sentence) => {
    expect(check(sentence)).toEqual([sentence]);
  });

  it.each([
    // A source named by name, role or kind, even when anonymous by choice.
    'The school reported that Jay was late eleven times this term.',
    'It was reported by a neighbour that the children were left alone on Friday night.',
    'An anonymous caller alleged that the children are often left alone.',
    'Mum said that apparently Dad has been seen near the house.',
    'Ms Carter said the landlord came on Monday and apparently the boiler has now been fixed.',
    'nan told me apparently mum has been drinking again in the evenings',
    'Dad is apparently back at the address, Nan said.',
    'According to the health visitor, the baby is gaining weight.',
    'It is alleged by Kian that his stepdad pushed him down the stairs.',
    'I was told by the nursery cook that Amira often asks for second helpings.',
    'When I spoke to Ms Rahman at the nursery, I was told that Amira had been collected late.',
    'I understand from the school that Kian has been excluded for two days.',
    'It was reported that the children were left alone (source: anonymous caller).',
    'Police reports suggest that Jay has been missing from home three times.',
    "Jay's teacher told me that Jay was reportedly seen smoking at the park.",
    'Apparently there was a fight at the house last night; Nan rang to tell me this morning.',
    'I was told where to park by the caretaker.',
    // Someone else hearing something is their report, not the writer's.
    'Ms Sultana said she had been told at the Jobcentre that she can apply for a payment.',
    // The words inside a direct quote.
    'Ava said "apparently Dad\'s girlfriend is moving in, but nobody asked me".',
    // "allegation" as a formal process, "apparent" meaning visible.
    'The allegation was investigated by the LADO and closed with no further action.',
    'This was a LADO allegation from his work at the football club.',
    'There was no apparent injury to his face.',
    "Kian's apparent weight loss was discussed with the GP.",
    // Not hearsay at all.
    'I heard Jay crying upstairs when I arrived.',
    'I was told to wait in the car until the officers came out.',
    'It was agreed that I would visit again on Friday.',
    'There were no reports of concern from school this term.',
  ])('does not flag: %s', (sentence) => {
    expect(check(sentence)).toEqual([]);
  });

  it('reads shorthand, bold date lines and dictated text without full stops', () => {
    const note = [
      '---', 'child: Noah B. (2)', '---', '',
      '**05/03/2026 – h/v**', '',
      'Unannounced h/v 4pm. Allegedly F has been at the address most nights. HV reported M low in mood.', '',
      '**06/03/2026 – T/C nan**', '',
      'rang nan to check on half term nan told me apparently mum has been out most nights word on the estate is that dads new partner has a conviction for assault',
      '',
    ].join('\n');
    expect(flagged(note, RULE)).toEqual(['Allegedly F has been at the address most nights.', expect.stringContaining('word on the estate')]);
  });

  it('checks the rows of a table exported from a case system', () => {
    const note = [
      '# Case notes export — Leo M. (10)', '',
      '| Date | Type | Note |', '|---|---|---|',
      '| 10/02/2026 | Telephone | T/C DSL. Mrs Ahmed reported that Leo has arrived hungry three days this week. |',
      '| 12/02/2026 | Home visit | Reportedly F has left the family home. |',
      '',
    ].join('\n');
    expect(findings(note, RULE).map((f) => f.range.start.line + 1)).toEqual([6]);
  });

  it('never flags a pasted email thread or quoted replies', () => {
    const note = [
      '## 23/02/2026 Email from school', '',
      'Email received from Mr Byrne, copied below.', '',
      'From: Sean Byrne <s.byrne@school.example>', 'Sent: 23 February 2026 08:47', 'To: Lauren Hayes', 'Subject: Sofia', '',
      'Hi Lauren, it was reported that Sofia was seen getting into a car. Apparently she has been missing lessons.', '',
      '## 24/02/2026 Reply', '',
      'On 24 Feb 2026, at 16:02, Sean Byrne wrote:', '',
      '> Allegedly the man is in his twenties.', '> I was told that he drives a silver car.', '',
    ].join('\n');
    expect(flagged(note, RULE)).toEqual([]);
  });

  it('says what is missing, and gives a redacted message without the note\'s words', () => {
    const [finding] = findings(inEntry('Apparently Dad has moved back in.'), RULE);
    expect(finding.message).toMatch(/Say who told you this/);
    expect(finding.message).toContain('"Apparently"');
    expect(finding.redactedMessage).not.toMatch(/["“”]|Apparently/);
  });

  it.each([
    ['It was reported that Dad has moved back in.', '[Who: name and role] reported that Dad'],
    ['It came to my attention that Mum had moved.', '[Who: name and role] told me that Mum'],
    ['There are reports that Jay has been seen at the park.', '[Who: name and role] reported that Jay'],
    ['I was told that Jay had not been in school.', 'I was told by [who: name and role] that'],
    ['I have heard that Mum has a new partner.', 'I have heard from [who: name and role] that'],
    ['Mr Evans is said to have a history of violence.', 'is said by [who: name and role] to have'],
    ['Apparently Dad has been staying over.', 'According to [who: name and role], Dad has been staying over.'],
    ['Apparently, Dad has been staying over.', 'According to [who: name and role], Dad has been staying over.'],
    ['Dad allegedly threw a mug at Mum.', 'Dad, according to [who: name and role], threw a mug at Mum.'],
    ['Dad has moved back in, apparently.', 'Dad has moved back in, according to [who: name and role].'],
    ['Rumour has it that Mr T is dealing from the flat.', '[Who: name and role] told me that Mr T'],
  ])('fixes %s by asking who said it, which clears the finding', (sentence, expected) => {
    const note = inEntry(sentence);
    const [finding] = findings(note, RULE);
    const fixed = applyFix(note, finding.fixes[0]);
    expect(fixed).toContain(expected);
    expect(flagged(fixed, RULE)).toEqual([]);
    expect(flagged(fixed, 'unfilled-placeholder').length).toBeGreaterThan(0);
    // Only the replaced phrase is gone: every other word of the sentence is still there.
    for (const word of sentence.replace(/\b(?:It was reported|It came to my attention|There are reports|Rumour has it|Apparently|allegedly|apparently)\b/g, '').split(/[\s,.]+/).filter(Boolean)) {
      expect(fixed.toLowerCase()).toContain(word.toLowerCase());
    }
  });

  it('takes extra words from configuration', () => {
    const note = inEntry('Seemingly Dad has moved back in.');
    expect(lint(note).filter((f) => f.ruleId === RULE)).toEqual([]);
    const configured = lint(note, { lexicons: { [RULE]: { adverbs: ['seemingly'] } } });
    expect(configured.filter((f) => f.ruleId === RULE)).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { lint } from '../../core/lint';
import { findings, flagged, inEntry } from '../../../test/helpers';

const RULE = 'leading-question';
const CHILD = '---\nchild: Mia J. (6), Kai B. (8)\n---\n\n';
const note = (body: string, heading?: string) => `${CHILD}${inEntry(body, heading)}`;
const check = (body: string) => flagged(note(body), RULE);

describe('leading-question', () => {
  it.each([
    'I asked Mia "Did Daddy hit you?" and she nodded.',
    "I asked 'Did Daddy hit you?' and she nodded.",
    'I asked him whether his mum had smacked him.',
    'I asked Kai if anyone had hurt him.',
    'I asked Kai whether he gets smacked at home.',
    'I asked Kai if his stepdad ever locks him in his room.',
    'I asked Kai whether it was Mum who gave him the bruise.',
    'I asked Kai if the mark on his leg was from a smack.',
    'I asked Kai "Did you get that bruise at school?"',
    'I asked Kai "Did you burn your hand on the cooker?"',
    'I asked Kai "Was it Mum or Dad who did this?"',
    'I asked Kai "Does Mummy shout at you?"',
    'I asked Kai "Are you frightened of your stepdad?"',
    'I asked Kai "Did someone touch you?"',
    'I asked Kai to confirm that his dad had pushed him.',
    'I asked Kai how things are at home and whether anyone hurts him.',
    'Police asked Kai whether his stepdad had touched him.',
    'Kai was asked by the duty officer whether his stepdad had kicked him.',
    'I said "You\'re scared of Dad, aren\'t you?"',
    'I asked "Is it true that Mum leaves you on your own at night?"',
  ])('flags a question that suggests its answer: %s', (sentence) => {
    expect(check(sentence)).toEqual([sentence]);
  });

  it('flags a question quoted before the words that say who asked it', () => {
    expect(check('"He hurt you, didn\'t he?" I asked him. Kai looked away.')).toEqual(['"He hurt you, didn\'t he?"']);
  });

  it.each([
    // Open questions.
    'I asked Mia "What happened?"',
    'I asked "How did you get that bruise?"',
    'I asked him to tell me about his arm.',
    'I asked "Who lives at home with you?"',
    'I asked Kai "Describe what happens when Dad gets cross."',
    'I asked Kai "Where did the bruise come from?"',
    'I asked Kai how he got the bruise and he said Dad hit him.',
    // Closed questions about everyday matters.
    'I asked "Did you have breakfast?"',
    'I asked "Do you like your new school?"',
    'I asked Kai if he was happy at home.',
    'I asked him if he was OK and he said "I\'m fine."',
    'I asked "Does it hurt?"',
    'I asked "You had your tea before I came, didn\'t you?"',
    // Questions asked of adults.
    'I asked Mum whether Dad had ever hit the children.',
    'I asked her whether her partner hits her.',
    "I asked Kai's mum whether his dad had ever hit him.",
    'I asked Ms Bell whether Dad smacks the boys.',
    // Questions asked by the child.
    'Kai asked me if Dad would go to prison.',
    'Mia asked me "Is Daddy in trouble?"',
    // The writer noting that they avoided leading questions, or will not ask.
    'I was careful not to ask leading questions.',
    'I did not ask Kai whether Dad had hit him, as police will interview him.',
    'I avoided asking Kai whether his stepdad had hurt him.',
    'DC Shah will ask Kai whether anyone has hurt him during the ABE interview.',
  ])('does not flag: %s', (sentence) => {
    expect(check(sentence)).toEqual([]);
  });

  it('reads dictated text with no punctuation and lower-case names', () => {
    const body = 'home visit 3.30 connor had a mark on his forehead asked connor did mummy hurt you he said no and went back to his tablet';
    expect(findings(`---\nchild: Connor W. (7)\n---\n\n${inEntry(body)}`, RULE)).toHaveLength(1);
  });

  it('reads transcripts: "SW:" lines, bold speaker labels, and lists of questions', () => {
    const transcript = note(['SW: Tell me about the mark on your arm.', '', 'C: I don\'t know.', '', 'SW: Did Mummy do that?', '', 'C: (nodded)'].join('\n'));
    expect(flagged(transcript, RULE)).toEqual(['SW: Did Mummy do that?']);
    const bold = note(['**SW:** Was it Mummy or Daddy who hurt your eye?', '', '**C:** Daddy.', '', '**SW:** Who looks after you?'].join('\n'));
    expect(findings(bold, RULE).map((f) => f.range.start.line + 1)).toEqual([7]);
    const list = note(['I asked Kai:', '', '- "Did Daddy hit you?"', '- "Do you like school?"'].join('\n'));
    expect(findings(list, RULE).map((f) => f.range.start.line + 1)).toEqual([9]);
  });

  it('checks bold date lines and table rows in shorthand', () => {
    const text = [
      '# Case notes export — Grace T. (6)', '',
      '**02/03/2026 – School visit**', '',
      'Seen Grace with DSL. Bruise to left cheek.', '',
      '| Date | Note |', '|---|---|',
      "| 02/03/2026 | SW asked C 'did mum's boyfriend hurt you' C nodded. |",
      '| 03/03/2026 | Asked C how she got the bruise. C said "I fell." |',
      '| 04/03/2026 | Asked M whether her boyfriend had been alone with Grace. |',
      '',
    ].join('\n');
    expect(findings(text, RULE).map((f) => f.range.start.line + 1)).toEqual([9]);
  });

  it('never flags questions in a pasted email or a quoted reply', () => {
    const text = [
      '---', 'child: Lily P. (11)', '---', '',
      '## 05/02/2026 Email from school', '',
      'From: Sara Ahmed <s.ahmed@school.example>', 'Sent: 05 February 2026 12:40', 'To: SW', 'Subject: Lily', '',
      'I asked her "Did Dad hurt you?" again and she said no.', '',
      '## 06/02/2026 Reply', '',
      'On 6 Feb 2026, at 09:00, Sara Ahmed wrote:', '',
      '> I asked Lily whether her dad had hit her.', '',
    ].join('\n');
    expect(flagged(text, RULE)).toEqual([]);
  });

  it('explains why and suggests an open question, with no words from the note', () => {
    const [finding] = findings(note('I asked Mia "Did Daddy hit you?"'), RULE);
    expect(finding.message).toMatch(/^This question suggests its answer/);
    expect(finding.message).toContain("ask an open question such as 'What happened?'");
    expect(finding.message).not.toMatch(/Daddy|Mia/);
    expect(finding.redactedMessage).toBe(finding.message);
    // What was asked cannot be rewritten after the event, so there is no quick fix.
    expect(finding.fixes).toEqual([]);
  });

  it('takes extra acts of harm from configuration', () => {
    const text = note('I asked Kai "Did Dad nip you?"');
    expect(lint(text).filter((f) => f.ruleId === RULE)).toEqual([]);
    const configured = lint(text, { lexicons: { [RULE]: { harm: ['nip'] } } });
    expect(configured.filter((f) => f.ruleId === RULE)).toHaveLength(1);
  });
});

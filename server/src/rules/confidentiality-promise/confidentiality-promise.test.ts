import { describe, expect, it } from 'vitest';
import { lint } from '../../core/lint';
import { applyFix, findings, flagged, inEntry } from '../../../test/helpers';

const RULE = 'confidentiality-promise';
const CHILD = '---\nchild: Maisie T. (10), Jay K. (12)\n---\n\n';
const note = (body: string) => `${CHILD}${inEntry(body)}`;
const check = (body: string) => flagged(note(body), RULE);

describe('confidentiality-promise', () => {
  it.each([
    'I told her I would not tell anyone.',
    'I promised Jay it would stay between us.',
    "Reassured him I wouldn't tell his mum.",
    'I said it could be our secret.',
    'I told Maisie that this would be our little secret.',
    'I promised her that nobody else would find out.',
    'I assured him it was just between us.',
    'I gave Jay my word that I would not pass it on.',
    'I said I would keep what she told me to myself.',
    'The teaching assistant promised Maisie she would keep it a secret.',
    'PC Hale reassured Jay that what he said would stay between them.',
    'The nurse assured Maisie that nothing she said would go any further.',
    'SW reassured YP info would be kept confidential.',
    'Maisie asked me not to tell her mum and I agreed.',
    'She begged me not to tell her mum and I promised I wouldn\'t.',
    'Maisie made me promise not to tell her foster carer.',
    'I said "Don\'t worry, it\'s our secret."',
    'Later, night staff member Dean told Jay he would keep what Jay said about the older boys "just between us lads".',
    'Amber begged me not to tell anyone and I told her I wouldn\'t.',
  ])('flags a promise of secrecy to a child: %s', (sentence) => {
    expect(check(sentence)).toEqual([sentence]);
  });

  it('flags an agreement that follows the child\'s request in the next sentence', () => {
    expect(check('Maisie asked me not to tell her dad. I agreed.')).toEqual(['I agreed.']);
  });

  it.each([
    // Explaining that it cannot be kept secret.
    'I explained I could not keep this to myself.',
    'I told her I would need to share this to keep her safe.',
    'I told Jay I could not promise to keep it a secret.',
    'Jay asked me to keep it a secret but I explained I would have to tell his social worker.',
    'I told Maisie I would keep it confidential unless I was worried about her safety.',
    'I told him I would not tell his dad until I had spoken to the police.',
    // The promise itself denied.
    'I did not promise to keep it secret.',
    'I was careful not to promise Maisie that I would keep it secret.',
    // The child asking, with no promise recorded.
    'She asked me not to tell Mum.',
    'Maisie asked me to promise I wouldn\'t tell. I told her I could not make that promise.',
    'Jay said "please don\'t tell anyone, promise you won\'t".',
    // Promises of something else.
    'I promised to visit on Friday.',
    'I promised Jay I would bring the sticker book next time.',
    'I reassured her that she was not in trouble.',
    // Confidentiality explained to, or promised to, adults.
    'I explained the limits of confidentiality to Mum.',
    'I reassured Ms Kowalska that her new address would not be shared with Mr Kowalski.',
    'I told Mum I would not tell Dad about the refuge address.',
    'Mum asked me not to tell Dad where she is living and I agreed.',
    // Promises by the family or by the child.
    'Jay promised he wouldn\'t tell his brother.',
    'Mum promised Jay she would not tell Dad about the report.',
  ])('does not flag: %s', (sentence) => {
    expect(check(sentence)).toEqual([]);
  });

  it('reads dictated text with no full stops, where the request and the promise are split', () => {
    const body = 'kacey said that dad shouts at mum when he has been drinking and it makes her tummy hurt she asked me not to tell mum she had said this and i said i wouldnt';
    expect(findings(`---\nchild: Kacey L. (9)\n---\n\n${inEntry(body)}`, RULE)).toHaveLength(1);
  });

  it('checks bold date lines and table rows written in shorthand', () => {
    const text = [
      '# Case notes export — Kian D. (8)', '',
      '**03/02/2026 – Direct work**', '',
      'Seen C at school. C said Dad hits Mum. SW promised C it would stay between them.', '',
      '| Date | Note |', '|---|---|',
      '| 05/02/2026 | Explained to M the limits of confidentiality. |',
      '| 06/02/2026 | SW reassured C info would be kept confidential. |',
      '',
    ].join('\n');
    expect(findings(text, RULE).map((f) => f.range.start.line + 1)).toEqual([5, 10]);
  });

  it('never flags a promise inside a pasted email or a quoted reply', () => {
    const text = [
      '## 09/03/2026 Email from form tutor', '',
      'On 9 Mar 2026, at 15:02, Jane Hart wrote:', '',
      '> Leah was upset and I promised her I wouldn\'t tell anyone.', '',
      '## 10/03/2026 Email from school', '',
      'From: DSL <dsl@school.example>', 'Sent: 10 March 2026 09:00', 'To: SW', 'Subject: Leah', '',
      'I told Leah it would stay between us.', '',
    ].join('\n');
    expect(flagged(text, RULE)).toEqual([]);
  });

  it('says what to record instead, with no words from the note', () => {
    const [finding] = findings(note('I told her I would not tell anyone.'), RULE);
    expect(finding.severity).toBe('error');
    expect(finding.message).toMatch(/^This records a promise.*explain honestly that you cannot keep it secret/);
    expect(finding.redactedMessage).toBe(finding.message);
  });

  it.each([
    'I promised Jay it would stay between us.',
    'Maisie asked me not to tell her mum and I agreed.',
    'Maisie made me promise not to tell her foster carer.',
    'It would stay between us, I told her.',
  ])('keeps the promise as written and adds the next step to complete, which clears the finding: %s', (sentence) => {
    const text = note(sentence);
    const [finding] = findings(text, RULE);
    const fixed = applyFix(text, finding.fixes[0]);
    // What was said to the child is never rewritten.
    expect(fixed).toContain(sentence);
    expect(fixed).toContain("Follow-up on this promise: I will explain to [the child's name] by [when] that I cannot keep what they told me secret");
    expect(flagged(fixed, RULE)).toEqual([]);
    expect(flagged(fixed, 'unfilled-placeholder').length).toBeGreaterThan(0);
  });

  it('does not take a passive for a promise: "she would get told off"', () => {
    expect(flagged(note('Kai asked me not to tell his dad because he would get told off.'), RULE)).toEqual([]);
  });

  it('accepts a promise the entry later records putting right with the child', () => {
    expect(flagged(note('I told Amy I would not tell anyone. Later in the visit I went back to Amy and explained that I could not keep this to myself and would need to tell her social worker.'), RULE)).toEqual([]);
    expect(flagged(note('I told Amy I would not tell anyone. Amy then went out to play.'), RULE)).toHaveLength(1);
  });

  it('adds the next step after a table row without breaking the table', () => {
    const text = '## 10/03/2026 School visit\n\n| Time | Note |\n| --- | --- |\n| 10:00 | Jay (9) told me about home. I promised Jay it would stay between us. |\n';
    const [finding] = findings(text, RULE);
    const fixed = applyFix(text, finding.fixes[0]);
    expect(fixed).toContain('| 10:00 | Jay (9) told me about home. I promised Jay it would stay between us. |\n\nFollow-up on this promise:');
    expect(flagged(fixed, RULE)).toEqual([]);
  });

  it('takes extra secrecy wording from configuration', () => {
    const text = note('I told Jay it would go no further than the two of us.');
    expect(lint(text).filter((f) => f.ruleId === RULE)).toEqual([]);
    const configured = lint(text, { lexicons: { [RULE]: { secrecy: ['re:\\bno\\s+further\\s+than\\b'] } } });
    expect(configured.filter((f) => f.ruleId === RULE)).toHaveLength(1);
  });
});

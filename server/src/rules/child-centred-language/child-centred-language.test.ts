import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../core/lint';
import { applyFix, findings, flagged, inEntry } from '../../../test/helpers';

const RULE = 'child-centred-language';
const check = (body: string) => flagged(inEntry(body), RULE);
const withLists = (text: string, lists: Record<string, string[]>) =>
  lint(text, { lexicons: { [RULE]: lists } })
    .filter((f) => f.ruleId === RULE)
    .map((f) => text.slice(f.startOffset, f.endOffset));

describe('child-centred-language', () => {
  it.each([
    ['Jordan absconded from the children’s home at 22:00 and was found by police at 01:30.', ['absconded']],
    ['Staff report that Tia has been absconding most weekends.', ['absconding']],
    ['Amira refused contact with Dad on Saturday.', ['refused contact with']],
    ['Kai continues to refuse contact; he refuses contact every week now.', ['refuse contact', 'refuses contact']],
    ['Jo is a looked after child and has lived with Mrs P. since June.', ['looked after child']],
    ['Her LAC review is booked for 14 May.', ['LAC']],
    ['Following the placement breakdown Ellie moved to Oak House.', ['placement breakdown']],
    ['His placement broke down in the summer.', ['placement broke down']],
    ['Staff described Leah as manipulative.', ['manipulative']],
    ['School describe his behaviour as attention-seeking.', ['attention-seeking']],
    ['There has been challenging behaviour at bedtime.', ['challenging behaviour']],
    ['Mum was non-compliant with the safety plan.', ['non-compliant with']],
    ['Supervised contact with Mum took place at the family centre.', ['Supervised contact']],
    ['Contact with Dad will stay at twice a week.', ['Contact']],
    ['Kayden has contact with his mum every Saturday.', ['contact']],
    ['The contact session was cut short.', ['contact session']],
    ['Ruby goes to respite one weekend a month.', ['respite']],
    ['Jay was placed with his aunt in 2024.', ['was placed with']],
    ['She was described by the police as promiscuous.', ['promiscuous']],
    ['Older records call her a child prostitute.', ['child prostitute']],
    ['Dad failed to engage with the parenting course.', ['failed to engage with']],
    ['Tyler was kicking off in class again.', ['kicking off']],
    ['Ava lives in a residential unit in Leeds.', ['residential unit']],
    ['Staff said he returned to the unit at 23:10.', ['unit']],
    ['Following the breakdown of her placement she moved to Larch House.', ['breakdown of her placement']],
    ['Teachers see her as an attention seeker.', ['attention seeker']],
    ['Jo has regular contact with her birth family.', ['contact']],
  ])('flags a stigmatising or service-centred term: %s', (sentence, expected) => {
    expect(check(sentence)).toEqual(expected);
  });

  it('flags every use, one finding per use', () => {
    expect(check('Jay absconded on Friday. He absconded again on Sunday and said respite is boring.')).toEqual(['absconded', 'absconded', 'respite']);
  });

  it('finds terms in headings, labels, list items and table cells, where the writer wrote them', () => {
    const note = [
      '## 12/03/2026 Supervised contact',
      '',
      '**Contact with Mum:** went well.',
      '',
      '- Respite agreed for May half term',
      '',
      '| Date | Event |',
      '|---|---|',
      '| 03/03 | Absconded from school at lunch |',
      '',
    ].join('\n');
    expect(flagged(note, RULE)).toEqual(['Supervised contact', 'Contact', 'Respite', 'Absconded']);
  });

  it.each([
    // Direct quotes: someone else's words.
    'Mum said "he absconded again last night" and laughed.',
    'Jo told me she “kicked off” because nobody listened.',
    "The school's email called it 'challenging behaviour' but gave no detail.",
    // Proper names of teams and services.
    'I emailed the Looked After Children (LAC) Review Team for a date.',
    'The Respite Care Team will ring Mum on Monday.',
    'Ava now lives at Meadow View Residential Unit.',
    // Ordinary sense of a word.
    'I contacted the school and updated the contact details.',
    'I made contact with Mum by phone at 10:15.',
    'I had telephone contact with Dad this afternoon.',
    'SW has been in contact with Mum about the move.',
    'Dad has had no contact with the children since 2023.',
    'The review meeting kicked off at 10 with introductions.',
    'Nan looked after the children at weekends while Mum worked.',
    'Mum says she is in regular contact with her sister.',
    'The police have had contact with Dad twice this week.',
    'Mum said she gets no respite from the crying at night.',
    'Mum had a scan at the maternity unit and the unit manager rang me.',
    'Mum placed the letter on the table.',
    // Already child-centred wording.
    'Family time with Mum went well: they baked a cake.',
    'Jordan went missing from the children’s home at 22:00.',
    'Ruby has a short break with her carers one weekend a month.',
  ])('does not flag: %s', (sentence) => {
    expect(check(sentence)).toEqual([]);
  });

  it('never flags a pasted email with quoted replies', () => {
    const note = inEntry(
      [
        'Email received from the residential home manager:',
        '',
        '> Tia absconded at 9pm and was returned by police. She has been kicking off all week.',
        '> Respite with her nan is cancelled.',
        '',
        'I will visit Tia tomorrow.',
      ].join('\n'),
    );
    expect(flagged(note, RULE)).toEqual([]);
  });

  it('never flags a forwarded thread after an "On ... wrote:" line', () => {
    const note = inEntry(['I rang Ms Khan back.', '', 'On 3 Mar 2026, at 09:12, Ms Khan wrote:', '', 'Ellie refused contact with Dad and absconded from school.'].join('\n'));
    expect(flagged(note, RULE)).toEqual([]);
  });

  it('ignores front matter, inline code and links', () => {
    const note = [
      '---',
      'record_type: Respite review',
      'reason: placement breakdown',
      '---',
      '',
      '## 10/03/2026 Case note',
      '',
      'The template field `respite_type` was left empty. Policy at https://example.org/respite-care-policy.pdf and in respite_plan_v2.docx.',
      '',
    ].join('\n');
    expect(flagged(note, RULE)).toEqual([]);
  });

  it('reads messy shorthand and dictated text', () => {
    const note = [
      '**14/03/2026 – h/v**',
      '',
      'SW visited 10am. M said C absconded fri nite came back sat am. HV aware. T/C w/ police re missing ppl report',
      '',
      'dictated not checked mum says jay refuses contact with his dad since the row at xmas jay says he hates going to the contact centre',
      '',
    ].join('\n');
    expect(flagged(note, RULE)).toEqual(['absconded', 'refuses contact with']);
  });

  it('explains itself in plain words and keeps redacted messages free of the note', () => {
    const [finding] = findings(inEntry('Jordan absconded from home.'), RULE);
    expect(finding.message).toBe('“Absconded” can read as blame; describe what happened, for example “went missing”. Children read their records later.');
    expect(finding.redactedMessage).not.toMatch(/absconded|["“”]/i);
    const [service] = findings(inEntry('Ruby goes to respite.'), RULE);
    expect(service.message).toMatch(/^“Respite” is service language; use everyday words, for example “short break”/);
    expect(service.severity).toBe('info');
  });

  it('offers each replacement as its own fix, replacing the term only and keeping the first letter’s case', () => {
    const note = inEntry('Absconded twice this week. Staff said he absconded from school.');
    const [first, second] = findings(note, RULE);
    expect(first.fixes.map((f) => f.edits.map((e) => e.newText).join())).toEqual(['Went missing', 'Left without agreement']);
    expect(second.fixes.map((f) => f.edits.map((e) => e.newText).join())).toEqual(['went missing', 'left without agreement']);
    expect(first.fixes[0].isPreferred).toBe(true);
    expect(applyFix(note, second.fixes[0])).toContain('Staff said he went missing from school.');
  });

  it('writes "LAC" in lower case in the middle of a sentence and corrects "a"/"an"', () => {
    const note = inEntry('Her LAC review is on Friday. There was a placement breakdown in May.');
    const [lac, breakdown] = findings(note, RULE);
    expect(applyFix(note, lac.fixes[0])).toContain('Her child in care review is on Friday.');
    expect(applyFix(note, breakdown.fixes[0])).toContain('There was an unplanned move in May.');
  });

  it('every fix clears its finding and leaves the rest of the note alone', () => {
    const note = inEntry(
      'Jay absconded on Friday. Kai refused contact with Dad. Supervised contact with Mum went well. Her LAC review is on 4 May. Ruby goes to respite. Ellie was placed with her nan. School say he was kicking off. Staff called her manipulative.',
    );
    const before = findings(note, RULE);
    expect(before).toHaveLength(8);
    for (const finding of before) {
      for (const fix of finding.fixes) {
        const fixed = applyFix(note, fix);
        expect(findings(fixed, RULE), fix.title).toHaveLength(before.length - 1);
      }
    }
  });

  it('takes extra terms from configuration, with their replacements as fixes', () => {
    const note = inEntry('Staff said Leah was feral at tea time and threw a plate.');
    expect(flagged(note, RULE)).toEqual([]);
    const extended = withLists(note, { blaming: ['feral => very distressed; [what Leah did]'] });
    expect(extended).toEqual(['feral']);
    const [finding] = lint(note, { lexicons: { [RULE]: { blaming: ['feral => very distressed'] } } }).filter((f) => f.ruleId === RULE);
    expect(finding.message).toContain('for example “very distressed”');
    expect(finding.redactedMessage).not.toMatch(/feral/i);
    expect(flagged(applyFix(note, finding.fixes[0]), RULE)).toEqual([]);
  });

  it('accepts an added term with no replacement and offers a placeholder to describe what happened', () => {
    const note = inEntry('Staff said she was a drama queen.');
    const [finding] = lint(note, { lexicons: { [RULE]: { blaming: ['drama queen'] } } }).filter((f) => f.ruleId === RULE);
    expect(finding.message).toBe('“Drama queen” can read as blame; describe what happened instead. Children read their records later.');
    const fixed = applyFix(note, finding.fixes[0]);
    expect(flagged(fixed, RULE)).toEqual([]);
    expect(flagged(fixed, 'unfilled-placeholder')).toHaveLength(1);
  });

  it('lets a team take a term off the list, by the term alone', () => {
    const note = inEntry('Ruby goes to respite and Jay absconded.');
    expect(withLists(note, { serviceLanguage: ['-respite'] })).toEqual(['absconded']);
    expect(withLists(note, { blaming: ['-ABSCONDED'], serviceLanguage: ['-respite => short break; short breaks'] })).toEqual([]);
  });

  it('reads "contact" as family time only before a family member, and the family list can be extended', () => {
    const note = inEntry('Contact with Taid is on Sundays. Contact with the school is weekly.');
    expect(flagged(note, RULE)).toEqual([]);
    expect(withLists(note, { familyMembers: ['taid'] })).toEqual(['Contact']);
    expect(withLists(inEntry('Contact with Mum went well.'), { familyTime: ['-contact'] })).toEqual([]);
  });

  it('treats "contact with" a person the record names as family like "contact with Mum"', () => {
    const note = ['---', 'child: Shannon R. (14)', 'mother: Ms Donna R.', '---', '', '## 26/02/2026 Statutory visit', '', 'Fortnightly contact with Ms R. at the family centre. I had contact with Ms Patel at school.', ''].join('\n');
    expect(flagged(note, RULE)).toEqual(['contact']);
  });

  it('takes regular-expression terms from configuration and ignores broken ones', () => {
    const note = inEntry('He went AWOL from the unit on Tuesday.');
    expect(withLists(note, { blaming: ['re:awol(?= from) => went missing', 're:(unclosed => x'] })).toEqual(['AWOL']);
  });

  it('keeps positions exact with markup around the term and Windows line endings', () => {
    const note = '## 10/03/2026 Case note\r\n\r\nJay **absconded** on Friday.\r\n';
    const [finding] = findings(note, RULE);
    expect(note.slice(finding.startOffset, finding.endOffset)).toBe('absconded');
    expect(finding.range.start.line).toBe(2);
  });

  const fixtures = resolve(__dirname, '../../../../test-fixtures/extra/child-centred-language');
  it.each(readdirSync(fixtures).filter((n) => n.endsWith('.md')))('every fix on the fixture %s clears its finding and only that one', (name) => {
    const text = readFileSync(join(fixtures, name), 'utf8');
    const before = findings(text, RULE);
    for (const finding of before) {
      for (const fix of finding.fixes) {
        const after = findings(applyFix(text, fix), RULE);
        expect(after, `${name}: ${fix.title}`).toHaveLength(before.length - 1);
      }
    }
  });
});

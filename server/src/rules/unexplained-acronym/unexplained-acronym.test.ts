import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../core/lint';
import { analyse } from '../../core/document';
import { maskNonProse } from '../../core/masking';
import { applyFix, findings, flagged, inEntry } from '../../../test/helpers';

const RULE = 'unexplained-acronym';
const check = (body: string) => flagged(inEntry(body), RULE);
const withLists = (text: string, lists: Record<string, string[]>) =>
  lint(text, { lexicons: { [RULE]: lists } })
    .filter((f) => f.ruleId === RULE)
    .map((f) => text.slice(f.startOffset, f.endOffset));

describe('unexplained-acronym', () => {
  it.each([
    ['I made a referral to CAMHS today.', ['CAMHS']],
    ['The ICPC is booked for 12 March.', ['ICPC']],
    ['Mum has been told the local authority will enter the PLO.', ['PLO']],
    ['HV visited on Monday and weighed the baby.', ['HV']],
    ['Strategy discussion held; threshold met for S47.', ['S47']],
    ['Outcome: NFA.', ['NFA']],
    ['Police submitted a PPN after the incident.', ['PPN']],
    ['Ellie is working towards her GCSEs.', ['GCSEs']],
    ['Discussed at MARAC on Thursday and referred to the IDVA.', ['MARAC', 'IDVA']],
    ['The family were discussed at the XYZ panel.', ['XYZ']],
  ])('flags the first unexplained acronym: %s', (sentence, expected) => {
    expect(check(sentence)).toEqual(expected);
  });

  it('flags only the first use in the file, even across entries', () => {
    const note = ['## 01/03/2026 Home visit', '', 'SW visited. CAMHS letter seen.', '', '## 02/03/2026 Telephone call', '', 'SW rang CAMHS. SW to chase.', ''].join('\n');
    expect(flagged(note, RULE)).toEqual(['SW', 'CAMHS']);
  });

  it('treats the plural as the same acronym', () => {
    expect(check('Two HVs attended. The HV said the baby is thriving.')).toEqual(['HVs']);
  });

  it.each([
    'I made a referral to Child and Adolescent Mental Health Services (CAMHS). CAMHS will write to Mum.',
    'I made a referral to CAMHS (Child and Adolescent Mental Health Services) today.',
    'The Multi-Agency Safeguarding Hub (MASH) passed the referral on.',
    'An Initial Child Protection Conference (ICPC) will be held on 12 March.',
    'Threshold met for a Section 47 (S47) enquiry.',
    'The Special Educational Needs Coordinator (SENCO) was present.',
    'Mum met the Education, Health and Care Plan (EHCP) coordinator.',
    'Jay is a child in need (CIN) and the CIN plan was reviewed.',
    'The decision was no further action (NFA).',
    'Abbreviations: SW – social worker; HV: health visitor. SW and HV visited together.',
  ])('accepts an acronym spelled out at or before its first use: %s', (sentence) => {
    expect(check(sentence)).toEqual([]);
  });

  it('flags the first use when the spelling-out only comes later', () => {
    expect(check('CAMHS rang. Later, Child and Adolescent Mental Health Services (CAMHS) wrote too.')).toEqual(['CAMHS']);
  });

  it.each([
    'Mum took Jay to the GP and then to A&E.',
    'The NHS letter and Jay’s ID were on the table.',
    'He watched TV and a DVD after PE.',
    'PC Hart and DC Lane attended with DS Ward and DI Cole.',
    'Visit at 10AM; left at 11 PM. OK to visit again.',
    'The BBC report mentioned the local MP.',
    'Jay was born in the UK.',
    'Mum said she would NOT let him go. This is URGENT.',
    'Dad REFUSED to sign and was SHOUTING at staff.',
    'See Part II of the plan and appendix IV.',
    'Mrs OKORO attended with Kerry OKAFOR.',
    'Child AB (7) and Child CD (4) were seen.',
    'Post code LS6 2QF.',
    'DON’T forget the letter; he said he CAN’T come.',
  ])('does not flag: %s', (sentence) => {
    expect(check(sentence)).toEqual([]);
  });

  it('does not flag capital-letter warnings, but still flags a known acronym in them', () => {
    expect(check('PLEASE READ BEFORE THE NEXT VISIT')).toEqual([]);
    expect(check('URGENT – NEW CP CONCERNS RAISED BY NURSERY')).toEqual(['CP']);
  });

  it('skips headings that only give a date and a type, and flags the body instead', () => {
    const note = ['## 14/03/2026 CIN visit', '', '**15/03/2026 – T/C with DSL**', '', 'Discussed the CIN plan with the DSL.', ''].join('\n');
    expect(flagged(note, RULE)).toEqual(['CIN', 'DSL']);
  });

  it('flags an acronym in a heading that says more than a date and a type', () => {
    const note = ['# Referral to CAMHS and what happened next', '', '## 14/03/2026 Home visit', '', 'Mum said CAMHS have not rung.', ''].join('\n');
    expect(flagged(note, RULE)).toEqual(['CAMHS']);
  });

  it('does not flag the writer’s initials in a signature', () => {
    const note = [
      '---',
      'worker: Sam Ellis, Social Worker',
      '---',
      '',
      '## 14/03/2026 Home visit',
      '',
      'Visited Jay at home and saw his room.',
      '',
      'SE 14/03/2026',
      '',
      '## 15/03/2026 Telephone call',
      '',
      'Rang Nan to arrange the next visit.',
      '',
      'Signed: Priya Shah (PS), 15/03/2026',
      '',
      '— JB',
      '',
    ].join('\n');
    expect(flagged(note, RULE)).toEqual([]);
  });

  it('still flags acronyms in short lines that are not signatures', () => {
    expect(check('By Friday SW to visit.')).toEqual(['SW']);
    expect(check('Completed DASH with Mum.')).toEqual(['DASH']);
  });

  it('ignores front matter, quoted replies, links, file names and inline code', () => {
    const note = [
      '---',
      'record_type: CIN visit',
      'team: MASH',
      '---',
      '',
      '## 14/03/2026 Case note',
      '',
      'Email from school below.',
      '',
      '> The DSL has spoken to CAMHS and the SENCO.',
      '',
      'Saved as CIN_plan_v2.docx; see https://example.org/LADO/guidance and `YOT-ref-22`.',
      '',
      'From: Jo Hart (HV) Sent: 04 April 2026 09:14 To: Sam Ellis Subject: PPN',
      '',
      'The ASB team rang.',
      '',
    ].join('\n');
    expect(flagged(note, RULE)).toEqual([]);
  });

  it('blanks links, e-mail addresses, paths, inline code and placeholders, keeping every position', () => {
    const text = 'See https://x.org/CIN?a=1, jo.b@la.gov.uk, S:\\Team\\CP plan.docx, docs/LADO/form.pdf, `YOT-1` and [what PLO stands for] today.\n';
    const [block] = analyse(text).blocks;
    const masked = maskNonProse(block, text);
    expect(masked).toHaveLength(block.plain.length);
    expect(masked.replace(/\s+/g, ' ')).toBe('See , , S:\\Team\\CP , , and today.');
  });

  it('reads a messy running record: shorthand, dictated text, a table', () => {
    const note = [
      '**02/04/2026 – h/v**',
      '',
      'SW visited 10am M and C at home. M v tearful. T/C later w/ HV re weight',
      '',
      'dictated not checked mum says the yot worker came round and the IRO has been in touch',
      '',
      '| Date | Who | Note |',
      '|---|---|---|',
      '| 03/04 | SW | DSL rang re attendance |',
      '',
    ].join('\n');
    expect(flagged(note, RULE)).toEqual(['SW', 'HV', 'IRO', 'DSL']);
  });

  it('explains itself plainly, with a redacted message that names nothing from the note', () => {
    const [finding] = findings(inEntry('Referral made to CAMHS.'), RULE);
    expect(finding.message).toBe('“CAMHS” is not spelled out. Write it in full the first time, for example “Child and Adolescent Mental Health Services (CAMHS)”: children and families read their records later and may not know what it means.');
    expect(finding.redactedMessage).not.toMatch(/CAMHS|["“”]/);
    expect(finding.severity).toBe('info');
  });

  it('offers the spelled-out form, and each fix clears the finding', () => {
    const note = inEntry('SW visited. An HV was present. Referral to CAMHS. Discussed at the XYZ panel.');
    const before = findings(note, RULE);
    expect(before.map((f) => note.slice(f.startOffset, f.endOffset))).toEqual(['SW', 'HV', 'CAMHS', 'XYZ']);
    expect(applyFix(note, before[0].fixes[0])).toContain('Social worker (SW) visited.');
    expect(applyFix(note, before[1].fixes[0])).toContain('A health visitor (HV) was present.');
    expect(applyFix(note, before[2].fixes[1])).toContain('CAMHS (Child and Adolescent Mental Health Services)');
    expect(applyFix(note, before[3].fixes[0])).toContain('[what XYZ stands for] (XYZ) panel');
    for (const finding of before) {
      for (const fix of finding.fixes) {
        const fixed = applyFix(note, fix);
        expect(findings(fixed, RULE), fix.title).toHaveLength(before.length - 1);
      }
    }
  });

  it('a fix that leaves a placeholder is reported by unfilled-placeholder until filled', () => {
    const note = inEntry('Discussed at the XYZ panel.');
    const [finding] = findings(note, RULE);
    expect(flagged(applyFix(note, finding.fixes[0]), 'unfilled-placeholder')).toEqual(['[what XYZ stands for]']);
  });

  it('lets a team add acronyms that need no explanation, or take them off the list', () => {
    const note = inEntry('Mum saw the GP. The EWMHS team rang.');
    expect(withLists(note, { noExplanation: ['ewmhs'] })).toEqual([]);
    expect(withLists(note, { noExplanation: ['-GP'] })).toEqual(['GP', 'EWMHS']);
  });

  it('uses configured expansions in its fix, and treats a removed expansion as unknown', () => {
    const note = inEntry('The EWMHS team rang.');
    const [finding] = lint(note, { lexicons: { [RULE]: { expansions: ['EWMHS => Emotional Wellbeing and Mental Health Service'] } } }).filter((f) => f.ruleId === RULE);
    const fixed = applyFix(note, finding.fixes[0]);
    expect(fixed).toContain('emotional wellbeing and mental health service (EWMHS) team');
    expect(lint(fixed, { lexicons: { [RULE]: { expansions: ['EWMHS => Emotional Wellbeing and Mental Health Service'] } } }).filter((f) => f.ruleId === RULE)).toEqual([]);
    const [unknown] = lint(inEntry('Referral to CAMHS.'), { lexicons: { [RULE]: { expansions: ['-camhs'] } } }).filter((f) => f.ruleId === RULE);
    expect(unknown.fixes[0].edits[0].newText).toBe('[what CAMHS stands for] (CAMHS)');
  });

  it('lets a team list ordinary words in capitals that are not acronyms', () => {
    const note = inEntry('Jay was seen with his ZEBEDEE worker.');
    expect(flagged(note, RULE)).toEqual(['ZEBEDEE']);
    expect(withLists(note, { ordinaryWords: ['zebedee'] })).toEqual([]);
  });

  const fixtures = resolve(__dirname, '../../../../test-fixtures/extra/unexplained-acronym');
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

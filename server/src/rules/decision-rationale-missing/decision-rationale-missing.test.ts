import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFix, findings, flagged, inEntry } from '../../../test/helpers';
import { lint } from '../../core/lint';
import { decisionRationaleMissing } from '.';

const RULE = 'decision-rationale-missing';

describe('decision-rationale-missing: decisions recorded without reasons', () => {
  it.each([
    ['an agreement with the manager', 'Discussed with my manager. Agreed to step down to Early Help.', 'Agreed to step down to Early Help.'],
    ['an outcome line', 'Outcome: NFA.', 'Outcome: NFA.'],
    ['a threshold decision', 'Threshold for a child and family assessment not met.', 'Threshold for a child and family assessment not met.'],
    ['a manager agreeing to a strategy discussion', 'TM agreed to convene a strategy discussion.', 'TM agreed to convene a strategy discussion.'],
    ['"it was agreed that"', 'It was agreed that Leo will move to the Year 4 class in September.', 'It was agreed that Leo will move to the Year 4 class in September.'],
    ['the plan for the case', 'The plan is for the case to step down to Early Help.', 'The plan is for the case to step down to Early Help.'],
    ['a case to close', 'Case to close to children\'s social care.', 'Case to close to children\'s social care.'],
    ['a request refused by the agency', 'The request for a specialist buggy was declined.', 'The request for a specialist buggy was declined.'],
    ['"decided" with no "that"', 'The duty TM decided Tyler will be seen by the paediatrician this afternoon.', 'The duty TM decided Tyler will be seen by the paediatrician this afternoon.'],
    ['a meeting\'s decision on family time', 'It was agreed that family time with Mum will reduce from fortnightly to monthly. Mum said she understood.', 'It was agreed that family time with Mum will reduce from fortnightly to monthly.'],
  ])('flags %s', (_, body, expected) => {
    expect(flagged(inEntry(body), RULE)).toEqual([expected]);
  });

  it('says what is missing and why it matters, without quoting the note', () => {
    const [finding] = findings(inEntry('Outcome: step down to Early Help.'), RULE);
    expect(finding.message).toMatch(/^Record why this was decided/);
    expect(finding.message).toMatch(/reasons/);
    expect(finding.message).not.toMatch(/Early Help/);
    expect(finding.redactedMessage).toBe(finding.message);
  });

  it('reports the line where the decision sentence starts', () => {
    const text = inEntry('Mum was seen at home with Ava, who was playing.\nWe talked about school. It was agreed\nthat the case will close.');
    const [finding] = findings(text, RULE);
    expect(finding.range.start.line).toBe(3);
  });

  it('flags each unexplained decision in an entry, not only the first', () => {
    expect(flagged(inEntry('TM agreed NFA.\n\nIt was agreed that the case will close.'), RULE)).toHaveLength(2);
  });
});

describe('decision-rationale-missing: reasons given', () => {
  it.each([
    ['because', 'It was agreed that the case will step down to Early Help because Mum has kept every appointment.'],
    ['as', 'Outcome: NFA, as the injury is consistent with the fall the nursery saw.'],
    ['due to', 'The decision was made to allocate for an assessment due to the baby\'s weight loss.'],
    ['given', 'Manager agreed to a strategy discussion given the second unexplained bruise in a month.'],
    ['in light of', 'Outcome: s47 enquiry by children\'s social care, in light of the paediatrician\'s opinion.'],
    ['so that', 'It was agreed that family time will move to a venue near Mum\'s home, so that she can get there on the bus.'],
    ['in order to', 'We decided to visit unannounced in order to see the home as it usually is.'],
    ['following ... which showed', 'Following the medical, which found no injuries, it was agreed that the s47 enquiry would end.'],
    ['the next sentence ("This is because")', 'It was agreed that section 47 enquiries will be carried out jointly. This is because Maya has given a clear account of being hit.'],
    ['the next sentence, as plain evidence', 'Bev and I agreed to escalate to children\'s social care. Zara has not been seen by any professional for nine weeks and Mum is not engaging with the service.'],
    ['the next sentence, as a judgement', 'The panel decided to increase Josh\'s direct payments to 6 hours a week. Panel felt that 6 hours would meet his assessed needs.'],
    ['the rest of the paragraph', 'Mum has relapsed twice this month and the children were found alone on Saturday. TM agreed to step up to a strategy discussion.'],
  ])('accepts a reason given with %s', (_, body) => {
    expect(flagged(inEntry(body), RULE)).toEqual([]);
  });

  it.each([
    ['a "Rationale:" label', '**Decision:** Case to remain open to CIN for three months.\n\n**Rationale:** Dad\'s drug use is unchanged and he still lives at the home.'],
    ['a "Reasons for decision" heading', '### Decision\n\nCase to close on 31/03/2026.\n\n### Reasons for decision\n\n- No contact from the ex-partner for five months.'],
    ['a "Manager\'s rationale" label', 'TM agreed NFA.\n\n**Manager\'s rationale:** the explanation fits the injury and there is no history.'],
    ['an analysis heading', '### Decision\n\nSection 47 enquiry to start today.\n\n### Analysis\n\nThe explanation given does not fit the injury.'],
  ])('accepts reasons given under %s in the same entry', (_, body) => {
    expect(flagged(inEntry(body), RULE)).toEqual([]);
  });

  it('does not take a "Reason for referral" label as the reasons for a decision', () => {
    expect(flagged(inEntry('**Reason for referral:** school worried about Evie\'s attendance.\n\nOutcome: NFA.'), RULE)).toEqual(['Outcome: NFA.']);
  });

  it('does not take reasons from another entry', () => {
    const text = '**03/03/2026 Supervision**\n\nTM agreed NFA.\n\n**04/03/2026 Note**\n\nThis is because the school have no concerns.\n';
    expect(flagged(text, RULE)).toEqual(['TM agreed NFA.']);
  });
});

describe('decision-rationale-missing: what is not flagged (the guide\'s "Do NOT flag")', () => {
  it.each([
    'Mum decided to move to her sister\'s in Leeds at the end of the month.',
    'Jo decided not to go to school on Monday.',
    'Ms F. told me she has decided to move Jayden to St Mary\'s next term.',
    'Mum and Dad agreed to the referral to the family support service.',
    'The carers decided they would like a break from new placements over the summer.',
  ])('a decision by the family or child about their own lives: %s', (body) => {
    expect(flagged(inEntry(body), RULE)).toEqual([]);
  });

  it.each([
    'It was agreed to meet again on 4 May.',
    'Next visit agreed for Friday at 10am.',
    'We agreed that I will visit weekly until the core group.',
    'The group agreed to reconvene on 06/03/2026 at 10:00.',
    'It was agreed that the next core group will be on 12/03/2026 at the children\'s centre.',
  ])('an arrangement of time and place only: %s', (body) => {
    expect(flagged(inEntry(body), RULE)).toEqual([]);
  });

  it.each([
    'A decision will be made at the review.',
    'We need to decide whether to hold a strategy discussion.',
    'If things continue to improve, the case will close at the next review.',
    'Agreed to hold a strategy discussion if Reece goes missing again.',
    'The reviewing officer recommended that the carers\' approval continue.',
    'A decision on residential short breaks will be made once the updated assessment is complete.',
    'No decision was made about overnight stays.',
  ])('a future or possible decision: %s', (body) => {
    expect(flagged(inEntry(body), RULE)).toEqual([]);
  });

  it.each([
    'Police have taken no further action in relation to the incident on 02/03.',
    'DS Crewe said police attended the address in 2021; no further action.',
    'The school has decided Jack will have a reduced timetable for two weeks.',
  ])('another agency\'s decision, reported: %s', (body) => {
    expect(flagged(inEntry(body), RULE)).toEqual([]);
  });

  it('a chronology of past events', () => {
    const text = '---\nrecord_type: Chronology\n---\n\n| Date | Event | Outcome |\n|---|---|---|\n| 03/09/2024 | Referral from school | NFA |\n';
    expect(flagged(text, RULE)).toEqual([]);
  });
});

describe('decision-rationale-missing: messy records', () => {
  it('reads shorthand and dictated text with no full stops', () => {
    expect(flagged(inEntry('d/w TM agreed NFA'), RULE)).toEqual(['d/w TM agreed NFA']);
    expect(flagged(inEntry('d/w TM re M\'s plan to move TM agreed transfer in to Wigan CSC to be requested as soon as the address is confirmed'), RULE)).toHaveLength(1);
    expect(flagged(inEntry('d/w TM agreed NFA as M has engaged with every service and school have no concerns'), RULE)).toEqual([]);
    expect(flagged(inEntry('discussed Skye weight still dropping HV worried M not attending clinic TM agreed to escalate to a strategy discussion given Skye is under 1 and has dropped two centile lines'), RULE)).toEqual([]);
    expect(flagged(inEntry('T/C from M she has decided she is moving back to her mums in Wigan at the end of the month'), RULE)).toEqual([]);
    expect(flagged(inEntry('HV to Harley home conditions ok M sober agreed next visit Thurs 12/03 at 10am'), RULE)).toEqual([]);
  });

  it('treats bold date lines as entries', () => {
    const text = '**12/02/2026 – Discussion with TM**\n\nI discussed the call with my manager, Jo Simmons. Jo agreed that a strategy discussion should be convened today.\n\n**12/02/2026 – Strategy discussion**\n\nDr Kaur said the burn is consistent with the account.\n';
    expect(flagged(text, RULE)).toEqual(['Jo agreed that a strategy discussion should be convened today.']);
  });

  it('reads a table with decision and rationale columns, reporting the row', () => {
    const text = inEntry('| Time | Child | Decision | Rationale |\n|---|---|---|---|\n| 09:10 | Kacper N. | Strategy discussion today | Disclosure of harm by an adult at home |\n| 10:25 | Evie L. | NFA | |\n| 15:30 | Theo W. | Step down to EH | |');
    const rows = findings(text, RULE).map((f) => text.split('\n')[f.range.start.line]);
    expect(rows).toEqual(['| 10:25 | Evie L. | NFA | |', '| 15:30 | Theo W. | Step down to EH | |']);
  });

  it('never flags a pasted email\'s quoted replies', () => {
    const quoted = inEntry('Pasted from Outlook:\n\n> From: Sandra Kemp (IRO)\n> Sent: 19 March 2026 09:12\n>\n> Amy, it was agreed that the boys will remain on child protection plans. I have also decided to bring the review forward.\n\nI replied to confirm the review date.');
    expect(flagged(quoted, RULE)).toEqual([]);
    const thread = inEntry('On 20 Mar 2026, at 14:02, Mrs Harris (DSL) wrote:\nIt was agreed that the case will close and the school decided to exclude Jack.');
    expect(flagged(thread, RULE)).toEqual([]);
  });

  it('ignores decisions inside quoted speech', () => {
    expect(flagged(inEntry('Mum said "they decided to close the case" and laughed.'), RULE)).toEqual([]);
  });
});

describe('decision-rationale-missing: quick fix', () => {
  it('adds a reason template after the decision, which clears the finding', () => {
    const text = inEntry('Discussed with TM. Agreed to step down to Early Help.\n\nMum was told at the visit.');
    const [finding] = findings(text, RULE);
    const fixed = applyFix(text, finding.fixes[0]);
    expect(fixed).toContain('Agreed to step down to Early Help. Reason for decision: [why this was decided].');
    expect(flagged(fixed, RULE)).toEqual([]);
    expect(lint(fixed).some((f) => f.ruleId === 'unfilled-placeholder')).toBe(true);
  });

  it('adds a full stop first when the decision has none, and works inside a table cell', () => {
    const dictated = inEntry('d/w TM agreed NFA');
    expect(applyFix(dictated, findings(dictated, RULE)[0].fixes[0])).toContain('d/w TM agreed NFA. Reason for decision: [why this was decided].');
    const table = inEntry('| Child | Decision | Notes |\n|---|---|---|\n| Evie L. | NFA | anonymous call |');
    const fixedTable = applyFix(table, findings(table, RULE)[0].fixes[0]);
    expect(flagged(fixedTable, RULE)).toEqual([]);
  });

  it('fixing one decision does not silence another in the same entry', () => {
    const text = inEntry('TM agreed NFA.\n\nIt was agreed that the case will close.');
    const [first] = findings(text, RULE);
    expect(flagged(applyFix(text, first.fixes[0]), RULE)).toEqual(['It was agreed that the case will close.']);
  });

  it('never deletes the writer\'s words', () => {
    const text = inEntry('Outcome: NFA.');
    for (const edit of findings(text, RULE)[0].fixes[0].edits) expect(edit.range.start).toEqual(edit.range.end);
  });

  const folders = ['../../../../test-fixtures/extra/decision-rationale-missing', '../../../../test-fixtures/corpus'].map((d) => resolve(__dirname, d));
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

describe('decision-rationale-missing: cost', () => {
  it('stays quick on one long unpunctuated paragraph full of decision words', () => {
    const text = inEntry('agreed agreed agreed that '.repeat(3000));
    const started = performance.now();
    findings(text, RULE);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('decision-rationale-missing: documentation', () => {
  it('flags each poor example and accepts each good one', () => {
    for (const { poor, good } of decisionRationaleMissing.docs.examples) {
      expect(flagged(inEntry(poor), RULE), poor).not.toEqual([]);
      expect(flagged(inEntry(good), RULE), good).toEqual([]);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { lint } from '../../core/lint';
import { applyFix, findings, flagged } from '../../../test/helpers';
import { dateAt, firstDate, workingDaysBetween, dayNumber } from '../../core/calendar';
import lexicon from './lexicon.json';
import { analyse } from '../../core/document';
import { lateRecording } from '.';

const RULE = 'late-recording';

const entry = (heading: string, recorded: string, body = 'Saw Mum and the children at home.') => `## ${heading}\n\n${recorded}\n\n${body}\n`;
const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayNumber(y, m, d);
};

describe('late-recording: working days', () => {
  it('counts working days after the contact, skipping weekends and bank holidays', () => {
    // Sat 14/03/2026 to Mon 23/03/2026: six working days.
    expect(workingDaysBetween(day('2026-03-14'), day('2026-03-23'), lexicon.bankHolidays)).toBe(6);
    // Friday to Monday: one working day.
    expect(workingDaysBetween(day('2026-03-13'), day('2026-03-16'), lexicon.bankHolidays)).toBe(1);
    // Maundy Thursday to the Thursday after Easter: Good Friday and Easter Monday do not count.
    expect(workingDaysBetween(day('2026-04-02'), day('2026-04-09'), lexicon.bankHolidays)).toBe(3);
    // Christmas 2025: 25 and 26 December are bank holidays.
    expect(workingDaysBetween(day('2025-12-23'), day('2025-12-30'), lexicon.bankHolidays)).toBe(3);
  });

  it('keeps England and Wales bank holidays for 2020 to 2030 as data, including the one-off days', () => {
    const holidays = new Set(lexicon.bankHolidays);
    for (const d of ['2020-05-08', '2022-06-03', '2022-09-19', '2023-05-08', '2026-12-28', '2027-12-28', '2030-04-19']) expect(holidays.has(d), d).toBe(true);
    expect(holidays.has('2020-05-04')).toBe(false); // moved to VE Day
    expect(lexicon.bankHolidays.filter((d) => d.startsWith('2026'))).toHaveLength(8);
    for (let y = 2020; y <= 2030; y++) expect(lexicon.bankHolidays.some((d) => d.startsWith(String(y))), String(y)).toBe(true);
  });

  it('reads the UK date forms practitioners write', () => {
    const read = (t: string) => {
      const d = firstDate(t);
      return d && [d.year, d.month, d.day];
    };
    expect(read('14/03/2026')).toEqual([2026, 3, 14]);
    expect(read('14.03.26')).toEqual([2026, 3, 14]);
    expect(read('14-03-2026')).toEqual([2026, 3, 14]);
    expect(read('2026-03-14')).toEqual([2026, 3, 14]);
    expect(read('14 March 2026')).toEqual([2026, 3, 14]);
    expect(read('Tues 14th March 2026')).toEqual([2026, 3, 14]);
    expect(read('March 14, 2026')).toEqual([2026, 3, 14]);
    expect(read('(written up 21/03)')).toEqual([null, 3, 21]);
    // Times and impossible dates are not dates.
    expect(read('at 10.30')).toBeNull();
    expect(read('31/02/2026')).toBeNull();
    expect(dateAt('Wed 4th March', 0)).toMatchObject({ year: null, month: 3, day: 4 });
  });
});

describe('late-recording', () => {
  it('flags an entry written up more than 3 working days after it, naming both dates and the count', () => {
    const note = entry('14/03/2026 Home visit', '**Recorded:** 23/03/2026');
    const [finding, ...rest] = findings(note, RULE);
    expect(rest).toEqual([]);
    expect(finding.message).toMatch(/^Written up on 23\/03\/2026, 6 working days after the visit on 14\/03\/2026; records should be made within 3 working days, while memories are fresh/);
    expect(finding.redactedMessage).not.toMatch(/\d\d\/\d\d/);
    expect(note.slice(finding.startOffset, finding.endOffset)).toBe('**Recorded:** 23/03/2026');
    expect(finding.severity).toBe('warning');
  });

  it('reads the recorded date in its usual forms', () => {
    expect(flagged(entry('16/03/2026 Home visit', 'Date recorded 20.03.26'), RULE)).toEqual(['Date recorded 20.03.26']);
    expect(flagged(entry('16/03/2026 Home visit', 'Date of recording: 20 March 2026'), RULE)).toHaveLength(1);
    expect(flagged('**09/03/2026 Home visit** (written up 16/03)\n\nSaw Mum.\n', RULE)).toEqual(['written up 16/03']);
    expect(flagged('## Tues 10th March 2026 — visit (written up Mon 16th March 2026)\n\nSaw Mum.\n', RULE)).toHaveLength(1);
    expect(flagged(entry('09/03/2026 Visit', 'Recorded by Jo Hale (SW) on 16/03/2026'), RULE)).toHaveLength(1);
    expect(flagged(entry('09/03/2026 Visit', 'Entered on system: 16/03/2026'), RULE)).toHaveLength(1);
    expect(flagged(entry('2026-03-09 Visit', 'This note was written up on 16 March 2026.'), RULE)).toHaveLength(1);
  });

  it('reads front matter dates and reports on the date_recorded line', () => {
    const note = '---\nchild: Ava H. (6)\ndate_of_contact: 2026-03-05\ndate_recorded: 2026-03-16\n---\n\n# Home visit\n\nSaw Ava.\n';
    expect(flagged(note, RULE)).toEqual(['date_recorded: 2026-03-16']);
    expect(findings(note, RULE)[0].range.start.line).toBe(3);
    expect(flagged('---\ndate_of_contact: 2026-03-05\ndate_recorded: 2026-03-06\n---\n\nSaw Ava.\n', RULE)).toEqual([]);
  });

  it('pairs a front-matter recorded date with the one dated entry when there is no contact date', () => {
    expect(flagged('---\ndate_recorded: 2026-03-16\n---\n\n## 09/03/2026 Visit\n\nSaw Ava.\n', RULE)).toHaveLength(1);
    // A running record: which entry the date belongs to is not known, so nothing is said.
    expect(flagged('---\ndate_recorded: 2026-03-16\n---\n\n## 09/03/2026 Visit\n\nx\n\n## 10/03/2026 Call\n\ny\n', RULE)).toEqual([]);
  });

  it('flags each late entry of a running record on its own recorded line', () => {
    const note = [
      entry('09/03/2026 Home visit', 'Recorded: 10/03/2026'),
      entry('11/03/2026 Core group', 'Recorded: 16/03/2026'),
      entry('16/03/2026 Home visit', 'Recorded: 20/03/2026'),
      entry('02/04/2026 Home visit', 'Recorded: 09/04/2026'),
      entry('15/04/2026 Core group', 'Recorded: 23/04/2026'),
    ].join('\n');
    expect(flagged(note, RULE)).toEqual(['Recorded: 20/03/2026', 'Recorded: 23/04/2026']);
  });

  it('reads a case-system table with a "Date recorded" column, row by row', () => {
    const note = [
      '| Date of contact | Contact type | Summary | Date recorded |',
      '|---|---|---|---|',
      '| 02/02/2026 | Home visit | Kai seen alone. | 03/02/2026 |',
      '| 05/02/2026 | Phone call | YOT rang. | 11/02/2026 |',
      '| 23/02/2026 | Home visit | Kai seen. | 17/02/2026 |',
      '',
    ].join('\n');
    const [finding, ...rest] = findings(note, RULE);
    expect(rest).toEqual([]);
    expect(finding.range.start.line).toBe(3);
    expect(finding.message).toMatch(/after the call on 05\/02\/2026/);
  });

  it('reads a form laid out as a two-column table', () => {
    expect(flagged('| Field | Value |\n|---|---|\n| Date of visit | 09/03/2026 |\n| Date recorded | 16/03/2026 |\n', RULE)).toEqual(['16/03/2026']);
  });

  it('gives a year-less recorded date the entry\'s year, across the new year too', () => {
    expect(flagged('## 19/12/2025 Home visit\n\n(written up 02/01)\n', RULE)).toHaveLength(1);
    expect(findings('## 19/12/2025 Home visit\n\n(written up 02/01)\n', RULE)[0].message).toMatch(/02\/01\/2026, 7 working days/);
    expect(flagged('## 23/12/2025 Home visit\n\n(written up 30/12)\n', RULE)).toEqual([]);
  });

  describe('does not flag', () => {
    it('records written within the limit, counting only working days', () => {
      expect(flagged(entry('13/03/2026 Home visit', 'Recorded: 18/03/2026'), RULE)).toEqual([]);
      expect(flagged(entry('02/04/2026 Home visit', 'Recorded: 09/04/2026'), RULE)).toEqual([]);
    });

    it('records with no recorded date, however many other dates they hold', () => {
      const note = '## 12/01/2026 HV visit\n\nRuby was born on 04/07/2023. Next visit 09/03/2026. Hearing test on 03/11/2025.\n\n**Plan:** review by 31/01/2026.\n';
      expect(flagged(note, RULE)).toEqual([]);
    });

    it('a recorded date before the contact (a typo to check, not lateness)', () => {
      expect(flagged(entry('02/03/2026 Home visit', '**Date recorded:** 20/02/2026'), RULE)).toEqual([]);
    });

    it('dates written for other events, even with recording words', () => {
      const body = 'The school recorded the incident on 18/02/2026. Mum said the police report was written up on 20/03/2026. The incident log was entered on the school system on 19/02/2026 by the head of year.';
      expect(flagged(`## 02/03/2026 Home visit\n\n${body}\n`, RULE)).toEqual([]);
    });

    it('a recorded date inside a pasted email reply', () => {
      const note = '## 17/02/2026 Email\n\nRecorded: 18/02/2026\n\n> From: Rhodes, Helen\n> Sent: 17 February 2026\n>\n> Date recorded on our system: 26/02/2026.\n\n-----Original Message-----\nFrom: Luis\nSent: 19 February 2026\n\nRecorded: 27/02/2026.\n';
      expect(flagged(note, RULE)).toEqual([]);
    });
  });

  it('reads the workingDays option', () => {
    const note = entry('09/03/2026 Home visit', 'Recorded: 16/03/2026');
    expect(lint(note).filter((f) => f.ruleId === RULE)).toHaveLength(1);
    expect(lint(note, { options: { [RULE]: { workingDays: 5 } } }).filter((f) => f.ruleId === RULE)).toEqual([]);
    const later = entry('09/03/2026 Home visit', 'Recorded: 17/03/2026');
    const [finding] = lint(later, { options: { [RULE]: { workingDays: 5 } } }).filter((f) => f.ruleId === RULE);
    expect(finding.message).toMatch(/6 working days after .*within 5 working days/);
    // A setting that is not a number falls back to the default.
    expect(lint(note, { options: { [RULE]: { workingDays: 'soon' } } }).filter((f) => f.ruleId === RULE)).toHaveLength(1);
  });

  it('accepts a late record that says why, and its fix inserts that line and converges', () => {
    for (const note of [
      entry('14/03/2026 Home visit', '**Recorded:** 23/03/2026'),
      '**Date of visit:** 09/03/2026\n**Recorded:** 16/03/2026\n**Present:** Mum, Tia\n\nSaw Tia.\n',
      '---\ndate_of_contact: 2026-03-05\ndate_recorded: 2026-03-16\n---\n\n# Home visit\n\nSaw Ava.\n',
      '- Date of contact: 09/03/2026\n- Date recorded: 16/03/2026\n- Present: Mum\n',
      '| Date | Type | Date recorded |\n|---|---|---|\n| 05/02/2026 | Call | 11/02/2026 |\n',
      '**09/03/2026 Home visit** (written up 16/03)\nSaw Mum.\n',
    ]) {
      const [finding] = findings(note, RULE);
      expect(finding, note).toBeDefined();
      const fixed = applyFix(note, finding.fixes[0]);
      expect(fixed).toMatch(/Reason for late recording:(?:\*\*)? \[/);
      expect(flagged(fixed, RULE), fixed).toEqual([]);
      expect(lint(fixed).some((f) => f.ruleId === 'unfilled-placeholder'), fixed).toBe(true);
    }
    expect(flagged(`${entry('14/03/2026 Home visit', 'Recorded: 23/03/2026')}\nReason for late recording: I was off sick from 16/03 to 20/03.\n`, RULE)).toEqual([]);
  });

  it('reports each late contact once, and survives odd input', () => {
    expect(flagged(entry('09/03/2026 Visit', 'Recorded: 16/03/2026. Written up 16/03/2026.'), RULE)).toHaveLength(1);
    for (const text of ['Recorded:', 'Recorded: 99/99/9999', '| Date recorded |\n|---|\n| 16/03/2026 |', '---\ndate_recorded: [1, 2]\n---\n', `Recorded by ${'x'.repeat(5000)} on`]) {
      expect(() => lint(text)).not.toThrow();
    }
  });

  // How long it takes is measured by `npm run bench` (the running record), not here.
  it('checks every entry of a long running record, the same way twice', () => {
    const entries = Array.from({ length: 400 }, (_, i) => {
      const d = new Date(Date.UTC(2024, 0, 1 + i));
      const r = new Date(Date.UTC(2024, 0, 1 + i + (i % 9)));
      const uk = (x: Date) => `${String(x.getUTCDate()).padStart(2, '0')}/${String(x.getUTCMonth() + 1).padStart(2, '0')}/${x.getUTCFullYear()}`;
      return entry(`${uk(d)} Home visit`, `Recorded: ${uk(r)}`, 'Saw Mum and the children. Next visit in a week. '.repeat(5));
    }).join('\n');
    const note = analyse(entries);
    const run = () => lateRecording.check({ note, lexicon: lateRecording.lexicon, options: { workingDays: 3 } });
    const first = run();
    expect(first.length).toBeGreaterThan(50);
    expect(run()).toEqual(first);
  });
});

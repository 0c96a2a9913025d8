/**
 * Real exported records are messier than tidy notes: shorthand, dictated text without full
 * stops, bold date lines, tables from case systems and pasted email threads. The checks must
 * hold up on all of them, and never treat a quoted reply as the writer's words.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lint } from '../src/core/lint';
import { FURTHER_CHECKS } from './helpers';

const rules = (text: string) => lint(text).filter((f) => !FURTHER_CHECKS.has(f.ruleId)).map((f) => `${f.range.start.line + 1}:${f.ruleId}`);

describe('messy records', () => {
  it('reads practitioner shorthand: T/C, f/u, SW, HV', () => {
    const note = ['**12/03/2026 – T/C to HV**', '', 'T/C to HV Joanne Burke re C\'s weight. HV said weight is on the 9th centile.', ''].join('\n');
    expect(rules(note)).toEqual(['3:oral-followup-missing']);
    const followed = note + '\nf/u email sent to HV Joanne Burke confirming what she told me.\n';
    expect(rules(followed)).toEqual([]);
  });

  it('checks dictated text without full stops, clause by clause', () => {
    const note = [
      '---', 'child: Tia R. (5)', '---', '', '## 02/03/2026 home visit', '',
      'visited at four mum answered the door the house was filthy there were nappies on the floor in the hallway mum said she had been ill all week Tia was watching cartoons on the sofa and waved at me',
      '',
    ].join('\n');
    const found = lint(note);
    expect(found.filter((f) => f.ruleId === 'opinion-as-fact')).toHaveLength(1);
    expect(found.filter((f) => f.ruleId === 'child-voice-missing')).toEqual([]);
  });

  it('never treats a pasted email reply as the writer\'s words', () => {
    const note = [
      '## 05/03/2026 Email from school', '',
      'Email received from the DSL, copied below.', '',
      'From: Mrs Ali <dsl@school.example>',
      'Sent: 05 March 2026 09:12',
      'To: Social Worker',
      'Subject: Kai', '',
      'Mum is always late and is a nightmare to deal with. I rang the GP about Kai but have not heard back.', '',
    ].join('\n');
    expect(rules(note)).toEqual([]);
  });

  it('never treats quoted-reply lines (>) as the writer\'s words', () => {
    const note = ['## 05/03/2026 Email from school', '', 'On 5 Mar 2026, at 09:12, Mrs Ali wrote:', '', '> Dad is obviously drinking again.', '> I spoke to the police about it.', ''].join('\n');
    expect(rules(note)).toEqual([]);
  });

  it('reads rows of a table exported from a case system', () => {
    const note = [
      '# Case chronology', '',
      '| Date | Type | Note |', '|---|---|---|',
      '| 01/03/2026 | Phone call | Rang Mrs Webb, the DSL, about attendance. |',
      '| 02/03/2026 | Note | Mum was hostile on the phone. |',
      '',
    ].join('\n');
    const found = rules(note);
    expect(found).toContain('5:oral-followup-missing');
    expect(found).toContain('6:opinion-as-fact');
  });

  it('keeps positions exact with Windows line endings', () => {
    const note = '## 02/03/2026 Case note\r\n\r\nIntro line.\r\nMum was hostile.\r\n';
    const finding = lint(note).find((f) => f.ruleId === 'opinion-as-fact')!;
    expect(note.slice(finding.startOffset, finding.endOffset)).toBe('Mum was hostile.');
    expect(finding.range.start).toEqual({ line: 3, character: 0 });
  });

  it('reads a shorthand running record with bold date lines and a pasted email between entries', () => {
    const path = resolve(__dirname, '../../test-fixtures/messy/running-record-shorthand-email.md');
    expect(rules(readFileSync(path, 'utf8'))).toEqual([
      '11:opinion-as-fact',
      '15:oral-followup-missing',
      '15:sharing-rationale-missing',
      '26:child-voice-missing',
    ]);
  });

  it('reads dictated notes in lower case: the child\'s name, and a later email confirming the call', () => {
    const path = resolve(__dirname, '../../test-fixtures/messy/dictated-lower-case.md');
    expect(rules(readFileSync(path, 'utf8'))).toEqual([]);
  });

  it('reads a table exported from a case system as one record', () => {
    const path = resolve(__dirname, '../../test-fixtures/messy/case-system-table.md');
    expect(rules(readFileSync(path, 'utf8'))).toEqual(['5:opinion-as-fact']);
  });
});

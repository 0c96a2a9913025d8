import { describe, expect, it } from 'vitest';
import { lintText } from './lint-file';

import { FURTHER_CHECKS } from '../../test/helpers';

const off = Object.fromEntries([...FURTHER_CHECKS, 'child-voice-missing', 'oral-followup-missing', 'sharing-rationale-missing'].map((id) => [id, 'off' as const]));
const options = { lintOptions: { rules: off } };

describe('the date of the entry a finding is in', () => {
  it('is the date in the heading of its entry', () => {
    const note = ['## 14/03/2026 Home visit', '', 'Mum was hostile.', '', '## 2 April 2026 Office visit', '', 'Dad was aggressive.', ''].join('\n');
    expect(lintText('/n.md', note, options).messages.map((m) => [m.line, m.entryDate])).toEqual([
      [3, '2026-03-14'],
      [7, '2026-04-02'],
    ]);
  });

  it('is left out for a note without dated entries, whose opening line may hold some other date', () => {
    const note = 'Closure summary for Sam (8). Plan from 15/09/2025.\n\nMum was hostile.\n';
    expect(lintText('/n.md', note, options).messages.map((m) => m.entryDate)).toEqual([undefined]);
  });

  it('is left out when the heading holds an impossible date', () => {
    const note = '## 31/02/2026 Home visit\n\nMum was hostile.\n';
    const [finding] = lintText('/n.md', note, options).messages;
    expect(finding.ruleId).toBe('opinion-as-fact');
    expect(finding.entryDate).toBeUndefined();
  });

  it('keeps the finding’s redacted wording beside its message', () => {
    const [finding] = lintText('/n.md', '## 14/03/2026 Home visit\n\nMum was hostile.\n', options).messages;
    expect(finding.message).toContain('hostile');
    expect(finding.redactedMessage).not.toContain('hostile');
  });
});

import { describe, expect, it } from 'vitest';
import { ruleList, ruleById } from '.';

describe('rule registry', () => {
  it('has unique ids in alphabetical order', () => {
    const ids = ruleList.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
  });

  it('documents every rule: description, why, guidance and an example', () => {
    for (const rule of ruleList) {
      expect(rule.docs.description.length, rule.id).toBeGreaterThan(20);
      expect(rule.docs.why.length, rule.id).toBeGreaterThan(40);
      expect(rule.docs.guidance.length, rule.id).toBeGreaterThan(0);
      expect(rule.docs.examples.length, rule.id).toBeGreaterThan(0);
      expect(ruleById(rule.id)).toBe(rule);
    }
  });

  it('keeps the four core rule ids that users write in settings', () => {
    for (const id of ['opinion-as-fact', 'child-voice-missing', 'sharing-rationale-missing', 'oral-followup-missing']) expect(ruleById(id)).toBeDefined();
  });
});

/**
 * Short notes written for these tests (not taken from the corpus), each with the number of
 * findings the annotation guide expects for one rule: hits and near misses side by side.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../src/core/lint';

const cases: [string, number, string][] = [
 // [rule, expectedCount, text]
 ['oral-followup-missing',1,'## 01/03/2026 Case note\n\nHad a telephone conversation with the school nurse, Ms Jane Wu, about Kai\'s weight.\n'],
 ['oral-followup-missing',1,'## 01/03/2026 Case note\n\nMet with the DSL, Mr Reed, at school to discuss attendance.\n'],
 ['oral-followup-missing',0,'## 01/03/2026 Case note\n\nMet with Mum at the family centre to discuss the plan.\n'],
 ['oral-followup-missing',1,'## 01/03/2026 Case note\n\nRecd call from PC Hart (MASH) re incident at address last night.\n'],
 ['oral-followup-missing',0,'## 01/03/2026 Case note\n\nRecd call from PC Hart (MASH) re incident at address last night. Emailed PC Hart at 15:00 to confirm what was discussed.\n'],
 ['oral-followup-missing',0,'## 01/03/2026 Case note\n\nSpoke with foster carer Mrs Lee re contact arrangements.\n'],
 ['oral-followup-missing',1,'## 01/03/2026 Case note\n\nI phoned CAMHS and spoke to the duty clinician about a referral.\n'],
 ['sharing-rationale-missing',1,'## 01/03/2026 Case note\n\nI forwarded the police report to the school.\n'],
 ['sharing-rationale-missing',0,'## 01/03/2026 Case note\n\nMum agreed that I could share the police report with school. I forwarded it to the DSL so that staff can support Kai in class.\n'],
 ['sharing-rationale-missing',1,'## 01/03/2026 Case note\n\nSW made a referral to CAMHS.\n'],
 ['sharing-rationale-missing',0,'## 01/03/2026 Case note\n\nThe GP sent us a copy of the letter.\n'],
 ['sharing-rationale-missing',0,'## 01/03/2026 Case note\n\nI told Mum that a referral to CAMHS had been made.\n'],
 ['sharing-rationale-missing',1,'## 01/03/2026 Case note\n\nI decided not to inform Dad of the new address.\n'],
 ['child-voice-missing',1,'---\nchild: Kai B. (6)\n---\n\n## 01/03/2026 Statutory visit\n\nMum and Kai at home. Mum said things are going well. Discussed the plan.\n'],
 ['child-voice-missing',0,'---\nchild: Kai B. (6)\n---\n\n## 01/03/2026 Statutory visit\n\nMum and Kai at home. Kai told me he likes his new school and showed me his drawings.\n'],
 ['child-voice-missing',0,'---\nchild: Kai B. (6)\n---\n\n## 01/03/2026 Statutory visit\n\nMum was at home. Kai was at his dad\'s for the weekend so was not seen; I will see him at school on Monday.\n'],
 ['child-voice-missing',1,'---\nchild: Kai B. (6)\n---\n\n## 01/03/2026 Statutory visit\n\nKai was not seen.\n'],
 ['child-voice-missing',0,'---\nchild: Kai B. (6)\n---\n\n## 01/03/2026 Telephone call with GP\n\nDr Patel said Kai is well.\n'],
 ['child-voice-missing',0,'---\nchild: Baby Lila M. (3 weeks)\n---\n\n## 01/03/2026 Home visit\n\nLila was asleep in her Moses basket throughout the visit, so she could not be observed awake. She was wearing a clean babygro.\n'],
 ['child-voice-missing',1,'## 01/03/2026 Home visit\n\nPresent: Mum, Dad and the children. Discussed the safety plan with the parents.\n'],
];

describe('each rule on notes it has not seen', () => {
  it.each(cases)('%s: expects %i finding(s) in %s', (rule, expected, text) => {
    expect(lint(text).filter((f) => f.ruleId === rule)).toHaveLength(expected);
  });
});

/**
 * The registry: every rule Caselint runs, in alphabetical order of id. Adding a rule means
 * writing its folder and adding one line here; a meta-test checks ids, order and docs.
 */
import type { RuleDefinition } from './rule';
import { absentFather } from './absent-father';
import { actionOwnerMissing } from './action-owner-missing';
import { childCentredLanguage } from './child-centred-language';
import { childVoiceMissing } from './child-voice-missing';
import { confidentialityPromise } from './confidentiality-promise';
import { decisionRationaleMissing } from './decision-rationale-missing';
import { fileTooLarge } from './file-too-large';
import { frontMatterUnreadable } from './front-matter-unreadable';
import { lateRecording } from './late-recording';
import { leadingQuestion } from './leading-question';
import { opinionAsFact } from './opinion-as-fact';
import { oralFollowupMissing } from './oral-followup-missing';
import { sharingRationaleMissing } from './sharing-rationale-missing';
import { unattributedReport } from './unattributed-report';
import { unexplainedAcronym } from './unexplained-acronym';
import { unfilledPlaceholder } from './unfilled-placeholder';

export const ruleList: readonly RuleDefinition[] = [
  absentFather,
  actionOwnerMissing,
  childCentredLanguage,
  childVoiceMissing,
  confidentialityPromise,
  decisionRationaleMissing,
  fileTooLarge,
  frontMatterUnreadable,
  lateRecording,
  leadingQuestion,
  opinionAsFact,
  oralFollowupMissing,
  sharingRationaleMissing,
  unattributedReport,
  unexplainedAcronym,
  unfilledPlaceholder,
];

const byId = new Map(ruleList.map((r) => [r.id, r]));

export function ruleById(id: string): RuleDefinition | undefined {
  return byId.get(id);
}

export type { RuleDefinition } from './rule';

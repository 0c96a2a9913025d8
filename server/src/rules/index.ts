/**
 * The registry: every rule Caselint runs, in alphabetical order of id. Adding a rule means
 * writing its folder and adding one line here; a meta-test checks ids, order and docs.
 */
import type { RuleDefinition } from './rule';
import { childVoiceMissing } from './child-voice-missing';
import { fileTooLarge } from './file-too-large';
import { frontMatterUnreadable } from './front-matter-unreadable';
import { opinionAsFact } from './opinion-as-fact';
import { oralFollowupMissing } from './oral-followup-missing';
import { sharingRationaleMissing } from './sharing-rationale-missing';
import { unfilledPlaceholder } from './unfilled-placeholder';

export const ruleList: readonly RuleDefinition[] = [
  childVoiceMissing,
  fileTooLarge,
  frontMatterUnreadable,
  opinionAsFact,
  oralFollowupMissing,
  sharingRationaleMissing,
  unfilledPlaceholder,
];

const byId = new Map(ruleList.map((r) => [r.id, r]));

export function ruleById(id: string): RuleDefinition | undefined {
  return byId.get(id);
}

export type { RuleDefinition } from './rule';

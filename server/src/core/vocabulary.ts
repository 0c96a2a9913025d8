/**
 * Shared vocabulary of case notes: who is a professional, who is family, who is the child.
 * Rules keep their own word lists beside them; these lists describe the people in a record, which
 * several rules need. Practitioner shorthand is included (SW, HV, DSL, M for mother, C for child).
 */
import { escapeRegExp } from './text';

/** Words naming another professional or agency (lower case; matched as whole words). */
export const PROFESSIONAL_WORDS = [
  'school', 'academy', 'college', 'nursery', 'dsl', 'deputy dsl', 'designated safeguarding lead', 'teacher',
  'class teacher', 'form tutor', 'head of year', 'headteacher', 'head teacher', 'deputy head', 'senco', 'tutor',
  'teaching assistant', 'pastoral', 'school office', 'school nurse', 'nurse', 'practice nurse', 'gp', 'doctor',
  'dr', 'surgery', 'practice', 'paediatrician', 'psychiatrist', 'psychologist', 'consultant', 'health visitor',
  'hv', 'health visiting', 'midwife', 'midwifery', 'specialist midwife', 'community midwife', 'police', 'officer',
  'pc', 'dc', 'ds', 'di', 'dci', 'sergeant', 'constable', 'detective', '101', '999', 'social worker', 'sw',
  'duty social worker', 'duty worker', 'duty', 'front door', 'mash', 'camhs', 'cmht', 'cpn', 'probation',
  'probation officer', 'idva', 'isva', 'yot', 'yjs', 'youth offending', 'youth justice', 'youth service',
  'housing officer', 'housing', 'landlord', 'tenancy officer', 'iro', 'independent reviewing officer',
  'family support worker', 'support worker', 'key worker', 'keyworker', 'recovery worker', 'drug worker',
  'alcohol service', 'team', 'service', 'services', 'unit', 'hub', 'coordinator', 'co-ordinator', 'manager',
  'nursery manager', 'ewo', 'education welfare', 'virtual school', 'salt', 'speech and language', 'ot',
  'occupational therapist', 'physio', 'dentist', 'hospital', 'a&e', 'ward', 'clinic', 'ambulance',
  'paramedic', 'solicitor', 'cafcass', 'guardian', 'advocate', 'personal adviser', 'pa', 'leaving care',
  'early help', 'adult social care', 'children\'s services', 'children’s services', 'social care', 'local authority',
  'la', 'council', 'fostering', 'supervising social worker', 'ssw', 'agency', 'agencies', 'professional',
  'professionals', 'practitioner', 'clinician', 'therapist', 'counsellor', 'mentor', 'youth worker', 'ldo',
  'lado', 'marac', 'mase', 'mace', 'cse', 'exploitation team', 'ciat', 'caiit', 'health', 'nhs', 'e-rs',
  'children\'s centre', 'food bank', 'refuge', 'women\'s aid', 'job centre', 'jobcentre', 'dwp', 'benefits',
  'welfare rights', 'citizens advice', 'immigration', 'home office', 'interpreter', 'group', 'support group',
  'primary', 'secondary', 'high school', 'infant school', 'junior school', 'pru', 'charity', 'organisation', 'project', 'programme', 'network', 'club', 'centre', 'society', 'trust', 'foundation', 'board',
];

/** Family and household members, including carers who are family for these rules. */
export const FAMILY_WORDS = [
  'mother', 'mum', 'mummy', 'mom', 'father', 'dad', 'daddy', 'parent', 'parents', 'carer', 'carers',
  'foster carer', 'foster carers', 'kinship carer', 'connected carer', 'grandmother', 'grandfather', 'nan',
  'nana', 'gran', 'grandma', 'grandad', 'grandparent', 'grandparents', 'aunt', 'auntie', 'aunty', 'uncle',
  'sister', 'brother', 'sibling', 'siblings', 'stepfather', 'stepmother', 'step-father', 'step-mother',
  'partner', 'boyfriend', 'girlfriend', 'husband', 'wife', 'ex-partner', 'family', 'cousin', 'son', 'daughter',
  'child', 'children', 'baby', 'young person', 'yp', 'tenant', 'neighbour', 'mo', 'fa', 'm', 'f', 'c',
];

/** Words that refer to the child or children of the record. */
export const CHILD_WORDS = [
  'child', 'children', 'the child', 'the children', 'baby', 'the baby', 'young person', 'yp', 'cyp', 'c', 'ch',
  'both children', 'the boys', 'the girls', 'the kids', 'siblings', 'infant', 'toddler', 'teenager', 'pupil',
  'son', 'daughter', 'twins',
];

/** A whole-word, case-insensitive pattern for any of the words. */
export function wordPattern(words: readonly string[], flags = 'i'): RegExp {
  const sorted = [...words].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\w'’-])(?:${sorted.join('|')})(?![\\w'-])`, flags);
}

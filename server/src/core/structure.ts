/**
 * Reads the structure practitioners give a record: which headings (or bold date lines) open an
 * entry for a contact, which labels open a judgement section, where a pasted email thread starts.
 * These follow the annotation guide's definitions (see test-fixtures/corpus/ANNOTATION.md).
 */

/** Words that name a contact: a visit, call, meeting, discussion, session and the like. Shared with the grammar. */
export const CONTACT_WORDS = String.raw`visit(?:s|ed)?|call(?:ed)?|telephone|phone(?:d)?|t\/c|tc|h\/v|meeting|met|discussion|session|conversation|contact|interview|conference|supervision|check-?in|consultation|appointment|attendance|review|strategy|core group|direct work|voicemail|email|e-mail|letter|message|liaison|family time|seen|observation|incident|referral|enquiry|assessment visit`;
const CONTACT = new RegExp(String.raw`\b(?:${CONTACT_WORDS})\b`, 'i');
/** Phrases that name the document rather than a contact ("contact record", "incident log"). */
const TITLE_PHRASE = /\b(?:(?:contact|case|running|safeguarding|incident|referral|duty|maternity|visit)\s+)?(?:record|records|recording|notes|log|chronology|file)\b/gi;

export function namesContact(heading: string): boolean {
  return CONTACT.test(heading.replace(TITLE_PHRASE, ' '));
}

/**
 * A judgement section is named by a heading or bold label for analysis or the writer's view
 * (ANNOTATION.md, boundary cases). "Summary", "Concerns" and "Background" are not.
 */
/** The kinds of label that open the writer's own analysis. Shared with the grammar. */
export const JUDGEMENT_LABELS: readonly string[] = [
  String.raw`analysis(?:\s+(?:and|&)\s+\w+)?`,
  String.raw`assessment(?:\s+(?:and|&)\s+(?:analysis|plan|recommendations?))?`,
  String.raw`(?:professional|clinical|social work|worker'?s?|practitioner'?s?)\s+(?:judge?ment|opinion|view|analysis|assessment|impression)`,
  String.raw`(?:my|worker's|social worker'?s?|sw'?s?|practitioner's|manager's|team manager'?s?|tm'?s?|chair's|author's|assessor's|clinician's|writer's|nurse's|hv's|midwife's|iro's|supervisor's|professional)\s+(?:view|views|analysis|assessment|judge?ment|opinion|reflections?|comments?)`,
  String.raw`formulation`,
  String.raw`impression`,
  String.raw`reflections?`,
  String.raw`risk analysis`,
  String.raw`management oversight`,
  String.raw`manager'?s? (?:oversight|decision|comments?)`,
];
const JUDGEMENT = new RegExp(String.raw`^(?:(?:my|the|our)\s+)?(?:${JUDGEMENT_LABELS.join('|')})\b`, 'i');

export function isJudgementLabel(label: string): boolean {
  const clean = label
    .replace(/[’]/g, "'")
    .replace(/\([^)]*\)/g, '')
    .replace(/[:*#]/g, '')
    .replace(/^\s*\d+[.)]\s*/, '')
    .trim();
  return JUDGEMENT.test(clean) && clean.split(/\s+/).length <= 6;
}

/** The start of a pasted email thread: everything after it is someone else's words. */
export const QUOTED_THREAD = /^(?:-{2,}\s*(?:original message|forwarded message)|from:\s.{1,120}?\b(?:sent|date|to|subject):|on\s.{4,120}\bwrote:|begin forwarded message)/i;

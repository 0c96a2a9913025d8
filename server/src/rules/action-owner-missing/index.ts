/**
 * action-owner-missing: an action or next step that does not say who will do it, or by when.
 *
 * An action (test-fixtures/extra/ANNOTATION.md) is an item under a heading or bold label naming
 * actions or a plan (Actions, Agreed actions, Next steps, Plan, To do), a row of an action table,
 * or a sentence anywhere that sets something out to be done ("A referral to CAMHS is to be made",
 * "SW to visit", "Action: chase the school", "I will ring the GP"). Who: a person, role or agency;
 * by when: a date, day, time or period ("by 14/03", "next week", "within 5 working days",
 * "ongoing", "at the next visit").
 *
 * Not flagged: actions already done, actions with both an owner and a timescale wherever they sit
 * in the item, and items under a plan heading that are not actions (attendees, concerns,
 * strengths, statements of how things are).
 */
import type { FixSpec, OffsetEdit, RuleContext, RuleDefinition, RuleReport } from '../rule';
import type { CaseNote, Scope, Sentence } from '../../core/document';
import type { TextBlock } from '../../core/markdown';
import { escapeRegExp, findAll, maskQuotes } from '../../core/text';
import { DATE_PATTERN } from '../../core/dates';
import { tokens } from '../../core/nlp';
import { tableRowOf, type TableRow } from '../../core/tables';
import { CHILD_WORDS, FAMILY_WORDS, PROFESSIONAL_WORDS } from '../../core/vocabulary';
import type { Lexicon } from '../../core/types';
import type { People } from '../../core/people';
import { type ScopeCache, checkEachScope } from '../../core/scope-cache';
import lexiconData from './lexicon.json';

interface Item {
  /** The item's words (quoted speech masked). */
  text: string;
  /** Source offsets of the item. */
  start: number;
  end: number;
  inSection: boolean;
  /** Who or when given by the context: the label ("SW actions"), an intro line ("By Friday:"). */
  owner: boolean;
  when: boolean;
  /** A following sentence that completes the item ("I will do this by Friday"). */
  follow: string;
  table?: { row: TableRow; who: number; when: number; action: number };
}

interface Context {
  note: CaseNote;
  lexicon: Lexicon;
  people: People;
}

const CLAUSE_BOUNDARY = /[,;:()[\]–—|]|\s-\s|\b(?:and|but|then|so|because|which|who|that|if|when|once|after|before|while|also)\b/gi;
const MARKER = /\b(?:is\s+to|are\s+to|am\s+to|needs?\s+to|has\s+to|have\s+to|will\s+need\s+to|is\s+going\s+to|are\s+going\s+to|am\s+going\s+to|(?:has|have)\s+agreed\s+to|agreed\s+to|(?:has|have)\s+offered\s+to|offered\s+to|(?:has|have)\s+been\s+asked\s+to|(?:is|are)\s+asked\s+to|will|shall|must|should|can|to)\s+(?!be\b)|['’]ll\s+/gi;
const MARKER_ONE = new RegExp(MARKER.source, 'i');
const FUTURE = /\b(?:will|shall|must|should|needs?\s+to|going\s+to|to\s+be|is\s+to|are\s+to|(?:agreed|offered|asked)\s+to\s+(?!a\b|an\b|the\b|this\b|that\b|it\b|her\b|his\b|their\b|my\b)\w+)\b|['’]ll\b/i;
const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|DC|DS|PC|DI|DCI|Cllr|Sgt)\.?$/;
const SHORTHAND_OWNER = /^(?:M|F|C|Mo|Fa|SW|HV|TM|ATM|YP|DSL|GP|FSW|SSW|IRO|MGM|MGF|PGM|PGF|GM|GF|EH|EWO|CAMHS|MASH|YOT|IDVA|ISVA|SENCO|SENCo|PA|TA)$/;
const INITIALS = /^[A-Z]{2,3}$/;
const NOT_INITIALS = /^(?:TBC|TBA|NFA|ASAP|EOD|COP|CIN|CP|LAC|CLA|ICPC|RCPC|PEP|EHCP|DBS|PLO|TAF|TAC|EHA|FSM|NA|OK|AM|PM|RE|FYI|URGENT|AND)$/;
/** "Next visit 17/03", "The next core group will be on 05/03": when a meeting is, not a task. */
const NEXT_MEETING = /^\s*(?:the\s+)?next\s+(?:\w+\s+){0,2}?(?:visit|contact|session|appointment|meeting|review|core\s+group|conference|supervision|home\s+visit|tac|taf|cin\s+meeting|rcpc|lac\s+review|cla\s+review|pep)\s*(?::|-|–|\d|on\b|at\b|by\b|in\b|due\b|booked\b|will\s+be\b|is\b|to\s+be\s+(?:on|at|held)\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)/i;
const WEAK_PARTICIPLE = /^(?:pleased|concerned|worried|interested|scared|frightened|bored|tired|upset|settled|engaged|excited|married|based|aged|allowed|involved|surprised|shocked|annoyed|confused|relieved|determined|used|supposed|related|named|called|born|entitled|aware|sure|able|unable|safe|honest|open|clear|careful|kind)$/i;
const WEEKDAY_ABBREV = /\b(?:Mon|Tue|Tues|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun)\b\.?/;
const MAY = /\b(?:in|by|before|until|end\s+of|early|mid|late|during|from|after)\s+May\b|\bMay\s+\d/;
const PLACEHOLDER_WHO = /\[(?:who|name|role|owner|person)\b[^\]\n]*\]/i;
const PLACEHOLDER_WHEN = /\[(?:by\s+)?(?:when|date|timescale)\b[^\]\n]*\]/i;
/** Words after an imperative-looking first word that show it is a noun: "Visit to", "Call from". */
const NOUN_USE = /^(?:to|from|with|of|for|by|at|in|on|was|is|were|are|went|took|lasted|made|received|sent|completed|held|took|and|re|regarding|about|notes?|record|log|summary|details|outcome|update|completed|undertaken|carried|call|conversation|contact|visit|meeting|discussion|review|check|referral|email|letter|today|yesterday|this|last)\b|^[:\-–\d(]/i;
/** Imperatives that are rarely nouns at the start of a line. */
const IMPERATIVE = /^(?:chase|refer|re-refer|book|arrange|send|ring|phone|telephone|e-?mail|invite|complete|obtain|confirm|f\/u|follow\s+up|liaise|seek|explore|convene|consider|discuss|ask|speak|tell|inform|notify|share|check|request|gather|apply|register|contact|visit|revisit|call|update|review|monitor|continue|make|do|get|find|source|organise|organize|set\s+up|upload|write|draft|prepare|submit|text|offer|provide|support|help|ensure|look\s+into|attend|meet|complete|escalate|progress|identify|purchase|collect|undertake|hold|remind|encourage|signpost|add|amend|close|allocate|transfer)\b/i;
/** A line that introduces the list under it with an owner or a timescale: "SW to:", "By Friday:". */
const INTRO = /:\s*$/;
/** "Actions", "Agreed actions", "Next steps", "Plan for Jo", "SW actions": a line that is only a label. */
const LABEL_HEAD = /^\s*(?:[\w'’/&]+\s+){0,3}?(?:actions?|next\s+steps?|plan|to\s*-?\s*do|todo|tasks?|follow[-\s]?ups?)(?:\s+(?:for|from|agreed|arising|going\s+forward)\b[^:]*)?\s*:?\s*$/i;
/** "Discussed the plan: ...": a sentence that begins with what was done, not a label. */
const NOT_LABEL = /^\s*(?!agreed|revised|updated|proposed|suggested|recommended|required|planned|shared|combined|outstanding)[a-z]+(?:ed|ing)\b/i;
const LABEL_LINE = /^\s*([^:–—]{1,60}?)\s*(?::|\s[-–—]\s|[–—])\s*(.*)$/;

const caches = new WeakMap<Lexicon, ScopeCache>();

export const actionOwnerMissing: RuleDefinition = {
  id: 'action-owner-missing',
  defaultSeverity: 'warning',
  lexicon: lexiconData,
  docs: {
    description: 'Finds actions and next steps that do not say who will do them or by when.',
    why: 'An action with no name against it is everybody\'s and so nobody\'s; an action with no date cannot be seen to be late. When the record says who will do what by when, the family know what to expect, colleagues covering the case can pick it up, and a manager or review can check it happened.',
    guidance: [
      { source: 'Local safeguarding partnership key principles, 2.5 Record keeping', passage: 'An individual agency\'s or practitioner\'s records should be clear, accurate and contemporaneous, ensuring that there is … a record of face to face discussions and telephone conversations with other practitioners, decisions made during such discussion, and responsibility for carrying out decisions made.' },
    ],
    examples: [
      { poor: 'Actions:\n- Referral to CAMHS\n- Chase school re attendance', good: 'Actions:\n- SW to make the referral to CAMHS by 14/03/2026\n- Mrs Baxter (DSL) to send the attendance figures to SW by Friday 13/03' },
      { poor: 'A strategy discussion needs to be arranged.', good: 'TM Priya Shah will arrange a strategy discussion for tomorrow morning (11/03).' },
    ],
  },
  check({ note, lexicon }: RuleContext): RuleReport[] {
    return checkEachScope(caches, lexicon, note, (scope) => checkScope(note, scope, lexicon));
  },
};

// ---------------------------------------------------------------------------------------------
// Who and when

const ownerPatterns = new WeakMap<Lexicon, RegExp>();

/** Role, family and agency words a responsible person can be named by (the last words of a phrase). */
function ownerWordAtEnd(lexicon: Lexicon): RegExp {
  let re = ownerPatterns.get(lexicon);
  if (!re) {
    const not = new Set(lexicon.notOwners ?? []);
    const words = [...new Set([...PROFESSIONAL_WORDS, ...FAMILY_WORDS, ...CHILD_WORDS, ...(lexicon.owners ?? [])].filter((w) => w.length > 1 && !not.has(w)))]
      .sort((a, b) => b.length - a.length)
      .map((w) => escapeRegExp(w).replace(/['’]/g, "['’]").replace(/ +/g, '\\s+'));
    re = new RegExp(`(?<![\\w'’-])(?:${words.join('|')})['’]?s?$`, 'i');
    ownerPatterns.set(lexicon, re);
  }
  return re;
}

const thingSets = new WeakMap<Lexicon, Set<string>>();

function things(lexicon: Lexicon): Set<string> {
  let set = thingSets.get(lexicon);
  if (!set) thingSets.set(lexicon, (set = new Set((lexicon.things ?? []).map((w) => w.toLowerCase()))));
  return set;
}

function isActionVerb(word: string, lexicon: Lexicon): boolean {
  const m = findAll(lexicon.actionVerbs, word.toLowerCase());
  return m.length > 0 && m[0].index === 0 && m[0].text.length === word.length;
}

function hasWhen(text: string, lexicon: Lexicon): boolean {
  return PLACEHOLDER_WHEN.test(text) || DATE_PATTERN.test(text) || WEEKDAY_ABBREV.test(text) || MAY.test(text) || findAll(lexicon.timescales, text).length > 0;
}

/** A phrase that names a person, role or agency ("SW", "Mrs Patel", "the school", "Hayley"). */
function ownerLike(phrase: string, ctx: Context, strict = false): boolean {
  const p = phrase
    .replace(/[*_"“”]/g, '')
    .replace(/^\s*(?:[-•·▪]\s*)?(?:\d+[.)]\s*)?/, '')
    .replace(/^(?:(?:the|a|an|his|her|their|our|my|both|each|all\s+of\s+the|also|then|and|plus|with)\s+)+/i, '')
    .replace(/\s+(?:also|then|now|jointly|both|together|still|again|themselves|himself|herself|each)$/i, '')
    .trim();
  if (!p) return false;
  if (PLACEHOLDER_WHO.test(p)) return true;
  const words = p.split(/[\s/&,+]+/).filter(Boolean);
  if (!words.length || words.length > 6) return false;
  if (/^(?:i|we|you|he|she|they)$/i.test(p)) return true;
  const head = words[words.length - 1].replace(/['’]s?$/, '').replace(/[.:]$/, '');
  if (!head) return false;
  if (things(ctx.lexicon).has(head.toLowerCase()) || hasWhen(head, ctx.lexicon)) return false;
  // "Visit Mum", "Ring GP", "chase the school": a verb phrase, not someone responsible
  // (but "Support worker" is a role).
  if (isActionVerb(words[0], ctx.lexicon) && (words.length > 1 || !/^[A-Z]/.test(words[0]))) {
    const role = ownerWordAtEnd(ctx.lexicon).exec(p.replace(/[.:]$/, ''));
    if (!role || role.index > 0) return false;
  }
  if (SHORTHAND_OWNER.test(head)) return true;
  if (ownerWordAtEnd(ctx.lexicon).test(p.replace(/[.:]$/, ''))) return true;
  for (const w of words) {
    const key = w.replace(/['’]s$/, '').replace(/[.,]/g, '').toLowerCase();
    if (ctx.people.named.has(key) || ctx.people.children.has(key) || ctx.people.writers.has(key)) return true;
  }
  // A name: capitalised words or initials ("Hayley", "Jenny Wu", "Ms T.", "LQ").
  const nameLike = words.every((w) => /^[A-Z][a-zA-Z'’-]*\.?$/.test(w) || HONORIFIC.test(w) || (INITIALS.test(w) && !NOT_INITIALS.test(w)));
  if (!nameLike || isActionVerb(words[0], ctx.lexicon)) return false;
  // Away from a verb ("(Polish)", "– Thursday"), a capitalised word is a name only if it reads as one.
  if (strict) return words.some((w) => HONORIFIC.test(w) || (INITIALS.test(w) && !NOT_INITIALS.test(w))) || tokens(p).some((t) => t.tags.has('Person') || t.tags.has('FirstName') || t.tags.has('LastName'));
  return true;
}

/** How far before a marker its subject is looked for, and how many markers one item may hold. */
const WINDOW = 160;
const MAX_MARKERS = 24;

/** The words before `at` back to the start of their clause: the subject of what follows. */
function subjectBefore(text: string, at: number): string {
  const before = text.slice(Math.max(0, at - WINDOW), at);
  let cut = 0;
  CLAUSE_BOUNDARY.lastIndex = 0;
  for (let m = CLAUSE_BOUNDARY.exec(before); m; m = CLAUSE_BOUNDARY.exec(before)) cut = m.index + m[0].length;
  return before.slice(cut).trim();
}

/** Words that show a phrase is a clause, not a name: "agreed that 12 as SW", "Dad wants Mum". */
const CHEAP_VERB = /^(?:is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|can|could|should|shall|must|may|might|said|says|told|asked|wants?|wanted|went|got|made|gave|took|came|saw|rang|spoke|agreed|that|it|as|to|if|so|but|then|not|no|which|who)$|[a-z]{3,}(?:ed|ing)$/;

/** Words before a person that make them the object of someone else's verb: "asked Mum (to ring)". */
const GOVERNS = /\b(?:want|wants|wanted|wanting|asked|asks|ask|asking|told|tells|tell|telling|allow|allowed|allows|help|helped|helps|helping|encourage|encouraged|encouraging|expect|expects|expected|expecting|need|needs|needed|get|got|invited|inviting|advised|reminded|remind|reminding|persuade|persuaded|let|lets|like|likes|liked|would|for|to|with|at|of|from|about|by|and|phoned|rang|emailed|called|texted|contacted|wrote|the|a|an|my|our|his|her|their|your)\s*$/i;

/**
 * Where a dictated run of words starts a new action with its own subject, with no full stop,
 * comma or "and" before it: "...booked for 02/04 at the clinic HV will send me the outcome".
 */
function juxtaposedClauses(text: string, ctx: Context): number[] {
  const starts: number[] = [];
  MARKER.lastIndex = 0;
  let seen = 0;
  for (let m = MARKER.exec(text); m && seen < MAX_MARKERS; m = MARKER.exec(text), seen++) {
    if (!isActionVerb(wordAt(text, m.index + m[0].length), ctx.lexicon) || !/^(?:will|to|is\s+to|are\s+to)\s/i.test(m[0].trim() + ' ')) continue;
    const before = text.slice(0, m.index).trimEnd();
    const last = /(?:^|\s)(\S+)$/.exec(before.slice(-40));
    if (!last || !SHORTHAND_OWNER.test(last[1]) && !/^(?:I|we|she|he|they)$/i.test(last[1])) continue;
    const at = before.length - last[1].length;
    const lead = text.slice(Math.max(0, at - WINDOW), at).trimEnd();
    if (text.slice(0, at).trim().split(/\s+/, 4).length < 4 || /(?:[,;:.–—-]|\b(?:and|or|but|then|that|so|who|which|if|when|said|says|told|explained|asked)|\b(?:the|a|an|my|our|his|her|their))$/i.test(lead)) continue;
    if (findAll(ctx.lexicon.reported, lead).length) continue;
    MARKER.lastIndex = m.index + m[0].length;
    if (responsible(text, m.index, ctx)) starts.push(at);
  }
  return starts;
}

/** The subject before a marker ("SW" in "SW to visit") if it names someone and holds no verb. */
function responsible(text: string, at: number, ctx: Context): boolean {
  const clause = subjectBefore(text, at);
  const subject = clause.replace(/^(?:by\s+\S+|tomorrow|today|next\s+week|this\s+week|then|also|please)\s+/i, '');
  const lead = text.slice(Math.max(0, at - WINDOW), at).trimEnd();
  const ok = (phrase: string) => {
    if (!phrase || phrase.split(/\s+/).length > 6 || !ownerLike(phrase, ctx)) return false;
    // "Dad wants Mum (to leave)", "I asked Mum (to ring)": Mum is not the one the record makes responsible.
    if (GOVERNS.test(lead.slice(0, lead.length - phrase.length))) return false;
    // Names and role words ("SW", "the school", "Mrs P.'s GP") hold no verb; only tag other words.
    const others = phrase.split(/\s+/).filter((w) => /^[a-z]/.test(w) && !/^(?:the|a|an|my|our|his|her|their|and|&|both|of|with|i|we|you|he|she|they)$/.test(w) && !ownerWordAtEnd(ctx.lexicon).test(w));
    // "Phoned the MASH", "Emailed Joy Adebayo": a capitalised first word may be a verb, not a name.
    const first = phrase.split(/\s+/)[0];
    const unknownFirst = /^[A-Z][a-z]{2,}(?:ed|ing)$/.test(first) && !ctx.people.named.has(first.toLowerCase()) && !ctx.people.children.has(first.toLowerCase());
    if (!others.length && !unknownFirst) return true;
    // Plain signs of a verb or a clause need no tagger; only a short leftover phrase is tagged.
    if (others.some((w) => CHEAP_VERB.test(w)) || others.length > 3) return false;
    return !tokens(phrase).some((w) => w.tags.has('Verb') && !w.tags.has('Noun'));
  };
  if (ok(subject)) return true;
  // "Mum informed of both and agreed to take Lily-Mae": the subject before "and" does both.
  if (!subject || /^(?:also|then|has|have|had|was|is)$/i.test(subject)) {
    const coordinated = /^\s*(?:[-•*]\s*)?((?:[A-Z][\w'’.-]*|the\s+\w+|[a-z]+)(?:\s+[A-Z][\w'’.-]*)?)\s+[^;:.]{0,80}?\band(?:\s+\w+)?\s*$/.exec(lead);
    if (coordinated && ownerLike(coordinated[1], ctx) && !tokens(coordinated[1]).some((w) => w.tags.has('Verb') && !w.tags.has('Noun'))) return true;
  }
  // Dictated text has no commas to mark a clause: "...and weigh Skye SW to f/u with HV" still names SW.
  const last = /(?:^|\s)(\S+)$/.exec(subject)?.[1] ?? '';
  return subject.split(/\s+/).length > 2 && SHORTHAND_OWNER.test(last) && ok(last);
}

/** The first word after `at`. */
function wordAt(text: string, at: number): string {
  return /^\s*([\w/'’-]+)/.exec(text.slice(at))?.[1] ?? '';
}

function hasOwner(text: string, ctx: Context): boolean {
  if (PLACEHOLDER_WHO.test(text)) return true;
  // "SW to visit", "Mum will ring", "the school needs to send": a responsible subject.
  MARKER.lastIndex = 0;
  let seen = 0;
  for (let m = MARKER.exec(text); m && seen++ < MAX_MARKERS; m = MARKER.exec(text)) {
    const verb = wordAt(text, m.index + m[0].length);
    if (!verb || (!isActionVerb(verb, ctx.lexicon) && !/^(?:continue|keep|remain|stay)$/i.test(verb) && !tokens(`to ${verb}`)[1]?.tags.has('Verb'))) continue;
    if (responsible(text, m.index, ctx)) return true;
  }
  if (/\b(?:is|are)\s+responsible\b/i.test(text) && ownerLike(subjectBefore(text, text.search(/\b(?:is|are)\s+responsible\b/i)), ctx)) return true;
  // "to be completed by SW", "support from Early Help", "for SW to arrange".
  for (const m of [...text.matchAll(/\b(by|from|via|for)\s+((?:the\s+|a\s+|an\s+|her\s+|his\s+|their\s+|my\s+|our\s+)?[A-Za-z[][\w'’.&\]-]*(?:\s+[A-Za-z][\w'’.&-]*){0,3})/g)].slice(0, MAX_MARKERS)) {
    // "for school" names who it is for; only "for SW to arrange" names who will do it.
    if (m[1] === 'for' && !/^\s*(?:\S+\s+){0,3}?to\s+\w/.test(text.slice(m.index + m[0].length - m[2].length))) continue;
    const phrase = m[2].split(/\s+(?:on|at|by|in|to|before|after|within|from|and|with|for|re|about|this|next|tomorrow|today|asap)\b/i)[0];
    if (!hasWhen(phrase, ctx.lexicon) && ownerLike(phrase, ctx)) return true;
  }
  // "Who: SW", "Lead: Mrs Patel", "Responsible: school".
  const labelled = /\b(?:who|lead|owner|responsible|resp|responsibility|action\s+by|person\s+responsible|by\s+whom)\s*[:=\-–]\s*([^,;()]{1,40})/i.exec(text);
  if (labelled && labelled[1].trim() && !hasWhen(labelled[1], ctx.lexicon)) return true;
  // Attribution after the action: "Chase landlord – SW", "(Mum and SW)", "[LQ]".
  const segments = text.split(/\s[-–—]\s|[–—]|[()[\]|;,]|\s\/\s/, MAX_MARKERS).map((s) => s.trim()).filter(Boolean);
  for (const seg of segments.slice(1)) {
    const rest = seg.replace(/\b(?:and|with|by|lead|who|plus|both)\b/gi, ' ').replace(/\s+/g, ' ').trim();
    if (!rest || hasWhen(rest, ctx.lexicon) && !rest.replace(/\b\d[\d/.:-]*\b/g, '').replace(/\b(?:by|on|before|friday|monday|tuesday|wednesday|thursday|saturday|sunday|today|tomorrow|next\s+week|asap)\b/gi, '').trim()) continue;
    const parts = rest.split(/[\s/&+]+/).filter(Boolean);
    const withoutTimes = parts.filter((w) => !hasWhen(w, ctx.lexicon) && !/^\d/.test(w));
    if (withoutTimes.length && withoutTimes.length <= 5 && ownerLike(withoutTimes.join(' '), ctx, true)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// What counts as an action

function isActionLabel(label: string, lexicon: Lexicon): boolean {
  const clean = label.replace(/[*_#:]/g, ' ').replace(/[’]/g, "'").replace(/\s+/g, ' ').trim();
  if (!clean || clean.split(/\s+/).length > 7) return false;
  return findAll(lexicon.actionLabels, clean).length > 0 && !findAll(lexicon.notActionLabels, clean).length;
}

function isDone(text: string, lexicon: Lexicon): boolean {
  for (const m of findAll(lexicon.done, text)) {
    if (/\b(?:to\s+be|be|will\s+be|needs?\s+to\s+be|should\s+be|must\s+be|being)\s*$/i.test(text.slice(0, m.index + 1))) continue;
    return true;
  }
  return false;
}

/** Names and roles only ("Mum, Dad, SW (Laura Quinn)"): a list of people, not an action. */
function isPeopleList(text: string, ctx: Context): boolean {
  const parts = text.replace(/\([^)]*\)/g, ' ').split(/,|;|\band\b|&|\//).map((s) => s.trim()).filter(Boolean);
  return parts.length > 0 && parts.every((p) => p.split(/\s+/).length <= 4 && ownerLike(p, ctx) && !MARKER_ONE.test(` ${p} `) && !/\b(?:will|to)\b/i.test(p));
}

/** An item under an action heading is an action unless it is done, a statement, or not a task. */
function isSectionAction(text: string, ctx: Context): boolean {
  const t = text.trim();
  if (t.split(/\s+/).length < 2) return false;
  if (findAll(ctx.lexicon.noAction, t).length || /\?\s*$/.test(t)) return false;
  if (isDone(t, ctx.lexicon)) return false;
  if (isPeopleList(t, ctx)) return false;
  if (NEXT_MEETING.test(t) && hasWhen(t, ctx.lexicon)) return false;
  // The first six words are read; two more give the tagger its context (twelve gave the same
  // answers on every annotated note and on the 1,000 benchmark notes, at half the speed).
  const words = tokens(t.split(/\s+/, 8).join(' '));
  // "Discussed the perinatal team; she is willing to be referred": a record of what was done.
  if (words[0]?.tags.has('PastTense') && !IMPERATIVE.test(words[0].text)) return false;
  if (FUTURE.test(t)) return true;
  for (let i = 0; i < words.length && i < 6; i++) {
    const w = words[i];
    // "Referral to the warm homes fund": after a preposition, a verb-like word is part of a noun phrase.
    if (/^(?:to|for|of|with|from|re|about|at|on|in|into|via|by|regarding)$/.test(w.lower)) break;
    if (!w.tags.has('Verb')) continue;
    const prev = words[i - 1]?.lower ?? '';
    // "Chase school", "SW to visit": an instruction or a task, not a statement.
    if (i === 0 || prev === 'to') break;
    // "A plan was agreed", "Mum has the number": done, or how things are.
    if (/^(?:was|were|had|did|is|are|am|has|have|does|do)$/.test(w.lower)) return false;
    // "I made the referral", "Mum is happy with the plan": done, or a statement of how things are.
    if (w.tags.has('PastTense') && !/^(?:be|been|being|get|got)$/.test(prev)) return false;
    if (w.tags.has('PresentTense') && !w.tags.has('Imperative') && !/^(?:and|or|then)$/.test(prev)) return false;
    break;
  }
  return true;
}

/** Outside action sections, only sentences whose form sets out something to be done, and not done yet. */
function isStrictAction(text: string, ctx: Context): boolean {
  const t = text.trim();
  // Whether it is already done is asked last: most sentences are not in the form of an action at all.
  return !/\?\s*$/.test(t) && hasActionForm(t, ctx) && !isDone(t, ctx.lexicon);
}

function hasActionForm(t: string, ctx: Context): boolean {
  if (/^\s*(?:action|to\s*-?\s*do|todo|next\s+steps?)\s*[:\-–]\s*\S/i.test(t)) return true;
  // "Need to ring the dentist", "Must chase school": a note to self with no one named.
  const todo = /^\s*(?:still\s+)?(?:need|needs|must|have\s+to|remember\s+to)\s+(?:to\s+)?([a-z/-]+)/i.exec(t);
  if (todo && isActionVerb(todo[1], ctx.lexicon)) return true;
  // "A referral to CAMHS is to be made", "needs to be arranged", "to be completed".
  for (const m of [...t.matchAll(/\b(?:(is|are|needs?|need|will\s+need|has|have|was|were)\s+)?to\s+be\s+(\w+(?:\s+(?:out|up|in\s+place|forward|on))?)/gi)].slice(0, MAX_MARKERS)) {
    const before = t.slice(Math.max(0, m.index - WINDOW), m.index);
    if (/^(?:was|were)$/i.test(m[1] ?? '')) continue;
    // "a risk that needs to be shared", "no reason for him to be told": describing, not setting out.
    if (/\b(?:that|which|who)\s*$/i.test(before) || /\bfor\s+\S+(?:\s+\S+)?\s*$/i.test(before) || /\b(?:no|not|never|nothing)\b/i.test(before.slice(-30))) continue;
    if (!m[1]) {
      // "Referral to CAMHS to be made": the bare form only after a noun phrase with no verb of its own.
      const lead = (before.split(/[,;:]/).pop() ?? '').split(/\s+/).slice(-10).join(' ');
      if (tokens(lead).some((w) => w.tags.has('Verb'))) continue;
    }
    if (/\b(?:seems?|seemed|appears?|appeared|likely|unlikely|thought|said|known|found|believed|meant|supposed|used|happy|pleased|wants?|wanted|would\s+like|likes?|asked|asks|expected|due|able|going|wish(?:es)?|hoping|hopes?|wishing|deserves?)\s*$/i.test(before)) continue;
    if (findAll(ctx.lexicon.participles, m[2]).length || (/^\w{3,}ed$/i.test(m[2]) && !WEAK_PARTICIPLE.test(m[2]))) return true;
  }
  for (const m of [...t.matchAll(/\b(?:needs?|must|should|will|shall)\s+be\s+(\w+(?:\s+(?:out|up|in\s+place|forward|on))?)/gi)].slice(0, MAX_MARKERS)) {
    if (findAll(ctx.lexicon.reported, t.slice(Math.max(0, m.index - WINDOW), m.index)).length) continue;
    if (/\b(?:that|which|who)\s*$/i.test(t.slice(0, m.index)) || /\b(?:no|not|never)\b/i.test(t.slice(Math.max(0, m.index - 20), m.index + m[0].length))) continue;
    if (findAll(ctx.lexicon.participles, m[1]).length || (/^\w{3,}ed$/i.test(m[1]) && !WEAK_PARTICIPLE.test(m[1]))) return true;
  }
  // "SW to visit", "Mum will ring the GP", "school needs to send": a responsible subject and a task.
  MARKER.lastIndex = 0;
  let seen = 0;
  for (let m = MARKER.exec(t); m && seen++ < MAX_MARKERS; m = MARKER.exec(t)) {
    const verb = wordAt(t, m.index + m[0].length);
    if (!verb || !isActionVerb(verb, ctx.lexicon)) continue;
    if (/^(?:should|can|has\s+to|have\s+to)\s/i.test(m[0])) continue;
    const before = t.slice(Math.max(0, m.index - WINDOW), m.index);
    // "Dad would like to be involved; Sara to invite him": only this clause's words can report speech.
    const clause = before.split(/[;:]|\s[-–—]\s/).pop() ?? '';
    if (findAll(ctx.lexicon.reported, clause).length) continue;
    if (!/^to\s/i.test(m[0]) && /\bnot\b/i.test(t.slice(m.index, m.index + m[0].length + 5))) continue;
    // Who is responsible is the costliest question, so it is asked last.
    if (responsible(t, m.index, ctx)) return true;
  }
  // An instruction at the start of a line: "Chase school re attendance", "F/u with HV next week".
  const first = /^\s*([A-Za-z][\w/-]*(?:\s+(?:up|into))?)\s+(.*)$/.exec(t);
  if (first && IMPERATIVE.test(first[1]) && IMPERATIVE.exec(first[1])![0].length === first[1].length && /^[A-Z]|^f\/u/i.test(first[1])) {
    const rest = first[2];
    const allowTo = /^(?:refer|re-refer|speak|talk|write|reply|respond|send|go|return|e-?mail)/i.test(first[1]) && /^to\s+(?!the\s+(?:home|house|family\s+home))/i.test(rest);
    if (rest.trim() && (!NOUN_USE.test(rest) || allowTo)) {
      const words = tokens(t.split(/\s+/, 6).join(' '));
      // "Visit went well", "Call lasted ten minutes": a noun and its verb, not an instruction.
      const finite = words.slice(1, 4).some((w) => w.tags.has('PastTense') && !w.tags.has('Participle'));
      if (!finite) return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Items: sentences split at line breaks, list items, table rows

interface Piece {
  text: string;
  start: number;
  end: number;
  block: TextBlock;
  sentence: Sentence;
}

/** A sentence cut at its line breaks where the next line starts a new item (a capital, a bullet). */
function piecesOf(note: CaseNote, s: Sentence): Piece[] {
  const map = s.block.map;
  const pieces: Piece[] = [];
  let from = 0;
  const push = (a: number, b: number) => {
    let x = a;
    let y = b;
    while (x < y && /\s/.test(s.text[x])) x++;
    while (y > x && /\s/.test(s.text[y - 1])) y--;
    if (y <= x) return;
    pieces.push({ text: s.text.slice(x, y), start: map[s.plainStart + x], end: map[s.plainStart + y - 1] + 1, block: s.block, sentence: s });
  };
  for (let i = 0; i < s.text.length; i++) {
    const src = note.text[map[s.plainStart + i]];
    if (src !== '\n' && src !== '\r') continue;
    const nextLine = s.text.slice(i + 1).trimStart();
    const thisLine = s.text.slice(from, i).trimEnd();
    if (/^[A-Z0-9•·▪◦*"“(\[-]/.test(nextLine) || /[:.;!?]$/.test(thisLine) || thisLine.split(/\s+/).length <= 3) {
      push(from, i);
      from = i + 1;
    }
  }
  push(from, s.text.length);
  return pieces;
}

function checkScope(note: CaseNote, scope: Scope, lexicon: Lexicon): RuleReport[] {
  const ctx: Context = { note, lexicon, people: note.people };
  const items: Item[] = [];
  let label: string | null = null;
  let section = false;
  let labelOwner = false;
  let labelWhen = false;
  /** A plain "Plan:" or "**Actions**" line inside the text opens a section until the label changes. */
  let pseudo: TextBlock | null = null;
  let skipping = false;
  let intro: { owner: boolean; when: boolean; block: TextBlock } | null = null;
  const doneRows = new Set<number>();
  const doneBlocks = new Set<TextBlock>();
  const byBlock = new Map<TextBlock, Sentence[]>();
  for (const s of scope.sentences) {
    const list = byBlock.get(s.block) ?? [];
    list.push(s);
    byBlock.set(s.block, list);
  }

  scope.sentences.forEach((s, index) => {
    if (s.label !== label) {
      label = s.label;
      const clean = label.replace(/[*_#:]/g, ' ').trim();
      section = isActionLabel(label, lexicon) && !(scope.kind === 'entry' && clean === scope.title.replace(/[*_#:]/g, ' ').trim() && !/^(?:actions?|plan|next\s+steps?|to\s*do)\b/i.test(clean));
      labelOwner = section && ownerLike(clean.replace(/\b(?:actions?|next\s+steps?|plan|to\s*-?\s*do|tasks?|for|agreed|follow[-\s]?ups?)\b/gi, ' ').replace(/\s+/g, ' ').trim(), ctx, true);
      labelWhen = section && hasWhen(clean, lexicon);
      pseudo = null;
      skipping = false;
      intro = null;
    }
    if (s.block.kind === 'cell') {
      const row = tableRowOf(note, s);
      if (!row || doneRows.has(row.start)) return;
      doneRows.add(row.start);
      const item = tableItem(row, section || pseudo !== null, ctx);
      if (item) items.push(item);
      return;
    }
    // A non-list paragraph after a plain "Plan:" line ends that section unless it reads as an action.
    if (pseudo && s.block !== pseudo && !s.block.listItem && s.block.start > pseudo.end) {
      const firstOfBlock = scope.sentences[index - 1]?.block !== s.block;
      if (firstOfBlock && !isStrictAction(maskQuotes(s.text), ctx)) pseudo = null;
    }
    if (intro && s.block !== intro.block && !s.block.listItem) intro = null;
    const next = scope.sentences[index + 1];
    const follow = next && next.block === s.block && /^\s*(?:\S+\s+){0,5}?(?:this|it|that|these|them)\b/i.test(next.text) ? maskQuotes(next.text) : '';

    if (s.block.listItem) {
      // A list item is one item, however many sentences it has.
      if (doneBlocks.has(s.block)) return;
      doneBlocks.add(s.block);
      const own = byBlock.get(s.block) ?? [s];
      const last = own[own.length - 1];
      const text = maskQuotes(own.map((o) => o.text).join(' '));
      if (INTRO.test(text.trim()) && text.trim().split(/\s+/).length <= 6) {
        intro = { owner: hasOwner(text, ctx), when: hasWhen(text, lexicon), block: s.block };
        return;
      }
      consider({ text, start: s.start, end: last.end, inSection: (section || pseudo !== null) && !skipping, owner: labelOwner || !!intro?.owner, when: labelWhen || !!intro?.when, follow: '' });
      return;
    }
    for (const piece of piecesOf(note, s)) {
      let text = maskQuotes(piece.text);
      const start = piece.start;
      // "Plan:", "**Actions**", "Next steps - SW to visit": a label written into the text.
      const asLabel = LABEL_LINE.exec(text);
      const wholeLine = text.split(/\s+/).length <= 5 && !(asLabel && asLabel[2].trim()) && LABEL_HEAD.test(text) && !NOT_LABEL.test(text) ? text.replace(/[:\s]+$/, '') : '';
      if (wholeLine && isActionLabel(wholeLine, lexicon) && !FUTURE.test(wholeLine)) {
        pseudo = s.block;
        skipping = false;
        labelOwner = ownerLike(wholeLine.replace(/\b(?:actions?|next\s+steps?|plan|to\s*-?\s*do|tasks?|for|agreed)\b/gi, ' ').trim(), ctx, true);
        continue;
      }
      if (asLabel && LABEL_HEAD.test(asLabel[1]) && !NOT_LABEL.test(asLabel[1]) && isActionLabel(asLabel[1], lexicon)) {
        pseudo = s.block;
        skipping = false;
        if (!asLabel[2].trim()) continue;
        text = asLabel[2];
      }
      if ((section || pseudo) && findAll(lexicon.notActionLines, text).length) {
        skipping = true;
        continue;
      }
      // "SW to:", "By the next core group:": a line that gives the list under it an owner or a date.
      if (INTRO.test(text) && text.split(/\s+/).length <= 6 && (hasOwner(text, ctx) || hasWhen(text, lexicon))) {
        intro = { owner: hasOwner(text, ctx), when: hasWhen(text, lexicon), block: s.block };
        skipping = false;
        continue;
      }
      if ((section || pseudo) && INTRO.test(text) && text.split(/\s+/).length <= 6) {
        if (!isActionLabel(text, lexicon)) skipping = true;
        continue;
      }
      consider({ text, start, end: piece.end, inSection: (section || pseudo !== null) && !skipping, owner: labelOwner || !!intro?.owner, when: labelWhen || !!intro?.when, follow });
    }
  });

  /**
   * An item is kept when it is an action and does not already say who and by when. The cheaper
   * question goes first. Under an action heading most items are actions, and telling needs
   * language analysis, so an item that names who and when is let go before it is asked. Elsewhere
   * most sentences are not actions and the test for one is quick, while looking for who and when
   * is slow, so that test comes first. The answer is the same either way.
   */
  function consider(item: Item): void {
    const settled = () => !item.table && complete(item) && !juxtaposedClauses(item.text, ctx).length;
    if (item.inSection ? !settled() && isSectionAction(item.text, ctx) : isStrictAction(item.text, ctx) && !settled()) items.push(item);
  }

  function complete(item: Item): boolean {
    const whole = item.follow ? `${item.text} ${item.follow}` : item.text;
    return (item.when || hasWhen(whole, lexicon)) && (item.owner || hasOwner(item.text, ctx) || (!!item.follow && hasOwner(item.follow, ctx)));
  }

  const reports: RuleReport[] = [];
  for (const item of items) {
    // A dictated item holding several actions is judged one action at a time.
    const cuts = item.table ? [] : juxtaposedClauses(item.text, ctx);
    if (cuts.length) {
      const bounds = [0, ...cuts, item.text.length];
      let reported = false;
      for (let k = 0; k < bounds.length - 1 && !reported; k++) {
        const clause = item.text.slice(bounds[k], bounds[k + 1]);
        if (!(k === 0 && item.inSection ? isSectionAction(clause, ctx) : isStrictAction(clause, ctx))) continue;
        const owner = item.owner || hasOwner(clause, ctx);
        const when = item.when || hasWhen(clause, lexicon);
        if (owner && when) continue;
        const end = sourceEnd(item, bounds[k + 1], note);
        reports.push(report({ ...item, end }, owner, when, note));
        reported = true;
      }
      continue;
    }
    const whole = item.follow ? `${item.text} ${item.follow}` : item.text;
    const owner = item.owner || hasOwner(item.text, ctx) || (!!item.follow && hasOwner(item.follow, ctx));
    const when = item.when || hasWhen(whole, lexicon);
    if (owner && when) continue;
    reports.push(report(item, owner, when, note));
  }
  return reports;
}

/** The source offset of `plainIndex` in an item's text, found by matching its words in the source. */
function sourceEnd(item: Item, plainIndex: number, note: CaseNote): number {
  const words = item.text.slice(0, plainIndex).trimEnd().split(/\s+/);
  let at = item.start;
  for (const w of words) {
    const found = note.text.indexOf(w, at);
    if (found < 0 || found > item.end) return item.end;
    at = found + w.length;
  }
  return at;
}

function tableItem(row: TableRow, inSection: boolean, ctx: Context): Item | null {
  const h = row.header.map((x) => x.toLowerCase());
  const who = h.findIndex((x) => /^(?:who|owner|lead|by\s+whom|responsib\w*|person|resp\.?|action\s+by|agency|whose)\b/.test(x));
  const when = h.findIndex((x, i) => i !== who && /^(?:when|by\s+when|by|date|due|deadline|timescales?|target|completion|review\s+date|by\s+date|time\s*frame|frequency)\b/.test(x));
  let action = h.findIndex((x) => /\b(?:actions?|tasks?|what|next\s+steps?|to\s+do)\b/.test(x));
  // A log of what was done ("Action taken", "Outcome") is not a list of things to do.
  if (action >= 0 && /\b(?:taken|completed|done|outcome)\b/.test(h[action])) return null;
  if (!inSection && action < 0 && (who < 0 || when < 0)) return null;
  if (action < 0) action = [0, 1, 2].find((i) => i !== who && i !== when && i < row.cells.length) ?? 0;
  const status = h.findIndex((x) => /^(?:status|done|progress|outcome|completed)\b/.test(x));
  if (status >= 0 && /\b(?:done|complete[d]?|achieved|closed|yes)\b/i.test(row.cells[status]?.text ?? '')) return null;
  const cell = row.cells[action];
  if (!cell?.text) return null;
  const text = maskQuotes(cell.text);
  if (findAll(ctx.lexicon.noAction, text).length || isDone(text, ctx.lexicon)) return null;
  const others = row.cells.filter((_, i) => i !== action && i !== who && i !== when && i !== status).map((c) => c.text).join(' ');
  return {
    text,
    start: row.start,
    end: cell.end,
    inSection: true,
    owner: who >= 0 ? !!row.cells[who]?.text && !/^(?:-|–|\?|tbc|tba|n\/a)$/i.test(row.cells[who].text) : false,
    when: when >= 0 ? !!row.cells[when]?.text && !/^(?:-|–|\?|tbc|tba|n\/a)$/i.test(row.cells[when].text) : hasWhen(others, ctx.lexicon),
    follow: '',
    table: { row, who, when, action },
  };
}

function report(item: Item, owner: boolean, when: boolean, note: CaseNote): RuleReport {
  const missing = !owner && !when ? 'who will do it or by when' : !owner ? 'who will do it' : 'by when';
  const message = !owner && !when
    ? 'This action does not say who will do it or by when. Record the person, role or agency responsible and a date or timescale, so that everyone knows what has been agreed, colleagues can pick it up, and it can be checked that it happened.'
    : !owner
      ? 'This action does not say who will do it. Record the person, role or agency responsible, so that the action does not fall between people and it can be checked that it happened.'
      : 'This action does not say by when. Record a date or timescale, such as a date, by Friday, within 5 working days or ongoing, so that everyone knows when it is due and a delay is noticed.';
  const edits: OffsetEdit[] = [];
  const table = item.table;
  if (table && (!owner && table.who >= 0 && table.row.cells[table.who] || !when && table.when >= 0 && table.row.cells[table.when])) {
    if (!owner && table.who >= 0 && table.row.cells[table.who]) edits.push(fillCell(table.row.cells[table.who], WHO, note));
    if (!when && table.when >= 0 && table.row.cells[table.when]) edits.push(fillCell(table.row.cells[table.when], WHEN, note));
    const ownerLeft = !owner && !(table.who >= 0 && table.row.cells[table.who]);
    const whenLeft = !when && !(table.when >= 0 && table.row.cells[table.when]);
    if (ownerLeft || whenLeft) edits.push(append(item, ownerLeft, whenLeft, note));
  } else {
    edits.push(append(item, !owner, !when, note));
  }
  const fix: FixSpec = { title: `Add ${missing === 'by when' ? 'when it is due' : missing === 'who will do it' ? 'who is responsible' : 'who is responsible and when it is due'}`, isPreferred: true, edits };
  return { start: item.start, end: item.end, message, fixes: [fix] };
}

function fillCell(cell: { text: string; start: number; end: number }, placeholder: string, note: CaseNote): OffsetEdit {
  // An empty cell ("|  |"): write into it; a cell holding "-" or "TBC" keeps its text.
  if (!cell.text) {
    const before = note.text[cell.start - 1] === ' ' ? '' : ' ';
    const after = note.text[cell.start] === ' ' ? '' : ' ';
    return { start: cell.start, end: cell.start, newText: `${before}${placeholder}${after}` };
  }
  return { start: cell.end, end: cell.end, newText: ` ${placeholder}` };
}

/** Placeholders the practitioner fills in; unfilled-placeholder reports them until they do. */
const WHO = '[who will do it]';
const WHEN = '[date or timescale]';

/** " – [who will do it] by [date or timescale]" at the end of the action, before its full stop. */
function append(item: Item, needOwner: boolean, needWhen: boolean, note: CaseNote): OffsetEdit {
  let at = item.end;
  while (at > item.start && /[\s.;,]/.test(note.text[at - 1])) at--;
  const text = `${needOwner ? ` – ${WHO}` : ''}${needWhen ? ` by ${WHEN}` : ''}`;
  return { start: at, end: at, newText: text };
}

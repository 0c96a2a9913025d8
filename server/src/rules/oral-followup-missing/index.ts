/**
 * oral-followup-missing: a phone call, voicemail or face-to-face discussion with another
 * professional with no written follow-up to them recorded in the entry (or in a later entry that
 * refers back to it).
 *
 * Calls with the family, the child, foster and kinship carers, interpreters and the writer's own
 * manager are not counted. One finding per conversation, on the sentence that records it.
 */
import type { RuleContext, RuleDefinition, RuleReport } from '../rule';
import type { CaseNote, Scope, Sentence } from '../../core/document';
import { cutPhrase, escapeRegExp, findAll, maskQuotes } from '../../core/text';
import { classifyParty, partyKeys, type Party } from '../../core/people';
import type { Lexicon } from '../../core/types';
import { scopeKey, shift } from '../../core/scope-cache';
import lexiconData from './lexicon.json';
import { cacheFor, remembered } from '../../core/reuse';

const REPORTED_BEFORE = /\b(?:she|he|they|[A-Z][\w.'’-]+)\s+(?:said|says|told\s+(?:me|us|her|him)|reported|explained|stated|mentioned)\b(?:\s+that)?/;
/** "Gary – thanks for your time on the phone": a message thanking someone for a call follows it up. */
const THANKS = /\bthank(?:s|\s+you)\s+(?:(?:very|so)\s+much\s+)?for\s+(?:your\s+time|the\s+call|calling|speaking|talking|the\s+chat|your\s+call)\b/i;
/** "Dr Rahman and I discussed her findings": a discussion whose other party is named first. */
const JOINT = /^(?:and|with)\s+(?:I|me)\b/i;
const IN_MEETING = /\bface[- ]to[- ]face\b|\bin person\b/i;
const STRATEGY = /\bstrategy\s+(?:discussion|meeting)|professionals['’]?\s+meeting|core group meeting/i;

/** "an account called jay_x_07", "a boy called Jay", "was called": a name, not a phone call. */
function namingNotCalling(text: string, index: number, hit: string): boolean {
  if (!/^call/i.test(hit)) return false;
  const previous = /(\S+)\s+$/.exec(text.slice(0, index))?.[1] ?? '';
  if (!previous) return false;
  if (/^(?:I|we|she|he|they|also|then|and|SW|had|have|has|just|later|first|again|once|[A-Z][\w.'’-]*)$/.test(previous)) return /^(?:is|was|were|are)$/i.test(previous);
  return true;
}

interface Conversation {
  sentence: Sentence;
  /** The other person or agency, as written ("Mrs Okoro, the DSL"). */
  who: string;
  /** Name words and role words used to recognise a follow-up to the same person. */
  keys: string[];
  meeting: boolean;
}

/** The phrase naming the other party after the verb, or before it when they called the writer. */
function otherParty(text: string, verbIndex: number, verbEnd: number): { phrase: string; subjectSide: boolean } {
  const verb = text.slice(verbIndex, verbEnd);
  const after = text.slice(verbEnd).replace(/^\s*(?:(?:to|with|by phone to|by telephone to|again to|briefly to|on the phone to|for)\b)?\s*/i, '');
  const object = /^(?:(?:the|a|an|his|her|their|our|my|[A-Z][\w'’.-]*(?:'s|’s))\s+)?(?:[\w'’.&/-]+(?:\s*\([^)]*\))?[\s,]*){1,9}/.exec(after)?.[0] ?? '';
  const trimmed = cutPhrase(object);
  const before = text.slice(0, verbIndex);
  const subject = before.split(/[.;:]|\b(?:and|but|then|so)\b/).pop()?.trim() ?? '';
  // "rang me", "left me a voicemail saying...": the other party is whoever did it.
  // "PC Dale rang at 10:40", "Dr Rahman and I discussed...": the other party is the subject.
  const intransitive = /^(?:at|on|in|this|today|yesterday|earlier|back|again|first|\d)\b/i.test(after.trim()) || JOINT.test(verb);
  const objectIsWriter = intransitive || /\b(?:me|us)\b/i.test(verb) || /^(?:me|us)\b/i.test(after) || /^(?:I|we)\b/.test(trimmed) || /^[a-z]+ing\b/.test(trimmed);
  if (objectIsWriter || !trimmed.trim()) return { phrase: subject, subjectSide: true };
  return { phrase: trimmed.trim(), subjectSide: false };
}


/** A sentence that only says who picked up the call recorded just before it. */
const ANSWERED = /^\s*(?:spoke|speaking|talked)\s+(?:to|with)\b/i;
const CALL_MADE = /\b(?:rang|phoned|telephoned|called|t\/c|tc|telephone\s+call|phone\s+call)\b/i;
const FAMILY_HINT = /\b(?:mum|mother|dad|father|nan|gran|aunt|auntie|uncle|sister|brother|carer|partner|grandmother|grandfather)\b/i;

function findConversations(scope: Scope, note: CaseNote, lexicon: Lexicon): Conversation[] {
  const found: Conversation[] = [];
  for (const sentence of scope.sentences) {
    const text = maskQuotes(sentence.text);
    const hits = findAll(lexicon.oral, text).filter((h) => !namingNotCalling(text, h.index, h.text));
    if (!hits.length) continue;
    const hit = hits[0];
    const before = text.slice(0, hit.index);
    // "...sent her a secure email confirming what I had told her on the phone" is the follow-up itself,
    // and so is a message thanking someone for the call ("Gary – thanks for your time on the phone").
    if (findAll(lexicon.written, before).length || THANKS.test(before)) continue;
    // "have not been seen or spoken to", "must not be told ... by phone": nothing was said.
    if (/\b(?:not|never|no)\b[^,.;]{0,40}$/i.test(before) || /\bbeen\s+$/i.test(before)) continue;
    if (findAll(lexicon.future, before).length || /^\s*(?:[-*]|\d+[.)])?\s*\w+\s+to\s*$/i.test(before)) continue;
    if (REPORTED_BEFORE.test(before) && !/\b(?:I|we)\b/.test(before.split(REPORTED_BEFORE)[0] ?? '')) continue;
    if (findAll(lexicon.noContact, text).length && !/voicemail|message/i.test(text)) continue;
    // The heading may name the meeting the sentence describes: "Strategy meeting" over "Face-to-face meeting at...".
    const meeting = STRATEGY.test(text) || (STRATEGY.test(scope.title) && /\b(?:meeting|discussion)\b/i.test(text) && IN_MEETING.test(text));
    // "after Ms R. rang 999": the family's own calls are not the writer's conversations.
    const subject = before.split(/[,;:]|\b(?:after|when|and|but|because|as|before|then)\b/).pop() ?? '';
    if (/\S/.test(subject) && ['family', 'child'].includes(classifyParty(subject, note.people))) continue;
    if (meeting && !/\b(?:held|took place|by (?:tele)?phone|on teams|via|between|by video|virtual)\b/i.test(text) && !IN_MEETING.test(text)) continue;
    // "I rang St Mary's and spoke to Mr Davies, the DSL": any of the verbs may name the other party.
    let party: Party = meeting ? 'professional' : 'unknown';
    let phrase = '';
    for (const h of hits) {
      if (party !== 'unknown') break;
      phrase = otherParty(text, h.index, h.index + h.text.length).phrase;
      party = classifyParty(phrase, note.people);
    }
    if (!phrase) phrase = otherParty(text, hit.index, hit.index + hit.text.length).phrase;
    if (party === 'unknown') {
      // "Rang Sophie Clarke at the carers service": an unknown name is placed by the agency after "at".
      const pos = phrase ? text.indexOf(phrase) : -1;
      const at = pos >= 0 ? /^\s+(?:at|from|of)\s+((?:the\s+)?[^,.;]{3,60})/.exec(text.slice(pos + phrase.length)) : null;
      if (phrase && at && !FAMILY_HINT.test(phrase)) party = classifyParty(at[1].split(/\s+(?:at|on|about|re|to)\s+/)[0], note.people);
    }
    // Every party named in the sentence ("rang the school and spoke to Mrs Patel") can receive the follow-up.
    const named = hits.map((h) => otherParty(text, h.index, h.index + h.text.length).phrase).join(' ');
    // "Telephone call to the duty line from a woman...": the caller is the other party.
    const from = /^[^,.;]{0,40}?\bfrom\s+((?:a|an|the|[A-Z][\w'’.-]*)\s*[^,.;]{0,40})/.exec(text.slice(hit.index, hit.index + 100));
    // After a verb ("I rang the police from the car") "from" names where the writer was, not a caller.
    if (from && !meeting && !/^(?:rang|rung|phoned|telephoned|called|spoke|talked)\b/i.test(hit.text)) party = classifyParty(from[1].split(/\s+(?:who|which|that|at|on)\s+/)[0], note.people);
    if (party === 'unknown') {
      // Only a heading that says who the call was with can settle it ("Call to probation", "Telephone call — school").
      const withWhom = /\b(?:call|phone|telephone|discussion|conversation|contact|voicemail|liaison|t\/c)\b\s*(?:(?:to|with|from|[—–-])\s*)?(\S.*)$/i.exec(scope.title);
      if (withWhom) party = classifyParty(withWhom[1], note.people);
      if (party === 'unknown' && /\b(?:101|999)\b/.test(text)) party = 'professional';
    }
    if (party !== 'professional') continue;
    if (/\b(?:my|our)\s+(?:team\s+)?(?:manager|supervisor)\b|\binterpreter\b/i.test(text.slice(hit.index, hit.index + 80))) continue;
    // Role words from the heading ("Call to probation") help only when the sentence names no one.
    const ownKeys = partyKeys(meeting ? text : named);
    const keys = meeting || ownKeys.length ? ownKeys : partyKeys(named, scope.title);
    const conversation = { sentence, who: named.replace(/\s+/g, ' ').slice(0, 200), keys: keys.filter((k) => !note.people.children.has(k)), meeting };
    // "T/C to the surgery. Spoke to Mrs Ingram, practice manager...": who answered the same call.
    const last = found[found.length - 1];
    if (last && !last.meeting && scope.sentences.indexOf(last.sentence) === scope.sentences.indexOf(sentence) - 1 && ANSWERED.test(text) && CALL_MADE.test(last.sentence.text)) {
      last.keys = [...new Set([...last.keys, ...conversation.keys])];
      last.who = `${last.who} ${conversation.who}`.slice(0, 200);
      continue;
    }
    found.push(conversation);
  }
  return found;
}

/** A sentence that records writing to the same person or agency and refers back to what was said. */
function isFollowUp(candidate: string, conversation: Pick<Conversation, 'keys' | 'meeting'>, lexicon: Lexicon, adjacent: boolean, sameEntry = true): boolean {
  const text = maskQuotes(candidate);
  const written = findAll(lexicon.written, text);
  // Something must have been sent: a table cell saying "School referral form" is not a follow-up.
  if (!written.length || !/\b(?:e-?mailed|sent|wrote|written|posted|faxed|messaged|texted|submitted|uploaded|forwarded|followed|confirmed|replied|responded)\b/i.test(text)) return false;
  const head = text.slice(0, written[0].index);
  if (findAll(lexicon.future, head).length || /\b(?:not|never)\s+$/i.test(head)) return false;
  if (conversation.meeting && findAll(lexicon.meetingRecord, text).length) return true;
  // The minutes of a strategy meeting do not confirm a separate conversation with one of those who attended.
  if (!conversation.meeting && STRATEGY.test(text) && findAll(lexicon.meetingRecord, text).length) return false;
  const lower = text.toLowerCase();
  const samePerson = conversation.keys.some((k) => new RegExp(`\\b${escapeRegExp(k)}\\b`, 'i').test(lower));
  // "...and then sent him a secure email": a pronoun right after the sending verb.
  const pronoun = adjacent && /\b(?:e-?mailed|sent|wrote\s+to|messaged|texted|followed\s+(?:this|it)\s+up\s+with\s+[^.]{0,30}?\s+to)\s+(?:him|her|them)\b|\bto\s+(?:him|her|them)\b|\bthe\s+same\b/i.test(text);
  // An explicit "Written follow-up:" line straight after the call (as the quick fix inserts).
  const labelled = adjacent && /^\s*written follow-?up\b/i.test(text);
  if (!samePerson && !pronoun && !labelled) return false;
  // In the same entry, a report or record sent to them counts; a later entry must refer back.
  return findAll(lexicon.refersBack, text).length > 0 || (sameEntry && findAll(lexicon.documentsSent, text).length > 0);
}

function localFollowUp(conversation: Conversation, lexicon: Lexicon): boolean {
  const { sentence } = conversation;
  // In the same sentence, after the call: "...and then sent him a secure email setting out the same".
  const own = sentence.text;
  const oralAt = findAll(lexicon.oral, own)[0]?.index ?? 0;
  const tail = own.slice(oralAt + 4);
  if (findAll(lexicon.written, tail).length && isFollowUp(tail, conversation, lexicon, true)) return true;
  const scope = sentence.scope;
  const i = scope.sentences.indexOf(sentence);
  return scope.sentences.some((s, j) => j !== i && isFollowUp(s.text, conversation, lexicon, j === i + 1));
}

/** A later entry may confirm it, if it refers back and names the same person. */
function laterFollowUp(conversation: Pick<Conversation, 'keys' | 'meeting'>, scope: Scope, note: CaseNote, lexicon: Lexicon): boolean {
  for (const s of writtenSentences(note)) {
    if (s.scope.index <= scope.index) continue;
    if (isFollowUp(s.text, conversation, lexicon, false, false) && conversation.keys.some((k) => s.text.toLowerCase().includes(k))) return true;
  }
  return false;
}

const written = new WeakMap<CaseNote, Sentence[]>();

/** Sentences that might record something written and sent, found once per analysed note. */
function writtenSentences(note: CaseNote): Sentence[] {
  let list = written.get(note);
  if (!list) written.set(note, (list = note.sentences.filter((s) => WRITTEN_HINT.test(s.text) && SENT.test(s.text))));
  return list;
}

/** The findings for conversations in one entry that the entry itself does not confirm in writing. */
function unconfirmed(scope: Scope, note: CaseNote, lexicon: Lexicon): { conversation: Conversation; report: RuleReport }[] {
  return findConversations(scope, note, lexicon)
    .filter((conversation) => !localFollowUp(conversation, lexicon))
    .map((conversation) => ({ conversation, report: reportFor(conversation) }));
}

function reportFor(conversation: Conversation): RuleReport {
  const { sentence } = conversation;
  const titled = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|DC|DS|PC|HV)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?/.exec(conversation.who)?.[0];
  const addressee = titled ?? '[name]';
  const endsWithStop = /[.!?]["”’)]*$/.test(sentence.text);
  return {
    start: sentence.start,
    end: sentence.end,
    message: conversation.meeting
      ? 'This discussion with other professionals has no written record sent to those who took part. Send the minutes or a note of the decisions to each of them, and record when you sent it.'
      : 'This conversation with another professional has no written follow-up recorded. Confirm what was said and agreed in an email or letter to them, and record when you sent it.',
    fixes: [
      {
        title: 'Add a written follow-up line',
        isPreferred: true,
        edits: [{ start: sentence.end, end: sentence.end, newText: `${endsWithStop ? '' : '.'} Written follow-up: I emailed ${addressee} on [date and time] confirming [what was said and agreed].` }],
      },
    ],
  };
}

const WRITTEN_HINT = /e-?mail|sent|wrote|written|posted|faxed|messag|text|submit|upload|forward|follow|confirm|letter|secure|replied|responded/i;
const SENT = /\b(?:e-?mailed|sent|wrote|written|posted|faxed|messaged|texted|submitted|uploaded|forwarded|followed|confirmed|replied|responded)\b/i;

const caches = new WeakMap<Lexicon, Map<string, { conversation: Pick<Conversation, 'keys' | 'meeting' | 'who'> & { sentence: undefined }; report: RuleReport }[]>>();

export const oralFollowupMissing: RuleDefinition = {
  id: 'oral-followup-missing',
  defaultSeverity: 'warning',
  lexicon: lexiconData,
  docs: {
    description: 'Finds phone calls, voicemails and discussions with other professionals that have no written follow-up recorded.',
    why: 'What is said on the phone is easily misheard, forgotten or remembered differently. Reviews keep finding that important information given by phone was never confirmed, so each agency held a different account. Confirm what was said and agreed in an email or letter to the professional, and record that you sent it.',
    guidance: [
      { source: 'The principles of safeguarding (practitioner guide)', passage: 'Always follow up oral communications to other professionals in writing.' },
      { source: 'Local safeguarding partnership key principles, 2.5 Record keeping', passage: 'Records should include face-to-face and telephone discussions with other practitioners, the decisions made and who is responsible for them.' },
    ],
    examples: [
      { poor: 'I rang the school and spoke to Mrs Okoro, the DSL, about Tyler\'s attendance.', good: 'I rang the school and spoke to Mrs Okoro, the DSL, about Tyler\'s attendance. At 15:10 I emailed Mrs Okoro confirming what she told me and that I will visit on Friday.' },
    ],
  },
  check({ note, lexicon }: RuleContext): RuleReport[] {
    const cache = cacheFor(caches, lexicon);
    const reports: RuleReport[] = [];
    for (const scope of note.scopes) {
      // Conversations with no follow-up in their own entry are found once per unchanged entry...
      const pending = remembered(cache, 1000, () => scopeKey(scope, note), () =>
        unconfirmed(scope, note, lexicon).map(({ conversation, report }) => ({ conversation: { ...conversation, sentence: undefined }, report: shift([report], -scope.start)[0] })));
      // ...and a later entry that confirms them in writing is looked for every time.
      for (const { conversation, report } of pending) {
        if (!laterFollowUp(conversation, scope, note, lexicon)) reports.push(shift([report], scope.start)[0]);
      }
    }
    return reports;
  },
};

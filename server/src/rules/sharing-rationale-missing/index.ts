/**
 * sharing-rationale-missing: information about the child or family shared with another person or
 * agency (or a decision not to share) without the entry recording what was shared, with whom,
 * why, and the consent position (given; refused or not sought, and why).
 *
 * Only sharing by the writer's side counts. Information coming in, telling the family about their
 * own case, a written confirmation of a conversation to the person who took part, and minutes
 * sent to those who attended are not new sharing events.
 */
import type { RuleContext, RuleDefinition, RuleReport } from '../rule';
import type { CaseNote, Scope, Sentence } from '../../core/document';
import { cutPhrase, escapeRegExp, findAll, maskQuotes } from '../../core/text';
import { classifyParty, partyKeys, type Party } from '../../core/people';
import { findMentions } from '../../core/mentions';
import type { Lexicon } from '../../core/types';
import { type ScopeCache, checkEachScope } from '../../core/scope-cache';
import lexiconData from './lexicon.json';

const FUTURE = /\b(?:will|would|shall|could|can|may|might|should|must|going to|plan(?:s|ned)? to|intend(?:s|ed)? to|need(?:s|ed)? to|to be|that I could|that we could|whether I could|if I could|agreed to|before)\s+(?:\w+\s+){0,2}$/i;
const ACTION_ITEM = /^\s*(?:[-*]|\d+[.)])?\s*(?:SW|[A-Z][a-z]+|school|police|the \w+)\s+to\s*$/;
const FOLLOW_UP = /\bconfirm(?:ing|ed)?\s+(?:the\s+)?\w+(?:\s+\w+)?\s+(?:we|I)\s+(?:had\s+)?(?:agreed|discussed|arranged)\b|\bconfirm(?:ing|ed)?\s+(?:the\s+)?[\w\s'’-]{1,40}?\b(?:she|he|they)\s+(?:had\s+)?(?:gave|given|told|said|provided|reported)\b|\bconfirm(?:ing|ed)?\s+(?:what|our|receipt|in\s+writing|the\s+(?:call|conversation|discussion|actions|decisions|points|outcome|details)|that\s+(?:I|we)\s+had\s+(?:asked|told|discussed))|\bfollow(?:ed|ing)?\s+(?:this|it|that)?\s*up\b|\bfollowing\s+(?:our|the)\s+(?:call|conversation|discussion|meeting)|\bsetting\s+out\s+the\s+same|\bas\s+discussed\b|\bsets?\s+out\b.{0,60}\b(?:told|said|discussed)\b/i;
/**
 * A written record of a conversation sent to someone who took part: "a summary of the consultation",
 * "a note of what we agreed", "referring to the voicemail", "saying I had left him a message".
 */
const RECORD_OF_TALK = /\b(?:summary|note|notes|record|minutes|confirmation|write-?up)\s+of\s+(?:the\s+|our\s+|my\s+|this\s+|today['’]s\s+)?(?:(?:phone|telephone|video|teams)\s+)?(?:call|conversation|discussion|consultation|meeting|visit|session|voicemail|what\s+(?:we|was|he|she|they|I))\b|\b(?:referring|referred|refers)\s+(?:back\s+)?to\s+(?:the|our|my|this|that|his|her|their)\s+(?:(?:phone|telephone)\s+)?(?:call|conversation|discussion|voicemail|message|meeting)\b|\b(?:saying|to\s+say|explaining)\s+(?:that\s+)?(?:I|we)\s+(?:had\s+)?(?:just\s+)?(?:left|rang|called|phoned|spoke)\b|\bwhat\s+(?:he|she|they)\s+(?:had\s+)?(?:told|said\s+to)\s+(?:me|us)\b|\b(?:the\s+)?(?:details|information)\s+(?:I|we)\s+(?:had\s+)?(?:gave|given|passed)\s+(?:him|her|them)\b/i;
/** Asking for something, or arranging a meeting, tells nobody anything about the family. */
const ENQUIRY = /^[^.;]{0,80}?\b(?:(?:to\s+ask|asking)(?:\s+(?:him|her|them|the\s+\w+))?\s+(?:for|whether|if|about|when|what|which|how|who|where)|to\s+find\s+out|to\s+check\s+(?:whether|if)|with\s+(?:the\s+same|a|my|our|this)\s+(?:question|query|enquiry)|to\s+request|requesting|to\s+acknowledge|acknowledging)\b/i;
/** The writer quoting a message they sent: "Emailed Mr Baines at 12:10: \"...\"". */
const OWN_MESSAGE = /^[^"“]{0,20}\b(?:I\s+|SW\s+|we\s+)?(?:e-?mailed|wrote\s+to|texted|messaged|replied\s+to)\b[^"“]{0,80}[:,]\s*["“]/i;
const TELLS_TOO = /[,;]\s*(?:and\s+)?(?:told|informed|shared|passed|gave|updated|explained|let)\b|\band\s+(?:told|informed|shared|passed\s+on|updated)\b/i;
/** Verbs whose object is the person told ("informed the school"), never the thing shared. */
const TELL_VERB = /^(?:told|informed|updated|notified|alerted|briefed|let|made)/i;
const NEEDS_PROFESSIONAL = /^(?:told|informed|updated|notified|alerted|briefed|gave|provided|let|made|disclosed)/i;
const RELATED = /\b(?:shar(?:e|ed|ing)|tell|told|pass(?:ed|ing)?|refer(?:red|ral)?|consent(?:ed)?|agree(?:d|ment)?|update[ds]?|inform(?:ed)?|sen[dt]|e-?mail(?:ed)?|information|contact)\b/i;
/** Clause breaks before a verb; the full stop of an initial or title ("Ms P.", "Dr.") is not one. */
const SUBJECT_BREAK = /(?<!\b(?:[A-Z]|Mr|Mrs|Ms|Miss|Mx|Dr|St|DC|DS|PC))\.(?=\s|$)|[;:]|\b(?:and|but|then|so|after|before|when|while|which|who)\b/g;
/** The leading noun phrase of a clause: a determiner at most, then the person. */
const LEADING = /^\s*(?:(?:the|a|an|his|her|their)\s+)?$/i;

/**
 * The subject of the clause that ends just before the sharing verb. When the verb shares a subject
 * with the clause before it ("Leo came in ... and told his teacher", "Dr Osei, who sent a report"),
 * that clause's subject is the one that did the sharing.
 */
function subjectBefore(before: string, note: CaseNote): string {
  const cuts: { at: number; end: number; word: boolean }[] = [];
  SUBJECT_BREAK.lastIndex = 0;
  for (let m = SUBJECT_BREAK.exec(before); m; m = SUBJECT_BREAK.exec(before)) cuts.push({ at: m.index, end: m.index + m[0].length, word: /\w/.test(m[0]) });
  const last = cuts[cuts.length - 1];
  const piece = before.slice(last ? last.end : 0);
  if (piece.trim() || !last || !last.word) return piece;
  const previous = before.slice(cuts.length > 1 ? cuts[cuts.length - 2].end : 0, last.at);
  if (/^\s*(?:I|we)\b/i.test(previous)) return 'I';
  const first = findMentions(previous, note.people).find((m) => m.kind !== 'pronoun' || /^(?:he|she|they)$/i.test(m.text));
  if (first && first.kind !== 'writer' && LEADING.test(previous.slice(0, first.index))) return previous.slice(0, first.end);
  return piece;
}

interface SharingEvent {
  sentence: Sentence;
  recipient: string;
  keys: string[];
  decisionNotToShare: boolean;
  missingWhat: boolean;
}


const INFINITIVE = /^(?:tell|ask|say|see|help|keep|make|check|confirm|let|give|get|be|do|go|come|find|report|share|pass|send|inform|update|arrange|request|discuss|agree|explain|offer|talk|speak|contact|visit|meet|support|ensure|consider|assess|review|look|stay|take|bring|put|call|ring|e-?mail|write|follow|reduce|protect|prevent|avoid|add|close|book|raise|alert|enable|allow|identify|plan|seek|provide|investigate|reach|know)\b/i;

/** Candidate phrases for the recipient: "to X", "with X", or the object right after the verb. */
function recipientPhrases(after: string): string[] {
  const out: string[] = [];
  const cut = (s: string) => cutPhrase(s.split(/\s+(?:by|via|with|under|including|confirming|telling|asking|what|how|where|when|why|whether|if)\s+/)[0]).trim();
  // "told them mum was drunk": the pronoun is the person told; what follows is what was said.
  const pronoun = /^\s*(him|her|them)\b(?!\s*(?:own|[\w'’-]+['’]s)\b)(?=\s+(?:that\b|[a-z]+\s+(?:was|were|is|are|had|has|said|says|would|will)\b)|[\s,.;]*$)/i.exec(after);
  if (pronoun) return [pronoun[1]];
  const direct = /^\s*(?:on\s+)?((?:the|a|an|his|her|their|our|my|[A-Z][\w'’.-]*(?:'s|’s))?\s*(?:[\w'’.&/-]+(?:\s*\([^)]*\))?,?\s*){1,8})/.exec(after)?.[1] ?? '';
  if (direct) out.push(cut(direct));
  for (const m of after.matchAll(/\b(?:to|with)\s+((?:the|a|an|his|her|their|[A-Z][\w'’.-]*(?:'s|’s))?\s*[^,.;]{2,80})/g)) {
    // "to tell Mrs Grant", "to ask about...": an infinitive, not a recipient.
    if (INFINITIVE.test(m[1])) continue;
    out.push(cut(m[1]));
  }
  return out.filter(Boolean);
}

/** Who a pronoun recipient ("told her") most likely is: someone named earlier in the entry. */
function resolveFromContext(scope: Scope, index: number, note: CaseNote, sameSentenceBefore: string): { party: Party; phrase: string } {
  const look = [sameSentenceBefore, ...scope.sentences.slice(Math.max(0, index - 5), index).reverse().map((s) => s.text)];
  for (const [k, text] of look.entries()) {
    // A sentence about "she" points further back to who she is.
    if (k > 0 && /^\s*(?:she|he|they)\b/i.test(text)) continue;
    const masked = maskQuotes(text);
    const mentions = findMentions(masked, note.people).filter((m) => m.kind === 'adult' || m.kind === 'child');
    if (!mentions.length) continue;
    const phrases = mentions.map((m) => masked.slice(m.index, m.end + 40).split(/[,.;]| and | at | on | to | about /)[0]);
    const parties = mentions.map((m, i) => (m.kind === 'child' ? 'child' : classifyParty(phrases[i], note.people)));
    // "Keira ... did not want to talk to police. I told her...": "her" is who the sentence is about,
    // not someone after a preposition.
    const subject = mentions.findIndex((m) => !m.oblique);
    if (k > 0 && subject >= 0 && parties[subject] !== 'unknown') return { party: parties[subject], phrase: parties[subject] === 'professional' ? phrases[subject] : '' };
    const professional = parties.indexOf('professional');
    if (professional >= 0) return { party: 'professional', phrase: phrases[professional] };
    if (parties.includes('child')) return { party: 'child', phrase: '' };
    if (parties.includes('family')) return { party: 'family', phrase: '' };
    // The nearest person named is most likely the one meant, even if we cannot tell who they are.
    return { party: 'unknown', phrase: phrases[0] };
  }
  return { party: 'unknown', phrase: '' };
}

/** "the family's history", "Gavin's name": what was shared, not who it was shared with. */
const CONTENT_OBJECT = /^(?:the\s+)?[\w'’.-]+(?:'s|’s)\s+\S/i;
/** A meeting as a whole can be told something: "shared the history with the meeting". */
const MEETING_RECIPIENT = /^(?:the\s+)?(?:meeting|conference|panel|core\s+group|strategy\s+(?:meeting|discussion)|professionals(?:['’]\s+meeting)?)\b/i;

const DOCUMENT = /\b(?:minutes|record|report|plan|assessment|referral|copy|letters?|details|information|summary|form|log|notes|ppn|concerns?|chronology|email)\b/i;

function writerSide(subject: string, note: CaseNote): boolean {
  const s = subject.trim();
  // "The minutes and the child protection plan were sent...": a document, sent by nobody named.
  if (DOCUMENT.test(s) && !/\b(?:school|police|gp|nursery|hospital|health visitor|midwife|[A-Z][a-z]+ (?:said|sent))\b/i.test(s.replace(DOCUMENT, ''))) return true;
  if (!s || /^(?:I|we|SW|the SW|the social worker|the worker|our team|this service|MASH)$/i.test(s) || /\b(?:I|we)$/.test(s)) return true;
  if (s.split(/\s+/).some((t) => note.people.writers.has(t.replace(/[.,]/g, '').toLowerCase()))) return true;
  const mentions = findMentions(s, note.people).filter((m) => m.kind !== 'writer');
  return mentions.length === 0;
}

function findEvents(scope: Scope, note: CaseNote, lexicon: Lexicon): SharingEvent[] {
  const events: SharingEvent[] = [];
  scope.sentences.forEach((sentence, index) => {
    const text = maskQuotes(sentence.text);
    const notShare = findAll(lexicon.notSharing, text)[0];
    if (notShare) {
      // Only the writer's side deciding not to share counts ("She would not give his name" does not).
      const passiveNot = /\bnot\s+(?:be\s+)?(?:shared|told|informed|passed|sent|disclosed|given)\b/i.test(notShare.text);
      const lead = text.slice(0, notShare.index);
      if (!passiveNot && !/(?:^|[,;]\s*|\b(?:I|we)\s+(?:\w+\s+)?)$/.test(lead.trim() ? lead : '')) return;
      const after = text.slice(notShare.index + notShare.text.length);
      const phrases = recipientPhrases(after);
      const parties = phrases.map((p) => classifyParty(p, note.people));
      // "I did not tell her. ... should not be shared with her": the same decision, explained.
      const last = events[events.length - 1];
      if (last && last.decisionNotToShare && last.sentence.index === sentence.index - 1) return;
      if (!parties.includes('child') || parties.includes('professional')) {
        events.push({ sentence, recipient: phrases[0] ?? '', keys: partyKeys(phrases.join(' ')), decisionNotToShare: true, missingWhat: false });
      }
      return;
    }
    const hits = findAll(lexicon.sharing, text);
    if (!hits.length) return;
    // A follow-up, incoming information or something about the writer: nothing new was shared. The
    // writer's own email, quoted ('Emailed Mr B: "Following our call, confirming..."'), is their words.
    if (findAll(lexicon.incoming, text).length || FOLLOW_UP.test(text) || (OWN_MESSAGE.test(sentence.text) && FOLLOW_UP.test(sentence.text)) || findAll(lexicon.aboutWriter, text).length) return;
    // "Emailed X to ask for the duty number": an enquiry, unless something was told as well.
    if (ENQUIRY.test(text.slice(hits[0].index)) && !TELLS_TOO.test(text.slice(hits[0].index))) return;
    // Sending an invitation or a new date for a meeting is arranging it, not sharing about the family.
    const sentPart = text.slice(hits[0].index).split(/\b(?:and\s+)?(?:asked|asking|to\s+ask|requested|requesting)\b/)[0];
    if (lexicon.logistics && findAll(lexicon.logistics, sentPart).length && !(lexicon.content && findAll(lexicon.content, sentPart).length)) return;
    // "Referred Amira ... and gave Sophie her school": the first verb that shares something counts.
    for (const hit of hits) {
      const event = eventFor(sentence, index, text, hit);
      if (event === 'stop') return;
      if (event) {
        // "I emailed Mrs Lane... I told her that...": the same disclosure, told in more detail.
        const last = events[events.length - 1];
        if (event.pronounRecipient && last && last.sentence.index >= sentence.index - 2 && !last.decisionNotToShare) {
          last.missingWhat = false;
          return;
        }
        // "...confirming the weight" to someone already told in this entry: the same disclosure, in writing.
        if (/\bconfirm(?:ing|ed|s)?\b/i.test(text) && events.some((e) => !e.decisionNotToShare && mentionsRecipient(text, e))) return;
        events.push(event);
        return;
      }
    }
  });
  return events;

  function eventFor(sentence: Sentence, index: number, text: string, hit: { index: number; text: string }): (SharingEvent & { pronounRecipient?: boolean }) | null | 'stop' {
    const before = text.slice(0, hit.index);
    if (FUTURE.test(before) || ACTION_ITEM.test(before)) return null;
    // "Both parents agreed to a closure letter being sent to school": a consent statement.
    if (findAll(lexicon.consent, before).length && /\b(?:being|be)\s+$/.test(before)) return null;
    // Minutes or a record sent only to those who attended are not a new disclosure.
    if (findAll(lexicon.attendees, text).length && !/\band\s+(?:to\s+)?(?:[A-Z]|the\s+\w+)/.test(text.slice(findAll(lexicon.attendees, text)[0].index))) return 'stop';
    // Minutes sent to the people named as taking part earlier in the entry are not a disclosure.
    if (/\b(?:minutes|record|notes|decisions|summary)\b/i.test(text) && sentToParticipants(text.slice(hit.index), scope.sentences.slice(0, index))) return 'stop';
    const subject = subjectBefore(before, note);
    const passiveAgent = /\bby\s+((?:the\s+)?[\w'’ .-]{2,40})/.exec(text.slice(hit.index));
    if (!writerSide(subject.replace(/^\s*(?:during|after|at|on|following|before)\b[^,]*?(?=[A-Z])/i, ''), note)) return null;
    if (passiveAgent && /\b(?:was|were|been|is|are)\s*$/.test(before) && !writerSide(passiveAgent[1], note)) return null;
    const after = text.slice(hit.index + hit.text.length);
    let phrases = recipientPhrases(after);
    // "Referred Amira for an assessment", "gave Gavin's name to the police": the object right after
    // the verb is who or what was passed on; the recipient is the "to"/"with" phrase, if any.
    const direct = /^\s*(?:on\s+)?\S/.test(after) ? phrases[0] ?? '' : '';
    const toPhrase = [...after.matchAll(/\bto\s+(\S+)/g)].some((m) => !INFINITIVE.test(m[1]));
    if (direct && (/^referr/i.test(hit.text) || CONTENT_OBJECT.test(direct.trim()) || (toPhrase && !TELL_VERB.test(hit.text)))) phrases = phrases.slice(1);
    // "I told Mum that a referral to CAMHS had been made": after told/informed, only the person told.
    else if (NEEDS_PROFESSIONAL.test(hit.text)) phrases = phrases.slice(0, 1);
    let parties = phrases.map((p) => (MEETING_RECIPIENT.test(p.trim()) ? 'professional' : classifyParty(p, note.people)));
    let pronounRecipient = false;
    if (parties.every((p) => p === 'unknown')) {
      const pronoun = /^\s*(?:him|her|them)\b/i.test(after) || /\bto\s+(?:him|her|them)\b/i.test(after);
      if (pronoun) {
        pronounRecipient = true;
        const resolved = resolveFromContext(scope, index, note, before);
        parties = [resolved.party];
        phrases = [resolved.phrase];
      }
    }
    const professional = parties.includes('professional');
    if (!professional && (parties.includes('family') || parties.includes('child') || parties.includes('writer'))) return null;
    if (!professional && NEEDS_PROFESSIONAL.test(hit.text)) return null;
    const recipient = phrases[professional ? parties.indexOf('professional') : 0] ?? '';
    const rest = after.replace(recipient, '').replace(/\b(?:at|on)\s+\d[\d:/.]*\b/g, '');
    const passive = /\b(?:was|were|been|is|are|be)\s+$/i.test(before) || /^\s*$/.test(subject) && /^(?:referral|ppn|copy|a copy|the)/i.test(text.trim());
    // A note of the conversation sent to someone who took part in it (named earlier, not as absent).
    const keys = partyKeys(recipient || phrases.join(' '));
    if (RECORD_OF_TALK.test(text)) {
      const earlier = presentText(scope.sentences.slice(0, index)).toLowerCase();
      if (pronounRecipient || keys.some((k) => new RegExp(`\\b${escapeRegExp(k)}\\b`).test(earlier))) return 'stop';
    }
    const missingWhat = !passive && !DOCUMENT.test(subject) && rest.trim().split(/\s+/).filter((w) => w.length > 2).length < 2 && !/\b(?:it|this|these|them|the same)\b/i.test(after);
    return { sentence, recipient, keys, decisionNotToShare: false, missingWhat, pronounRecipient };
  }
}

/** Every person named as a recipient ("to DS Lane and Ms Bell") was named earlier in the entry. */
const ABSENT = /\b(?:apologies|absent|not\s+present|(?:unable\s+to|could\s+not|couldn['’]t|did\s+not|didn['’]t)\s+attend)\b/i;

/** The words of earlier sentences, without the clauses naming people who were absent. */
function presentText(earlier: Sentence[]): string {
  return earlier
    .flatMap((s) => s.text.split(/(?<!\b[A-Z])[.;]\s/))
    .filter((clause) => !ABSENT.test(clause))
    .join(' ');
}

function sentToParticipants(after: string, earlier: Sentence[]): boolean {
  const to = /\bto\s+(.+)$/.exec(after)?.[1] ?? '';
  const names = [...to.matchAll(/\b(?:Mr|Mrs|Ms|Miss|Dr|DC|DS|PC|DI)\.?\s+([A-Z][\w'’-]+)/g)].map((m) => m[1]);
  if (!names.length || /\band\s+to\s+(?:the\s+)?[a-z]/i.test(to)) return false;
  // Someone who sent apologies or could not attend did not take part.
  const before = presentText(earlier);
  return names.every((n) => before.includes(n));
}

function mentionsRecipient(text: string, event: SharingEvent): boolean {
  const lower = text.toLowerCase();
  return event.keys.some((k) => new RegExp(`\\b${escapeRegExp(k)}\\b`).test(lower));
}

const CONSENT_AGREED = /\bagreed\b.{0,80}\b(?:shar|pass|tell|contact|refer|speak|report|sen[dt]|update|inform|minutes|could|can|may|me\s+\w+ing)/i;
/** "what we agreed", "the agreed actions", "as agreed": what professionals agreed to do, not consent. */
const AGREED_PLAN = /\bwhat\s+(?:we|I|they|you|he|she)\s+(?:had\s+)?agreed\b|\b(?:the|as|actions?|plan|decisions?)\s+agreed\b|\bagreed\s+(?:actions?|plan|next\s+steps|outcomes?)\b/i;
const SHORT_AGREEMENT = /^(?:\S+\s+){0,4}(?:agreed|consented|said yes|was happy with this|were happy with this)\.?$/i;

interface ConsentFinding {
  found: boolean;
  unexplainedRefusal: boolean;
}

/** A consent statement that names where the information may go, and it is not this event's recipient. */
function consentNamesOtherRecipient(text: string, event: SharingEvent): boolean {
  if (!event.keys.length) return false;
  const to = /\b(?:passed|shared|sent|referred|given|told|going)\s+(?:on\s+)?(?:to|with)\s+(?:the\s+|an?\s+|her\s+|his\s+|their\s+)?([\w'’-]+(?:\s+[\w'’-]+)?)|\brefer\s+(?:her|him|them|me|us)\s+to\s+(?:the\s+|an?\s+)?([\w'’-]+)/i.exec(text);
  if (!to) return false;
  const named = (to[1] ?? to[2] ?? '').toLowerCase();
  return !event.keys.some((k) => named.includes(k));
}

function consentFor(event: SharingEvent, scope: Scope, events: SharingEvent[], lexicon: Lexicon): ConsentFinding {
  const many = events.filter((e) => !e.decisionNotToShare).length > 1;
  let unexplained = false;
  for (let i = 0; i < scope.sentences.length; i++) {
    const text = maskQuotes(scope.sentences[i].text);
    const previous = i > 0 ? scope.sentences[i - 1].text : '';
    const words = findAll(lexicon.consent, text).filter(
      (m) => !/^agreed$/i.test(m.text) || (!AGREED_PLAN.test(text.slice(Math.max(0, m.index - 20), m.index + 20)) && (CONSENT_AGREED.test(text) || RELATED.test(text.replace(/\bagreed\b/gi, '')))),
    );
    const agreedShort = SHORT_AGREEMENT.test(text.trim()) && RELATED.test(previous);
    if (!words.length && !agreedShort) continue;
    const namesOther = event.keys.length > 0 && events.some((e) => e !== event && !e.decisionNotToShare && mentionsRecipient(text, e) && !mentionsRecipient(text, event));
    if (many && namesOther) continue;
    // "She agreed to her details being passed to the IDVA service": consent for that referral only.
    if (!mentionsRecipient(text, event) && consentNamesOtherRecipient(text, event)) continue;
    if (findAll(lexicon.consentNegative, text).length) {
      const next = scope.sentences[i + 1]?.text ?? '';
      if (!findAll(lexicon.reason, text).length && !findAll(lexicon.reason, next).length) {
        unexplained = true;
        continue;
      }
    }
    return { found: true, unexplainedRefusal: false };
  }
  return { found: false, unexplainedRefusal: unexplained };
}

function purposeFor(event: SharingEvent, scope: Scope, events: SharingEvent[], lexicon: Lexicon): boolean {
  const i = scope.sentences.indexOf(event.sentence);
  const own = maskQuotes(event.sentence.text);
  if (findAll(lexicon.purpose, own).length) return true;
  return scope.sentences.some((s, j) => {
    if (j === i) return false;
    const text = maskQuotes(s.text);
    // The purpose of a confirming email ("to confirm what we agreed") is not why this was shared;
    // nor is the purpose of another disclosure in the entry.
    if (FOLLOW_UP.test(text) || RECORD_OF_TALK.test(text)) return false;
    if (events.some((e) => e !== event && !e.decisionNotToShare && mentionsRecipient(text, e) && !mentionsRecipient(text, event))) return false;
    const adjacent = ((j === i - 1 || j === i + 1) && RELATED.test(text)) || (j === i + 1 && /^\s*(?:he|she|they|this|it)\s+(?:needs?|needed|wants?|asked|requires?|is|was|will)\b/i.test(text)) || (j > i && j <= i + 4 && /^\s*(?:purpose|reason)\b/i.test(text));
    const related = adjacent || (mentionsRecipient(text, event) && RELATED.test(text));
    return related && findAll(lexicon.purpose, text).length > 0;
  });
}

function whomFor(event: SharingEvent, scope: Scope): boolean {
  if (event.recipient) return true;
  if (/\b(?:to|with)\s+(?:the\s+|her\s+|his\s+|their\s+)?[A-Z]/.test(event.sentence.text)) return true;
  const i = scope.sentences.indexOf(event.sentence);
  const previous = scope.sentences[i - 1]?.text ?? '';
  return /\b(?:to|with)\s+(?:the\s+|her\s+|his\s+|their\s+)?[A-Z\w]/.test(previous) && RELATED.test(previous);
}

export const sharingRationaleMissing: RuleDefinition = {
  id: 'sharing-rationale-missing',
  defaultSeverity: 'warning',
  lexicon: lexiconData,
  docs: {
    description: 'Finds information shared with another person or agency (or a decision not to share) without a record of what was shared, with whom, why, and the consent position.',
    why: 'Every decision to share information, or not to share it, must be explainable later to the family, to a court or to a review. Without the reasons and the consent position, nobody can tell whether the sharing was necessary, proportionate and lawful, and the family cannot see why their information went where it did.',
    guidance: [
      { source: 'The principles of safeguarding: information sharing (seven key points)', passage: 'Always record the reasons for your decision – whether it is to share information or not. Record what you have shared, with whom and for what purpose.' },
      { source: 'The 10 principles from serious case reviews', passage: 'Record every information-sharing decision: what was shared, with whom and why.' },
    ],
    examples: [
      { poor: 'I passed on the concerns about the home conditions to the health visitor.', good: 'With Ms B.\'s consent (given at today\'s visit), I told the health visitor, Amy Lord, about the state of the kitchen and the broken boiler, so that she can check on Ruby\'s weight at her next visit.' },
      { poor: 'I did not tell Ava\'s school about the planned move.', good: 'I did not tell Ava\'s school about the planned move, because the refuge address must stay confidential and school does not need it to keep Ava safe this month.' },
    ],
  },
  check({ note, lexicon }: RuleContext): RuleReport[] {
    return checkEachScope(caches, lexicon, note, (scope) => checkScope(note, scope, lexicon));
  },
};

const caches = new WeakMap<Lexicon, ScopeCache>();

/** Findings for the sharing events recorded in one entry. */
function checkScope(note: CaseNote, scope: Scope, lexicon: Lexicon): RuleReport[] {
  const reports: RuleReport[] = [];
  const events = findEvents(scope, note, lexicon);
  for (const event of events) {
    const { sentence } = event;
    const endsWithStop = /[.!?]["”’)]*$/.test(sentence.text);
    const stop = endsWithStop ? '' : '.';
    if (event.decisionNotToShare) {
      const i = scope.sentences.indexOf(sentence);
      const next = scope.sentences[i + 1]?.text ?? '';
      const own = maskQuotes(sentence.text);
      if (findAll(lexicon.reason, own).length || /\b(?:because|this is because|the reason)\b/i.test(next)) continue;
      // "I did not give it to her: she asked me not to", or a next sentence setting out the grounds.
      const explained = (t: string) => findAll(lexicon.reason, t).length > 0 || findAll(lexicon.notSharingGrounds ?? [], t).length > 0;
      const afterDecision = own.slice(findAll(lexicon.notSharing, own)[0]?.index ?? 0);
      const colon = /\s[:–—-]\s*(.+)$|:\s*(.+)$/.exec(afterDecision);
      if ((colon && explained(colon[1] ?? colon[2] ?? '')) || (next && explained(maskQuotes(next)))) continue;
      reports.push({
        start: sentence.start,
        end: sentence.end,
        message: 'This records a decision not to share information but not the reason for it. Record why you decided not to share, so the decision can be understood and explained later.',
        fixes: [{ title: 'Add the reason for not sharing', isPreferred: true, edits: [{ start: sentence.end, end: sentence.end, newText: `${stop} I decided not to share this because [the reason, and whether consent or the person's wishes were part of it].` }] }],
      });
      continue;
    }
    const missing: string[] = [];
    const lines: string[] = [];
    // Lines added by the quick fix ("Shared: [...]. Purpose: [...].") follow the sentence.
    const at = scope.sentences.indexOf(sentence);
    const next = scope.sentences.slice(at + 1, at + 5).map((s) => s.text).join('\n');
    if (event.missingWhat && !/^\s*shared:/im.test(next)) {
      missing.push('what was shared');
      lines.push('Shared: [what information was shared].');
    }
    if (!whomFor(event, scope) && !/^\s*shared with:/im.test(next)) {
      missing.push('who it was shared with');
      lines.push('Shared with: [name, role and agency].');
    }
    if (!purposeFor(event, scope, events, lexicon)) {
      missing.push('why it was shared');
      lines.push('Purpose: [why it was shared and what it should achieve].');
    }
    const consent = consentFor(event, scope, events, lexicon);
    if (!consent.found) {
      if (consent.unexplainedRefusal) {
        missing.push('why consent was not sought');
        lines.push('Consent was not sought because [the reason].');
      } else {
        missing.push('the consent position');
        lines.push('Consent: [given by whom and when / refused, and shared anyway because … / not sought because …].');
      }
    }
    if (!missing.length) continue;
    const list = missing.length > 1 ? `${missing.slice(0, -1).join(', ')} or ${missing[missing.length - 1]}` : missing[0];
    reports.push({
      start: sentence.start,
      end: sentence.end,
      message: `This records information being shared but not ${list}. Every sharing decision needs what was shared, with whom, why, and whether consent was given, refused or not sought (and why).`,
      fixes: [{ title: `Add the missing sharing details (${missing.join(', ')})`, isPreferred: true, edits: [{ start: sentence.end, end: sentence.end, newText: `${stop} ${lines.join(' ')}` }] }],
    });
  }
  return reports;
}

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
import { cutPhrase, findAll, maskQuotes } from '../../core/text';
import { classifyParty, partyKeys, type Party } from '../../core/people';
import { findMentions } from '../../core/mentions';
import type { Lexicon } from '../../core/types';
import { perScope, type ScopeCache } from '../../core/scope-cache';
import lexiconData from './lexicon.json';

const FUTURE = /\b(?:will|would|shall|could|can|may|might|should|must|going to|plan(?:s|ned)? to|intend(?:s|ed)? to|need(?:s|ed)? to|to be|that I could|that we could|whether I could|if I could|agreed to|before)\s+(?:\w+\s+){0,2}$/i;
const ACTION_ITEM = /^\s*(?:[-*]|\d+[.)])?\s*(?:SW|[A-Z][a-z]+|school|police|the \w+)\s+to\s*$/;
const FOLLOW_UP = /\bconfirm(?:ing|ed)?\s+(?:what|our|the\s+(?:call|conversation|discussion|actions|decisions|points|outcome)|that\s+(?:I|we)\s+had\s+(?:asked|told|discussed))|\bfollow(?:ed|ing)?\s+(?:this|it|that)?\s*up\b|\bfollowing\s+(?:our|the)\s+(?:call|conversation|discussion|meeting)|\bsetting\s+out\s+the\s+same|\bas\s+discussed\b|\bsets?\s+out\b.{0,60}\b(?:told|said|discussed)\b/i;
const NEEDS_PROFESSIONAL = /^(?:told|informed|updated|notified|alerted|briefed|gave|provided|let|made|disclosed)/i;
const RELATED = /\b(?:shar(?:e|ed|ing)|tell|told|pass(?:ed|ing)?|refer(?:red|ral)?|consent(?:ed)?|agree(?:d|ment)?|update[ds]?|inform(?:ed)?|sen[dt]|e-?mail(?:ed)?|information|contact)\b/i;
const SUBJECT_BREAK = /[.;:]|\b(?:and|but|then|so|after|before|when|while|which|who)\b/;

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
  const cut = (s: string) => cutPhrase(s.split(/\s+(?:by|via|with|under|including|confirming|telling|asking)\s+/)[0]).trim();
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
    const professional = parties.indexOf('professional');
    if (professional >= 0) return { party: 'professional', phrase: phrases[professional] };
    if (parties.includes('child')) return { party: 'child', phrase: '' };
    if (parties.includes('family')) return { party: 'family', phrase: '' };
    // The nearest person named is most likely the one meant, even if we cannot tell who they are.
    return { party: 'unknown', phrase: phrases[0] };
  }
  return { party: 'unknown', phrase: '' };
}

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
      if (!parties.includes('child') || parties.includes('professional')) {
        events.push({ sentence, recipient: phrases[0] ?? '', keys: partyKeys(phrases.join(' ')), decisionNotToShare: true, missingWhat: false });
      }
      return;
    }
    const hit = findAll(lexicon.sharing, text)[0];
    if (!hit) return;
    const before = text.slice(0, hit.index);
    if (FUTURE.test(before) || ACTION_ITEM.test(before)) return;
    // "Both parents agreed to a closure letter being sent to school": a consent statement.
    if (findAll(lexicon.consent, before).length && /\b(?:being|be)\s+$/.test(before)) return;
    if (findAll(lexicon.incoming, text).length || FOLLOW_UP.test(text) || findAll(lexicon.aboutWriter, text).length) return;
    // Minutes or a record sent only to those who attended are not a new disclosure.
    if (findAll(lexicon.attendees, text).length && !/\band\s+(?:to\s+)?(?:[A-Z]|the\s+\w+)/.test(text.slice(findAll(lexicon.attendees, text)[0].index))) return;
    // Minutes sent to the people named as taking part earlier in the entry are not a disclosure.
    if (/\b(?:minutes|record|notes|decisions|summary)\b/i.test(text) && sentToParticipants(text.slice(hit.index), scope.sentences.slice(0, index))) return;
    const subject = before.split(SUBJECT_BREAK).pop() ?? '';
    const passiveAgent = /\bby\s+((?:the\s+)?[\w'’ .-]{2,40})/.exec(text.slice(hit.index));
    if (!writerSide(subject.replace(/^\s*(?:during|after|at|on|following|before)\b[^,]*?(?=[A-Z])/i, ''), note)) return;
    if (passiveAgent && /\b(?:was|were|been|is|are)\s*$/.test(before) && !writerSide(passiveAgent[1], note)) return;
    const after = text.slice(hit.index + hit.text.length);
    // "I told Mum that a referral to CAMHS had been made": after told/informed, only the person told.
    const phrases = NEEDS_PROFESSIONAL.test(hit.text) ? recipientPhrases(after).slice(0, 1) : recipientPhrases(after);
    let parties = phrases.map((p) => classifyParty(p, note.people));
    if (parties.every((p) => p === 'unknown')) {
      const pronoun = /^\s*(?:him|her|them)\b/i.test(after) || /\bto\s+(?:him|her|them)\b/i.test(after);
      if (pronoun) {
        // "I emailed Mrs Lane... I told her that...": the same disclosure, told in more detail.
        if (events.length && events[events.length - 1].sentence.index >= sentence.index - 2 && !events[events.length - 1].decisionNotToShare) return;
        const resolved = resolveFromContext(scope, index, note, before);
        parties = [resolved.party];
        phrases.splice(0, phrases.length, resolved.phrase);
      }
    }
    const professional = parties.includes('professional');
    if (!professional && (parties.includes('family') || parties.includes('child') || parties.includes('writer'))) return;
    if (!professional && NEEDS_PROFESSIONAL.test(hit.text)) return;
    const recipient = phrases[professional ? parties.indexOf('professional') : 0] ?? '';
    const rest = after.replace(recipient, '').replace(/\b(?:at|on)\s+\d[\d:/.]*\b/g, '');
    const passive = /\b(?:was|were|been|is|are|be)\s+$/i.test(before) || /^\s*$/.test(subject) && /^(?:referral|ppn|copy|a copy|the)/i.test(text.trim());
    const missingWhat = !passive && !DOCUMENT.test(subject) && rest.trim().split(/\s+/).filter((w) => w.length > 2).length < 2 && !/\b(?:it|this|these|them|the same)\b/i.test(after);
    events.push({ sentence, recipient, keys: partyKeys(recipient || phrases.join(' ')), decisionNotToShare: false, missingWhat });
  });
  return events;
}

/** Every person named as a recipient ("to DS Lane and Ms Bell") was named earlier in the entry. */
function sentToParticipants(after: string, earlier: Sentence[]): boolean {
  const to = /\bto\s+(.+)$/.exec(after)?.[1] ?? '';
  const names = [...to.matchAll(/\b(?:Mr|Mrs|Ms|Miss|Dr|DC|DS|PC|DI)\.?\s+([A-Z][\w'’-]+)/g)].map((m) => m[1]);
  if (!names.length || /\band\s+to\s+(?:the\s+)?[a-z]/i.test(to)) return false;
  const before = earlier.map((s) => s.text).join(' ');
  return names.every((n) => before.includes(n));
}

function mentionsRecipient(text: string, event: SharingEvent): boolean {
  const lower = text.toLowerCase();
  return event.keys.some((k) => new RegExp(`\\b${k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(lower));
}

const CONSENT_AGREED = /\bagreed\b.{0,80}\b(?:shar|pass|tell|contact|refer|speak|report|sen[dt]|update|inform|minutes|could|can|may|me\s+\w+ing)/i;
const SHORT_AGREEMENT = /^(?:\S+\s+){0,4}(?:agreed|consented|said yes|was happy with this|were happy with this)\.?$/i;

interface ConsentFinding {
  found: boolean;
  unexplainedRefusal: boolean;
}

function consentFor(event: SharingEvent, scope: Scope, events: SharingEvent[], lexicon: Lexicon): ConsentFinding {
  const many = events.filter((e) => !e.decisionNotToShare).length > 1;
  let unexplained = false;
  for (let i = 0; i < scope.sentences.length; i++) {
    const text = maskQuotes(scope.sentences[i].text);
    const previous = i > 0 ? scope.sentences[i - 1].text : '';
    const words = findAll(lexicon.consent, text).filter((m) => !/^agreed$/i.test(m.text) || CONSENT_AGREED.test(text) || RELATED.test(text.replace(/\bagreed\b/gi, '')));
    const agreedShort = SHORT_AGREEMENT.test(text.trim()) && RELATED.test(previous);
    if (!words.length && !agreedShort) continue;
    const namesOther = event.keys.length > 0 && events.some((e) => e !== event && !e.decisionNotToShare && mentionsRecipient(text, e) && !mentionsRecipient(text, event));
    if (many && namesOther) continue;
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

function purposeFor(event: SharingEvent, scope: Scope, lexicon: Lexicon): boolean {
  const i = scope.sentences.indexOf(event.sentence);
  const own = maskQuotes(event.sentence.text);
  if (findAll(lexicon.purpose, own).length) return true;
  return scope.sentences.some((s, j) => {
    if (j === i) return false;
    const text = maskQuotes(s.text);
    const adjacent = ((j === i - 1 || j === i + 1) && RELATED.test(text)) || (j > i && j <= i + 4 && /^\s*(?:purpose|reason)\b/i.test(text));
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
    let cache = caches.get(lexicon);
    if (!cache) caches.set(lexicon, (cache = new Map()));
    return note.scopes.flatMap((scope) => perScope(cache!, scope, note, () => checkScope(note, scope, lexicon)));
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
      if (findAll(lexicon.reason, own).length || (/\b(?:because|this is because|the reason)\b/i.test(next))) continue;
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
    if (!purposeFor(event, scope, lexicon)) {
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

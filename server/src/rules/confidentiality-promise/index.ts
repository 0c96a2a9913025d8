/**
 * confidentiality-promise: a sentence recording that the writer (or another professional)
 * promised a child to keep what they said secret or not to tell anyone ("I told her I would not
 * tell anyone", "I promised Jay it would stay between us", "she asked me not to tell Mum and I
 * agreed").
 *
 * Not flagged: the writer explaining that they cannot keep it secret, or that they must share it;
 * a promise that is itself denied ("I did not promise..."); the child asking for secrecy with no
 * promise recorded; promises of something else; confidentiality explained to adults; promises made
 * by the family or by the child; a promise of secrecy made to an adult.
 */
import type { FixSpec, RuleContext, RuleDefinition, RuleReport } from '../rule';
import type { CaseNote, Scope, Sentence } from '../../core/document';
import type { Lexicon } from '../../core/types';
import { findAll } from '../../core/text';
import { type ScopeCache, checkEachScope } from '../../core/scope-cache';
import { classifyWho, maskSpeech, subjectOfClause, quoteSpans, resolvePronoun, type QuoteSpan, type Who } from '../../core/speech';
import lexiconData from './lexicon.json';

/** The stretch of the sentence (plain-text indices) that records the promise. */
interface Found {
  from: number;
  to: number;
  /** Rewrite "made me promise" as the request it was, and add the reassurance after the sentence. */
  madeMePromise?: boolean;
}

const CHEAP = /secret|between|confiden|private|tell|say|said|share|pass|keep|further|find out|know|lips|promis|word|repeat|mention|agree|swore|swear/i;
const CONTRACTED_NOT = String.raw`(?:can|could|would|wo|did|do|does|is|was|were|are|should|must|have|has|had|sha)n['’]?t`;
const NEG_BEFORE = new RegExp(String.raw`\b(?:not|never|cannot|unable\s+to|no\s+longer|${CONTRACTED_NOT})\s+(?:(?:be\s+able\s+to|able\s+to|promise(?:\s+to)?|agree(?:\s+to)?|always|just|simply|really|necessarily|that|going\s+to)\s+){0,3}$`, 'i');
const NEG_VERB = new RegExp(String.raw`\b(?:not|never|without|cannot|unable\s+to|refused\s+to|refuse\s+to|avoided|avoid|declined\s+to|rather\s+than|instead\s+of|careful\s+not\s+to|${CONTRACTED_NOT})\s+(?:(?:to|really|actually|ever|even|explicitly|specifically|directly|once|at\s+any\s+point|make\s+(?:a|any)|give\s+(?:a|any))\s+)?$`, 'i');
const REQUEST_BEFORE = /\b(?:asked|begged|wanted|made|got|urged|pleaded\s+with|would\s+like)\s+(?:me|us|sw|the\s+worker|the\s+sw)\s+(?:to\s+)?$/i;
const TO_WRITER = /^\s+(?:to\s+)?(?:me|us|sw|the\s+worker|myself)\b/i;
const NOT_AN_OBJECT = /^(?:that|i|it|we|she|he|they|this|these|those|what|not|to|would|will|never|everything|anything|nothing|nobody|no|none|there|if|whether|how|when|so|and|but|as|because|on|at|in|with|a|an|yes|ok|okay|was|were|is|are|my|our|being)$/i;
const PRONOUN = /^(?:him|her|them|he|she|they)$/i;
const CHILD_CUE = /\b(?:(?:his|her|their|your)\s+(?:mum|mummy|mam|mom|mother|dad|daddy|father|parents?|carers?|foster\s+carers?|nan|nana|gran|grandma|grandad|step-?dad|step-?mum|stepfather|stepmother|teacher|teachers|school|brother|sister)|mummy|daddy|(?:his|her|their)\s+mum['’]s\s+(?:boyfriend|partner))\b/i;
const WEAK_CHILD_CUE = /\b(?:mum|dad|parents|carers|foster\s+carers?|teacher|school|nan|gran|M|F)\b/;

function quoteAt(quotes: QuoteSpan[], index: number): QuoteSpan | undefined {
  return quotes.find((q) => index > q.open && index < q.close);
}

/** Who the promise was made to, as written right after the verb ("promised Jay", "told her", "said to C"). */
function objectAfter(masked: string, end: number): string | null {
  const m = /^\s+(?:to\s+)?((?:the\s+|her\s+|his\s+|their\s+|my\s+|our\s+)?[\w'’.-]+(?:\s+[A-Z][\w'’.-]*)?)/.exec(masked.slice(end));
  if (!m) return null;
  const first = m[1].split(/\s+/)[0];
  if (NOT_AN_OBJECT.test(first)) return null;
  return m[1].replace(/[.,;:]+$/, '');
}

interface Ctx {
  note: CaseNote;
  scope: Scope;
  sentence: Sentence;
}

function whoIs(phrase: string, before: string, ctx: Ctx): Who {
  const p = phrase.trim();
  if (!p) return 'writer';
  const last = p.split(/\s+/).pop() ?? '';
  if (PRONOUN.test(last)) return resolvePronoun(last, before, ctx.sentence, ctx.scope, ctx.note.people);
  // "The class teacher Mrs Jones", "On Monday I": the whole phrase, or failing that its last word.
  const who = classifyWho(p, ctx.note.people);
  return who !== 'unknown' ? who : classifyWho(last, ctx.note.people);
}

/** The person promised secrecy is a child (or might be: only a clear adult rules it out). */
function promisedToChild(masked: string, verbEnd: number, secrecyText: string, rest: string, ctx: Ctx): boolean {
  const object = objectAfter(masked, verbEnd);
  const cue = CHILD_CUE.test(secrecyText) || CHILD_CUE.test(rest);
  if (object && !PRONOUN.test(object)) {
    const who = classifyWho(object, ctx.note.people);
    return who === 'child' || (who === 'unknown' && !/^(?:my|our)\b/i.test(object));
  }
  if (cue) return true;
  const who = resolvePronoun(object ?? 'they', masked.slice(0, verbEnd), ctx.sentence, ctx.scope, ctx.note.people);
  if (who === 'adult' || who === 'professional' || who === 'writer') return !object && WEAK_CHILD_CUE.test(rest);
  return true;
}

/** The writer or another professional: never the child, the family or someone unknown by name. */
function promiserIsProfessional(masked: string, verbIndex: number, ctx: Ctx, lexicon: Lexicon): boolean {
  const subject = subjectOfClause(masked, verbIndex);
  const who = whoIs(subject.phrase, masked.slice(0, subject.at), ctx);
  if (who === 'writer' || who === 'professional') return true;
  // "night staff member Dean", "the TA": roles the record's cast does not name.
  return who === 'unknown' && !PRONOUN.test(subject.phrase) && findAll(lexicon.professionals, subject.phrase).length > 0;
}

function requesterIsChild(masked: string, index: number, ctx: Ctx): boolean {
  const subject = subjectOfClause(masked, index);
  if (!subject.phrase) return true;
  const who = whoIs(subject.phrase, masked.slice(0, subject.at), ctx);
  if (who === 'child' || who === 'unknown') return true;
  // "she asked me not to tell mum": whoever "she" is, she is not the mum to be kept in the dark.
  return PRONOUN.test(subject.phrase) && who === 'adult' && WEAK_CHILD_CUE.test(masked.slice(index, index + 60));
}

const AGREEMENT_ONLY = /^\s*(?:and\s+)?(?:I|sw|we)\s+(?:agreed|promised|said\s+(?:I\s+would(?:n['’]?t|\s+not)?|I\s+won['’]?t|ok(?:ay)?|yes|that\s+(?:was|would\s+be)\s+(?:fine|ok(?:ay)?)|of\s+course))\b[^.?!]{0,40}[.!]?\s*$/i;

function findPromise(ctx: Ctx, index: number, lexicon: Lexicon): Found | null {
  const raw = ctx.sentence.text;
  // The quick word test knows only the shipped lists; configured words skip it.
  if (lexicon === lexiconData && !CHEAP.test(raw)) return null;
  // Any sign that the child was told it must be shared: not a promise of secrecy.
  if (findAll(lexicon.disclosure, raw).length) return null;
  const masked = maskSpeech(raw);
  const quotes = quoteSpans(raw);

  // The child asks for secrecy and the writer agrees: "she asked me not to tell Mum and I agreed".
  for (const request of findAll(lexicon.childRequest, masked)) {
    if (!requesterIsChild(masked, request.index, ctx)) continue;
    if (/\b(?:made|got)\s+(?:me|us|sw|the\s+worker|the\s+sw)\s+(?:to\s+)?(?:promise|swear)\b/i.test(request.text)) {
      const before = masked.slice(0, request.index);
      if (!NEG_VERB.test(before) && !/\b(?:tried|wanted|try|attempted)\s+to\s+$/i.test(before)) return { from: request.index, to: request.index + request.text.length, madeMePromise: true };
    }
    const after = masked.slice(request.index + request.text.length);
    const agreed = findAll(lexicon.agreement, after)[0];
    if (agreed) {
      const at = request.index + request.text.length + agreed.index;
      return { from: at, to: at + agreed.text.length };
    }
  }
  // "She asked me not to tell her mum. I agreed." (dictated text may split the request further back).
  for (let k = index - 1; k >= Math.max(0, index - 2) && AGREEMENT_ONLY.test(masked); k--) {
    const previous = ctx.scope.sentences[k];
    if (previous.block !== ctx.sentence.block && k < index - 1) break;
    const prevMasked = maskSpeech(previous.text);
    const request = findAll(lexicon.childRequest, prevMasked)[0];
    if (request && !findAll(lexicon.disclosure, previous.text).length && requesterIsChild(prevMasked, request.index, { ...ctx, sentence: previous })) {
      const agreed = findAll(lexicon.agreement, masked)[0];
      if (agreed) return { from: agreed.index, to: agreed.index + agreed.text.length };
    }
  }

  const verbs = findAll(lexicon.promiseVerbs, masked).filter((v) => {
    const before = masked.slice(0, v.index);
    if (NEG_VERB.test(before) || REQUEST_BEFORE.test(before)) return false;
    // A passive ("she would get told off", "was told") is nobody promising anything.
    if (/\b(?:get|gets|got|getting|be|been|being|was|were|is|are)\s+$/i.test(before)) return false;
    if (TO_WRITER.test(masked.slice(v.index + v.text.length))) return false;
    return true;
  });
  if (!verbs.length) return null;
  for (const secrecy of findAll(lexicon.secrecy, raw)) {
    const quote = quoteAt(quotes, secrecy.index);
    const secrecyEnd = secrecy.index + secrecy.text.length;
    if (NEG_BEFORE.test(raw.slice(Math.max(quote ? quote.open + 1 : 0, secrecy.index - 50), secrecy.index))) continue;
    // The nearest promise verb before it whose speaker is the writer or a professional ("Dean told Kyle he
    // would keep what Kyle said…": not "said"); or, failing that, one after it ("It would stay between us, I told her").
    const candidates = [...verbs.filter((v) => v.index < secrecy.index).reverse(), ...verbs.filter((v) => v.index >= secrecyEnd)];
    const verb = candidates.find((v) => {
      if (quote) {
        // Words in quotes count only when the writer (or a professional) said them…
        const between = masked.slice(v.index < quote.open ? v.index + v.text.length : quote.close + 1, v.index < quote.open ? quote.open : v.index);
        // …unless someone else is introduced as saying them ("…and Jay said 'it's our secret'").
        if (/\b(?:said|says|asked|replied|told\s+(?:me|us|her|him|them|\w+)|shouted|cried|whispered|answered|added)\s*[,:]?\s*$/i.test(between)) return false;
      }
      return promiserIsProfessional(masked, v.index, ctx, lexicon);
    });
    if (!verb) continue;
    const verbEnd = verb.index + verb.text.length;
    const rest = raw.slice(Math.min(verbEnd, secrecy.index));
    if (!promisedToChild(masked, verbEnd, secrecy.text, rest, ctx)) continue;
    const end = Math.max(quote ? quote.close + 1 : secrecyEnd, verb.index < secrecy.index ? secrecyEnd : verbEnd);
    const start = Math.min(verb.index, secrecy.index, quote ? quote.open : secrecy.index);
    return { from: start, to: end };
  }
  return null;
}

/**
 * The fix never rewrites what happened: the promise stays in the record as it was made. It adds
 * the next step the guidance expects (go back to the child, explain honestly that this cannot stay
 * secret, who must know and why, and talk to a manager), as a line to complete. A later sentence of
 * the entry that records that explanation settles the finding (see `corrected`).
 */
const FOLLOW_UP = 'Follow-up on this promise: I will explain to [the child\'s name] by [when] that I cannot keep what they told me secret, who I must share it with ([name and role]) and why. I discussed this with my manager, [name], on [date].';

function fixesFor(note: CaseNote, sentence: Sentence): FixSpec[] {
  // After the paragraph (or list item, or table cell) the promise is in, as a paragraph of its own.
  const block = note.blocks.find((b) => b.start <= sentence.start && sentence.start < b.end);
  const at = block ? block.end : sentence.end;
  const inTable = block?.kind === 'cell';
  const lineEnd = inTable ? note.text.indexOf('\n', at) : -1;
  const insertAt = inTable ? (lineEnd < 0 ? note.text.length : lineEnd) : at;
  return [{
    title: 'Add the next step: explain to the child that this cannot stay secret',
    isPreferred: true,
    edits: [{ start: insertAt, end: insertAt, newText: `\n\n${FOLLOW_UP}${inTable ? '\n' : ''}` }],
  }];
}

/** A later sentence records explaining to the child that what they said cannot stay secret. */
const CORRECTION = /\b(?:explain(?:ed|s)?|told|tell|let\s+\S+\s+know|went back)\b[^.]{0,120}\b(?:cannot|can't|can’t|could not|couldn't|couldn’t|can not|would not be able to|unable to|not able to)\s+(?:\w+\s+){0,2}(?:keep|stay|promise)\b/i;

function corrected(later: Sentence[]): boolean {
  return later.some((s) => CORRECTION.test(s.text));
}

const MESSAGE = 'This records a promise to keep what a child said secret. A child must never be promised confidentiality: what they tell you may have to be shared to keep them safe, and a promise that is then broken can stop them telling anyone again. Go back to the child soon, explain honestly that you cannot keep it secret, who needs to know and why, talk to your manager, and record what you said.';

const caches = new WeakMap<Lexicon, ScopeCache>();

function checkScope(note: CaseNote, scope: Scope, lexicon: Lexicon): RuleReport[] {
  const reports: RuleReport[] = [];
  scope.sentences.forEach((sentence, index) => {
    const found = findPromise({ note, scope, sentence }, index, lexicon);
    if (!found) return;
    if (corrected(scope.sentences.slice(index + 1))) return;
    reports.push({ start: sentence.start, end: sentence.end, message: MESSAGE, fixes: fixesFor(note, sentence) });
  });
  return reports;
}

export const confidentialityPromise: RuleDefinition = {
  id: 'confidentiality-promise',
  defaultSeverity: 'error',
  lexicon: lexiconData,
  docs: {
    description: 'Finds a record that you (or another professional) promised a child to keep what they said secret or not to tell anyone.',
    why: 'When a child tells you something worrying, you may have to share it to keep them safe. A promise of secrecy is one you cannot keep: when it is broken the child can feel betrayed and may stop telling anyone, and the record shows a promise that should never have been made. Reassure the child, explain honestly who you will need to tell and why, and record what you said.',
    guidance: [
      { source: 'The principles of safeguarding (practitioner guide)', passage: 'Where concerns arise as a result of information given by a child it is important to reassure the child but not to promise confidentiality.' },
    ],
    examples: [
      { poor: 'Amy asked me not to tell her mum and I promised it would stay between us.', good: 'Amy asked me not to tell her mum. I told her she had done the right thing in telling me, and explained that I could not keep it a secret because I need to make sure she is safe; I would need to tell my manager and the social worker today, and I would tell her what happens next.' },
      { poor: 'I reassured him I wouldn\'t tell anyone.', good: 'I reassured Kai that he was not in trouble, and explained that I would have to share what he told me with the DSL, Mrs Okoro, so that she could help keep him safe.' },
    ],
  },
  check({ note, lexicon }: RuleContext): RuleReport[] {
    return checkEachScope(caches, lexicon, note, (scope) => checkScope(note, scope, lexicon));
  },
};

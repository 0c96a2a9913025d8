/**
 * leading-question: a question recorded as asked of a child that suggests its answer — a closed
 * (yes/no or either/or) question that names an act of harm, its cause, or a person as the one who
 * harmed them, or a question that carries its answer in its form ("He hurt you, didn't he?",
 * "Is it true that…"). Direct ("I asked 'Did Daddy hit you?'") and reported ("I asked him
 * whether his mum had smacked him") questions both count.
 *
 * Not flagged: open questions ("What happened?", "Tell me about your arm"); closed questions about
 * everyday matters; questions asked of adults or by the child; questions the writer says they did
 * not ask, or plans to ask.
 */
import type { RuleContext, RuleDefinition, RuleReport } from '../rule';
import type { CaseNote, Scope, Sentence } from '../../core/document';
import type { Lexicon } from '../../core/types';
import { findAll } from '../../core/text';
import { findMentions } from '../../core/mentions';
import { type ScopeCache, checkEachScope } from '../../core/scope-cache';
import { classifyWho, maskSpeech, subjectOfClause, quoteSpans, resolvePronoun, type QuoteSpan, type Who } from '../../core/speech';
import lexiconData from './lexicon.json';

type Reason = 'harm' | 'cause' | 'person' | 'fear' | 'form';
type QuestionKind = 'direct' | 'reported' | 'confirm';

interface Question {
  content: string;
  kind: QuestionKind;
  /** Who it was put to, as written ("Jay", "him", "the child"), when the sentence says. */
  addressee: string | null;
  /** The text before the addressee, for resolving a pronoun. */
  before: string;
}

interface Ctx {
  note: CaseNote;
  scope: Scope;
  sentence: Sentence;
  index: number;
}

const CHEAP = /\?|ask|question|enquir|inquir|quer|put it to|wanted to know|checked with|prompted|pressed/i;
/** An ask the writer says did not happen, or has not happened yet. */
const NOT_ASKED = /(?:\b(?:not|never|without|avoid(?:ed|ing)?|will|shall|should|going\s+to|plan(?:s|ned)?\s+to|intend(?:s|ed)?\s+to|need(?:s|ed)?\s+to|want(?:s|ed)?\s+to|would|may|might|must|refrain(?:ed)?\s+from|instead\s+of|rather\s+than|to\s+be|be|can|could)|n['’]t)\s+(?:(?:to|really|actually|ever|even|explicitly|specifically|directly|then|once|go\s+on\s+to|be|any)\s+)?$/i;
const PASSIVE = /\b(?:was|were|been|being|got|get|is|are)\s+(?:\w+\s+)?$/i;
const OBJECT = /^\s*(?:(?:to|of)\s+)?((?:[Tt]he\s+|[Hh]er\s+|[Hh]is\s+|[Tt]heir\s+|[Mm]y\s+|[Oo]ur\s+)?(?:[A-Z][\w'’.-]*['’]s\s+(?:foster\s+|step-?)?[a-z][\w-]*|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?|me|us|him|her|them|c|yp|cyp|mum|dad|mother|father|child|children|boys|girls|boy|girl|both|nan|gran|sw)(?:\s*\(\d{1,2}\))?)(?=[\s,:;"“‘'?.]|$)/;
const NOT_AN_OBJECT = /^(?:if|whether|what|how|who|where|when|why|which|did|does|do|is|was|were|are|has|have|had|can|could|would|will|about|to|a|an|it|i|that|this|again|further|directly|specifically|open|questions?|some|several|lots|for)$/i;
const PRONOUN = /^(?:him|her|them|he|she|they)$/i;
const TO_WRITER = /^(?:me|us|sw|myself)$/i;
const OPEN_START = /^(?:what|what['’]s|how|who|whom|whose|where|when|why|which|tell|describe|explain|talk|show|draw|can\s+you\s+(?:tell|show|describe|explain|talk|draw|help|remember)|could\s+you\s+(?:tell|show|describe|explain|talk|draw)|would\s+you\s+(?:like\s+to\s+)?(?:tell|show|describe|explain|talk|draw)|will\s+you\s+(?:tell|show)|is\s+there\s+anything|are\s+you\s+able\s+to\s+(?:tell|describe|show)|do\s+you\s+want\s+to\s+(?:tell|talk|say|show)|anything\s+else)\b/i;
const AUX_START = /^(?:did|does|do|is|was|were|are|has|have|had|can|could|would|will|shall|should|am|might|may|didn['’]t|doesn['’]t|don['’]t|isn['’]t|wasn['’]t|weren['’]t|aren['’]t|hasn['’]t|haven['’]t|hadn['’]t|won['’]t|wouldn['’]t|can['’]t|couldn['’]t)\b/i;
const FILLER = /^(?:(?:so|and|but|ok|okay|right|well|now|then|also|and\s+then|just|oh|hmm|sweetheart|darling|love|mate|buddy)\b[,\s]*)+/i;
/** Where a reported question ends: a stop, or the child's answer starting. */
const ANSWER_VERB = String.raw`(?:said|says|replied|answered|nodded|shook|told|shrugged|looked|didn['’]?t|became|started|laughed|cried|went|stated|explained|responded|denied|confirmed|agreed|paused|whispered|did\s+not|was\s+quiet|stopped)`;
const QUESTION_END = new RegExp(String.raw`[.;!?]|\s[-–—]\s|(?:,\s*|\s+(?:and|but|to\s+which|which|so)\s+)(?:he|she|they|I|C|YP|it|[A-Z][a-z]+)\s+${ANSWER_VERB}\b|\s+(?:he|she|they|C|YP)\s+(?:said|says|replied|answered|nodded|shook|shrugged|denied|confirmed|didn['’]?t\s+answer|did\s+not\s+answer|went\s+quiet)\b|,\s*(?:and\s+)?(?:he|she|they|C|YP)\b`);
const SPEAKER_LABEL = /^\s*(?:SW|Q|Me|I|Worker|Social\s+worker|Interviewer|Question|PC\s+\w+|DC\s+\w+|Officer|Teacher|DSL|Nurse|HV)\s*[:\-–]\s*/i;
const CHILD_LABEL = /^\s*(?:C|Child|A|Answer|YP|CYP|Response)\s*[:\-–]\s*/i;
const SPEECH_VERB = /\b(?:asked|said|questioned|enquired|inquired|queried|replied|responded|answered|added|put\s+it\s+to|wanted\s+to\s+know|checked|prompted|pressed)\b/gi;

function whoIs(phrase: string, before: string, ctx: Ctx): Who {
  const p = phrase.trim().replace(/\s*\(\d{1,2}\)$/, '');
  if (!p) return 'writer';
  const last = p.split(/\s+/).pop() ?? '';
  if (PRONOUN.test(last)) return resolvePronoun(last, before, ctx.sentence, ctx.scope, ctx.note.people);
  const who = classifyWho(p, ctx.note.people);
  return who !== 'unknown' ? who : classifyWho(last, ctx.note.people);
}

/** A parent named as a child names them ("Did Dad…", "Mummy"), not "your dad" or "her partner". */
const CHILD_NAMING = /(?<!\b(?:[Yy]our|[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Mm]y|[Aa])\s)\b(?:Mum|Mummy|Dad|Daddy|Mam|Mammy|Nan|Nana|Nanny|Grandad|Grandma|Granny)\b/;
const ORGANISATION = /^(?:school|academy|college|nursery|surgery|practice|hospital|team|service|police|council)$/i;

/** Who the record was talking with just before the question: the subject of the nearest sentence. */
function addresseeInContext(before: string, ctx: Ctx): Who {
  const texts = [before, ...ctx.scope.sentences.slice(Math.max(0, ctx.index - 4), ctx.index).reverse().map((s) => s.text)];
  for (const text of texts) {
    const masked = maskSpeech(text);
    const mentions = findMentions(masked, ctx.note.people).filter((m) => (m.kind === 'child' || m.kind === 'adult') && !ORGANISATION.test(m.text));
    if (!mentions.length) continue;
    const subject = mentions.find((m) => !m.oblique) ?? mentions[0];
    if (subject.kind === 'child') return 'child';
    const who = classifyWho(subject.text, ctx.note.people);
    return who === 'unknown' ? 'adult' : who;
  }
  return 'unknown';
}

/** The question was put to a child, as far as the record shows (only a clear adult rules it out). */
function askedOfChild(q: Question, ctx: Ctx, lexicon: Lexicon): boolean {
  const childCue = findAll(lexicon.childCues, q.content).length > 0 || (q.kind === 'direct' && CHILD_NAMING.test(q.content));
  const adultCue = findAll(lexicon.adultCues, q.content).length > 0;
  if (q.addressee && !PRONOUN.test(q.addressee)) {
    const who = whoIs(q.addressee, q.before, ctx);
    if (who === 'child') return true;
    if (who === 'unknown') return !adultCue;
    return false;
  }
  if (childCue && !adultCue) return true;
  if (adultCue && !childCue) return false;
  const who = q.addressee
    ? resolvePronoun(q.addressee, q.before, ctx.sentence, ctx.scope, ctx.note.people)
    : addresseeInContext(q.before, ctx);
  return who === 'child' || who === 'unknown';
}

function namesPerson(part: string, ctx: Ctx, lexicon: Lexicon): boolean {
  if (findAll(lexicon.people, part).length) return true;
  // A named adult in the record ("Did Lee do this?").
  for (const m of part.matchAll(/(?<=\s)[A-Z][a-z'’-]+\b/g)) {
    const kind = ctx.note.people.named.get(m[0].toLowerCase());
    if (kind === 'family' || kind === 'professional') return true;
  }
  return false;
}

const DO_THIS = /\b(?:do|did|done|does|doing)\s+(?:this|that|it|those|these)\b/i;
const GAVE = /\b(?:gave|give|given)\s+(?:you|him|her|them)\s+(?:that|this|those|these|it)\b/i;
const WAS_IT = /\b(?:was|is|were)\s+it\s+(?:your\s+|his\s+|her\s+|their\s+)?\S+/i;
const EITHER_OR = /\bor\b/i;

/** An injury is being talked about: in this sentence or the few before it in the entry. */
function injuryInContext(ctx: Ctx, lexicon: Lexicon): boolean {
  return ctx.scope.sentences.slice(Math.max(0, ctx.index - 4), ctx.index + 1).some((s) => findAll(lexicon.injury, s.text).length > 0);
}

function reasonFor(part: string, kind: QuestionKind, ctx: Ctx, lexicon: Lexicon): Reason | null {
  const text = part.replace(FILLER, '').replace(/^[A-Z][a-z]+,\s+/, '').trim();
  if (!text) return null;
  const form = kind === 'confirm' || findAll(lexicon.answerInForm, text.replace(/\?+\s*$/, '?')).length > 0;
  if (!form && OPEN_START.test(text)) return null;
  const harm = findAll(lexicon.harm, text).length > 0;
  const injury = findAll(lexicon.injury, text).length > 0;
  const person = namesPerson(text, ctx, lexicon);
  let reason: Reason | null = null;
  if (harm) reason = 'harm';
  else if (injury && findAll(lexicon.cause, text).length) reason = 'cause';
  else if (findAll(lexicon.accidents, text).length && (injury || injuryInContext(ctx, lexicon))) reason = 'cause';
  else if (person && (DO_THIS.test(text) || GAVE.test(text) || (WAS_IT.test(text) && namesPerson(text.slice(WAS_IT.exec(text)!.index), ctx, lexicon)) || (EITHER_OR.test(text) && /\b(?:was\s+it|who)\b/i.test(text)))) reason = 'person';
  else if (findAll(lexicon.fear, text).some((m) => namesPerson(text.slice(m.index + m.text.length, m.index + m.text.length + 30), ctx, lexicon))) reason = 'fear';
  if (reason) return form ? 'form' : reason;
  if (form && findAll(lexicon.blame, text).length) return 'form';
  return null;
}

/** The questions in what was asked: each stretch ending in a question mark, or a dictated question. */
function questionParts(q: Question): string[] {
  if (q.kind !== 'direct') return [q.content];
  const marked = q.content.match(/[^?]+\?/g);
  if (!marked) return AUX_START.test(q.content.replace(FILLER, '').trim()) ? [q.content] : [];
  // "I know it hurts. Did Daddy do it?": only the question itself.
  return marked.map((s) => s.split(/[.!]\s+/).pop()!.replace(/\?+$/, '').trim()).filter(Boolean);
}

function leadingReason(q: Question, ctx: Ctx, lexicon: Lexicon): Reason | null {
  const parts = questionParts(q);
  for (const part of parts) {
    const reason = reasonFor(part, q.kind, ctx, lexicon);
    if (reason) return reason;
  }
  return null;
}

function quoteAt(quotes: QuoteSpan[], index: number): QuoteSpan | undefined {
  return quotes.find((q) => index >= q.open && index <= q.close);
}

/** The reported or dictated question that starts at `from`, up to where the answer starts. */
function questionText(raw: string, from: number): string {
  // A question is a few dozen words at most; the window keeps long run-on dictation linear.
  const rest = raw.slice(from, from + 300);
  const end = QUESTION_END.exec(rest);
  return (end ? rest.slice(0, end.index) : rest).trim();
}

/** A name the record knows, written in lower case as dictation leaves it ("asked connor did…"). */
function knownName(after: string, ctx: Ctx): RegExpExecArray | null {
  const m = /^\s+([a-z][\w'’-]*)(?=[\s,:;]|$)/.exec(after);
  return m && ctx.note.people.named.has(m[1]) ? m : null;
}

/** Questions asked with a verb in this sentence: "I asked Jay whether…", "asked him 'Did…?'". */
function askedQuestions(ctx: Ctx, raw: string, masked: string, quotes: QuoteSpan[], lexicon: Lexicon, used: Set<QuoteSpan>): Question[] {
  const out: Question[] = [];
  for (const verb of findAll(lexicon.askVerbs, masked)) {
    if (quoteAt(quotes, verb.index)) continue;
    const before = masked.slice(0, verb.index);
    if (NOT_ASKED.test(before)) continue;
    const isSaid = /^(?:said|says)/i.test(verb.text);
    let addressee: string | null = null;
    let addresseeBefore = before;
    let at = verb.index + verb.text.length;
    if (PASSIVE.test(before)) {
      const subject = subjectOfClause(masked, before.search(/\b(?:was|were|been|being|got|get|is|are)\s+(?:\w+\s+)?$/i));
      addressee = subject.phrase || null;
      addresseeBefore = masked.slice(0, subject.at);
      const agent = /^\s+by\s+((?:the\s+)?[\w'’.-]+(?:\s+[A-Z][\w'’.-]*)?)/i.exec(masked.slice(at));
      if (agent) {
        if (whoIs(agent[1], masked.slice(0, at), ctx) === 'child') continue;
        at += agent[0].length;
      }
    } else {
      const subject = subjectOfClause(masked, verb.index);
      if (whoIs(subject.phrase, masked.slice(0, subject.at), ctx) === 'child') continue;
      const object = OBJECT.exec(masked.slice(at)) ?? knownName(masked.slice(at), ctx);
      if (object && !NOT_AN_OBJECT.test(object[1].split(/\s+/)[0])) {
        if (TO_WRITER.test(object[1])) continue;
        addressee = object[1];
        addresseeBefore = masked.slice(0, at);
        at += object[0].length;
      }
    }
    const after = raw.slice(at);
    const lead = /^[\s,:;-]*/.exec(after)![0].length;
    const start = at + lead;
    const quote = quotes.find((q) => q.open === start) ?? (lead <= 3 ? quotes.find((q) => q.open >= start && q.open <= start + 3) : undefined);
    if (quote) {
      used.add(quote);
      out.push({ content: raw.slice(quote.open + 1, quote.close), kind: 'direct', addressee, before: addresseeBefore });
      // "…'What happened?' and then 'Did Daddy do it?'": further quoted questions in the same ask.
      for (const next of quotes.filter((q) => q.open > quote.close)) {
        const gap = masked.slice(quote.close + 1, next.open);
        if (SPEECH_VERB.test(gap)) break;
        SPEECH_VERB.lastIndex = 0;
        used.add(next);
        out.push({ content: raw.slice(next.open + 1, next.close), kind: 'direct', addressee, before: addresseeBefore });
      }
      SPEECH_VERB.lastIndex = 0;
      continue;
    }
    if (isSaid) continue;
    // The ask runs to the end of the sentence, or to where the answer starts.
    const region = masked.slice(start);
    const confirm = /^(?:(?:him|her|them)\s+)?to\s+(?:confirm|agree|say)\s+(?:that|whether|if)?\s*/i.exec(region);
    if (confirm) {
      out.push({ content: questionText(raw, start + confirm[0].length), kind: 'confirm', addressee, before: addresseeBefore });
      continue;
    }
    if (AUX_START.test(region) || /^was\s+it\b/i.test(region)) {
      out.push({ content: questionText(raw, start), kind: 'direct', addressee, before: addresseeBefore });
      continue;
    }
    const window = region.slice(0, 400);
    const stop = QUESTION_END.exec(window);
    const scopeOfAsk = stop && /^[.;!?]/.test(stop[0]) ? window.slice(0, stop.index) : window;
    for (const m of scopeOfAsk.matchAll(/\b(?:whether|if)\b\s*/gi)) {
      const from = start + m.index! + m[0].length;
      const text = questionText(raw, from).split(/\b(?:whether|if)\b/i)[0];
      const formTrue = /^it\s+(?:was|is)\s+(?:true|right)\s+that\b/i.test(text);
      out.push({ content: text, kind: formTrue ? 'confirm' : 'reported', addressee, before: addresseeBefore });
    }
  }
  return out;
}

/** The subject of an ask in a sentence right after a quoted question: `"Did he hit you?" I asked him.` */
function askedInNext(ctx: Ctx): { ok: boolean; addressee: string | null } {
  const next = ctx.scope.sentences[ctx.index + 1];
  if (!next) return { ok: false, addressee: null };
  const m = /^\s*(?:((?:the\s+)?[\w'’.-]+(?:\s+[A-Z][\w'’.-]*)?)\s+)?(?:asked|questioned|enquired|inquired|queried|said)\b\s*((?:the\s+)?[\w'’.-]+(?:\s*\(\d{1,2}\))?)?[^.?!]{0,30}[.!]?\s*$/i.exec(maskSpeech(next.text));
  if (!m) return { ok: false, addressee: null };
  if (m[1] && classifyWho(m[1], ctx.note.people) === 'child') return { ok: false, addressee: null };
  const object = m[2] && !NOT_AN_OBJECT.test(m[2]) ? m[2] : null;
  if (object && TO_WRITER.test(object)) return { ok: false, addressee: null };
  return { ok: true, addressee: object };
}

/** "I asked Jay:" on the line before a list of questions, or a "Questions asked" label. */
function leadIn(ctx: Ctx): { ok: boolean; addressee: string | null } {
  if (/question/i.test(ctx.sentence.label) && !/child|answer|response|views|wishes/i.test(ctx.sentence.label)) return { ok: true, addressee: null };
  for (let k = ctx.index - 1; k >= Math.max(0, ctx.index - 8); k--) {
    const s = ctx.scope.sentences[k];
    const text = maskSpeech(s.text).trim();
    if (/:\s*$/.test(text) && /\b(?:asked|questions?|enquired|said)\b/i.test(text)) {
      const subject = subjectOfClause(text, text.search(/\b(?:asked|questions?|enquired|said)\b/i));
      if (classifyWho(subject.phrase, ctx.note.people) === 'child') return { ok: false, addressee: null };
      const object = /\basked\s+((?:the\s+)?[\w'’.-]+)/i.exec(text)?.[1] ?? null;
      return { ok: true, addressee: object && !NOT_AN_OBJECT.test(object) ? object : null };
    }
    if (!s.block.listItem && !ctx.sentence.block.listItem) break;
    if (!s.block.listItem) break;
  }
  return { ok: false, addressee: null };
}

/** A bold speaker label right before the sentence ("**SW:** Did…"). */
function labelledBy(sentence: Sentence, pattern: RegExp): boolean {
  return sentence.block.labels.some((l) => l.after <= sentence.plainStart && sentence.plainStart - l.after <= 2 && pattern.test(`${l.text}:`));
}

function questionsIn(ctx: Ctx, lexicon: Lexicon): Question[] {
  const raw = ctx.sentence.text;
  // The quick word test knows only the shipped lists; configured words skip it.
  if (lexicon === lexiconData && !CHEAP.test(raw)) return [];
  const masked = maskSpeech(raw);
  const quotes = quoteSpans(raw);
  const used = new Set<QuoteSpan>();
  const out = askedQuestions(ctx, raw, masked, quotes, lexicon, used);
  const childSpeaks = CHILD_LABEL.test(raw) || labelledBy(ctx.sentence, CHILD_LABEL);
  if (childSpeaks) return out;
  const writerSpeaks = SPEAKER_LABEL.test(raw) || labelledBy(ctx.sentence, SPEAKER_LABEL);
  // Quoted questions with no ask verb before them.
  const pending = quotes.filter((q) => !used.has(q) && raw.slice(q.open + 1, q.close).includes('?'));
  if (pending.length) {
    const sole = masked.replace(/["“”‘’']/g, '').trim() === '' || /^\s*["“‘']/.test(raw);
    for (const q of pending) {
      const before = masked.slice(0, q.open);
      const after = masked.slice(q.close + 1);
      const verbBefore = [...before.matchAll(SPEECH_VERB)].pop();
      const tail = /^\s*[,.]?\s*(?:((?:the\s+)?[\w'’.-]+(?:\s+[A-Z][\w'’.-]*)?)\s+)?(?:asked|said|questioned|enquired|inquired)\b\s*((?:the\s+)?[\w'’.-]+)?/i.exec(after);
      let ok = false;
      let addressee: string | null = null;
      if (verbBefore) {
        const subject = subjectOfClause(masked, verbBefore.index!);
        const object = OBJECT.exec(masked.slice(verbBefore.index! + verbBefore[0].length));
        if (object && TO_WRITER.test(object[1])) continue;
        if (whoIs(subject.phrase, masked.slice(0, subject.at), ctx) === 'child') continue;
        ok = /^(?:asked|said|questioned|enquired|inquired|queried|put|wanted|checked|prompted|pressed)/i.test(verbBefore[0]);
        addressee = object && !NOT_AN_OBJECT.test(object[1].split(/\s+/)[0]) ? object[1] : null;
      } else if (tail) {
        if (tail[1] && whoIs(tail[1], before, ctx) === 'child') continue;
        if (tail[2] && TO_WRITER.test(tail[2])) continue;
        ok = true;
        addressee = tail[2] && !NOT_AN_OBJECT.test(tail[2]) ? tail[2] : null;
      } else if (writerSpeaks) {
        ok = true;
      } else if (sole) {
        const next = askedInNext(ctx);
        const lead = next.ok ? next : leadIn(ctx);
        ok = lead.ok;
        addressee = lead.addressee;
      }
      if (ok) out.push({ content: raw.slice(q.open + 1, q.close), kind: 'direct', addressee, before });
    }
  }
  // A bare question: "SW: Did Mummy hurt you?", a list under "I asked Jay:", or "Did he hit you? I asked."
  if (!quotes.length && /\?/.test(raw) && !out.length) {
    let content = raw;
    let context: { ok: boolean; addressee: string | null } = { ok: false, addressee: null };
    if (SPEAKER_LABEL.test(raw)) {
      content = raw.replace(SPEAKER_LABEL, '');
      context = { ok: true, addressee: null };
    } else if (writerSpeaks) {
      context = { ok: true, addressee: null };
    } else {
      context = askedInNext(ctx);
      if (!context.ok) context = leadIn(ctx);
    }
    if (context.ok) out.push({ content, kind: 'direct', addressee: context.addressee, before: '' });
  }
  return out;
}

const WHAT: Record<Reason, string> = {
  harm: 'it names an act of harm and invites a yes or no',
  cause: 'it offers an explanation of how the injury happened and invites a yes or no',
  person: 'it names who did it and invites a yes or no',
  fear: 'it names who the child is afraid of and invites a yes or no',
  form: 'the way it is asked carries the answer',
};

function message(reason: Reason): string {
  return `This question suggests its answer: ${WHAT[reason]}. Leading questions can put words in a child's mouth and can jeopardise a police investigation. If you need to ask, ask an open question such as 'What happened?' or 'Tell me about that', and record the child's answer in their own words.`;
}

const caches = new WeakMap<Lexicon, ScopeCache>();

function checkScope(note: CaseNote, scope: Scope, lexicon: Lexicon): RuleReport[] {
  const reports: RuleReport[] = [];
  scope.sentences.forEach((sentence, index) => {
    const ctx: Ctx = { note, scope, sentence, index };
    for (const q of questionsIn(ctx, lexicon)) {
      const reason = leadingReason(q, ctx, lexicon);
      if (!reason || !askedOfChild(q, ctx, lexicon)) continue;
      reports.push({ start: sentence.start, end: sentence.end, message: message(reason) });
      break;
    }
  });
  return reports;
}

export const leadingQuestion: RuleDefinition = {
  id: 'leading-question',
  defaultSeverity: 'warning',
  lexicon: lexiconData,
  docs: {
    description: 'Finds questions recorded as asked of a child that suggest their answer: yes/no questions that name an act of harm, how an injury happened or who did it, and questions such as "He hurt you, didn\'t he?" or "Is it true that…".',
    why: 'When a child may have been harmed, how they were asked matters as much as what they said. A question that names the act or the person ("Did Daddy hit you?") can put words in a child\'s mouth, makes their answer harder to rely on, and can jeopardise a police investigation or court case. Open questions ("What happened?", "Tell me about your arm") let the child tell it in their own words, and the record should show that.',
    guidance: [
      { source: 'The principles of safeguarding (practitioner guide)', passage: 'Remember that an allegation of child abuse or neglect may lead to a criminal investigation, so don’t do anything that may jeopardise a police investigation, such as asking a child leading questions or attempting to investigate the allegations of abuse.' },
    ],
    examples: [
      { poor: 'I asked Mia "Did Daddy hit you?" and she nodded.', good: 'I asked Mia "How did you get the mark on your arm?" She said "Daddy was cross and he grabbed me."' },
      { poor: 'I asked him whether his mum had smacked him.', good: 'I said "Tell me about your arm." Kai said "It hurts." I asked "What happened?" and he said he did not want to talk about it.' },
    ],
  },
  check({ note, lexicon }: RuleContext): RuleReport[] {
    return checkEachScope(caches, lexicon, note, (scope) => checkScope(note, scope, lexicon));
  },
};

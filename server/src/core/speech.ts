/**
 * Who said what to whom: quoted speech (including 'straight single quotes', which `maskQuotes`
 * leaves alone because they are usually apostrophes), and who a phrase or pronoun names — the
 * writer, another professional, the child, or another adult. Used by rules about what the writer
 * said to a child (promises of secrecy, leading questions) and about who told the writer something.
 *
 * Everything here is a pure function of its arguments; nothing is logged.
 */
import type { Scope, Sentence } from './document';
import { classifyParty, type People } from './people';
import { findMentions } from './mentions';
import { maskQuotes } from './text';
import { CHILD_WORDS, wordPattern } from './vocabulary';
import { sourceRange } from './markdown';

export interface QuoteSpan {
  /** Index of the opening mark. */
  open: number;
  /** Index of the closing mark (exclusive end of the inner text). */
  close: number;
}

/** 'Straight single quotes' around speech: opened after a space or colon, closed before a space or punctuation. */
const STRAIGHT_SINGLE = /(^|[\s(:\u2014\u2013-])'(?=[A-Za-z])([^'\n]*?(?:[A-Za-z]'[A-Za-z][^'\n]*?)*)'(?=[\s.,;:!?)\u2014\u2013-]|$)/g;

/** Quoted stretches of a sentence: "double", “curly”, ‘curly single’ and 'straight single' quotes. */
export function quoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const add = (re: RegExp, lead = 0) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const pre = lead ? (m[1] ?? '').length : 0;
      const open = m.index + pre;
      const close = m.index + m[0].length - 1;
      if (!spans.some((s) => open < s.close + 1 && close > s.open)) spans.push({ open, close });
    }
  };
  add(/"[^"]*"/g);
  add(/\u201c[^\u201d]*\u201d/g);
  add(/(^|[\s(:])\u2018[^\u2019]*\u2019(?=[\s.,;:!?)]|$)/g, 1);
  add(STRAIGHT_SINGLE, 1);
  return spans.sort((a, b) => a.open - b.open);
}

/** `maskQuotes`, and 'straight single-quoted' speech masked too, keeping every index. */
export function maskSpeech(text: string): string {
  const masked = maskQuotes(text);
  if (!masked.includes("'")) return masked;
  let out = masked;
  STRAIGHT_SINGLE.lastIndex = 0;
  for (let m = STRAIGHT_SINGLE.exec(masked); m; m = STRAIGHT_SINGLE.exec(masked)) {
    const open = m.index + m[1].length;
    const close = m.index + m[0].length - 1;
    out = out.slice(0, open + 1) + ' '.repeat(close - open - 1) + out.slice(close);
  }
  return out;
}

export type Who = 'writer' | 'professional' | 'child' | 'adult' | 'unknown';

const WRITER_PHRASE = /^(?:i|me|we|us|myself|ourselves|sw|the sw|social worker|the social worker|worker|the worker|writer|the writer|allocated (?:sw|worker|social worker)|the allocated (?:sw|worker|social worker)|student sw|student social worker|the student)$/i;
const CHILD_PHRASE = wordPattern([...CHILD_WORDS, 'boy', 'girl', 'the boy', 'the girl', 'kids', 'little one', 'young man', 'young woman', 'young people', 'yp', 'c1', 'c2']);
const PRONOUN = /^(?:he|she|they|him|her|them|his|their)$/i;
const FEMALE = /\b(?:mum|mummy|mother|mom|nan|nana|gran|grandma|grandmother|aunt|auntie|aunty|sister|daughter|girl|girlfriend|wife|stepmother|step-mother|stepmum|mrs|ms|miss|she|her|woman|lady|m)\b/i;
const MALE = /\b(?:dad|daddy|father|grandad|granddad|grandfather|uncle|brother|son|boy|boyfriend|husband|stepfather|step-father|stepdad|mr|he|him|his|man|lad|f)\b/i;

/**
 * Who a short phrase names ("Jay", "her nan", "the DSL", "SW", "C"). Pronouns and names the
 * record never introduces are `unknown`.
 */
export function classifyWho(phrase: string, people: People): Who {
  // "Kai's mum", "Jay's foster carer": the person is the one after the possessive.
  const p = phrase.trim().replace(/[.,:;]+$/, '').replace(/^.*['’]s\s+(?=\S)/, '');
  if (!p) return 'unknown';
  if (WRITER_PHRASE.test(p)) return 'writer';
  if (PRONOUN.test(p)) return 'unknown';
  const titled = /^(?:mr|mrs|ms|miss|mx|dr)\.?\s+\S/i.test(p);
  const tokens = p.split(/[\s,()]+/).map((t) => t.replace(/['’]s$/, '').toLowerCase());
  if (tokens.some((t) => people.writers.has(t))) return 'writer';
  if (tokens.some((t) => people.children.has(t))) return 'child';
  // "her mum", "Jay's dad": the possessive names another person, not the child.
  const party = classifyParty(p, people);
  if (party === 'child') return 'child';
  if (party === 'professional' || party === 'manager') return 'professional';
  if (party === 'writer') return 'writer';
  if (party === 'family') {
    if (/^(?:son|daughter|child|children|baby|the (?:child|children|baby)|c|yp)$/i.test(p)) return 'child';
    // A brother, sister or cousin may be a child or an adult.
    return /\b(?:brother|sister|sibling|siblings|cousin|cousins)$/i.test(p) ? 'unknown' : 'adult';
  }
  if (/^C\d?$/.test(p) || CHILD_PHRASE.test(p)) return 'child';
  // Children are not called "Ms Kowalska": a title names an adult the record has not placed.
  return titled ? 'adult' : 'unknown';
}

type Gender = 'female' | 'male' | 'any';

function genderOf(text: string): Gender {
  if (FEMALE.test(text) && !MALE.test(text)) return 'female';
  if (MALE.test(text) && !FEMALE.test(text)) return 'male';
  return 'any';
}

const resolveCache = new WeakMap<Sentence, Map<string, Who>>();

/**
 * Who a third-person pronoun in `sentence` most likely means: the nearest person mentioned
 * before it, in the sentence or the few before it in the entry, whose gender (as far as the words
 * tell) fits. `before` is the sentence's text up to the pronoun.
 */
export function resolvePronoun(pronoun: string, before: string, sentence: Sentence, scope: Scope, people: People): Who {
  before = before.slice(-LOOK_BACK);
  const key = `${pronoun.toLowerCase()}\u0000${before}`;
  let cache = resolveCache.get(sentence);
  if (!cache) resolveCache.set(sentence, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) return hit;
  const want: Gender = /^(?:she|her|hers)$/i.test(pronoun) ? 'female' : /^(?:he|him|his)$/i.test(pronoun) ? 'male' : 'any';
  const at = scope.sentences.indexOf(sentence);
  const texts = [before, ...scope.sentences.slice(Math.max(0, at - 4), Math.max(0, at)).reverse().map((s) => s.text)];
  let answer: Who = 'unknown';
  search: for (const text of texts) {
    const masked = maskSpeech(text);
    const mentions = findMentions(masked, people).filter((m) => m.kind === 'child' || m.kind === 'adult').reverse();
    for (const m of mentions) {
      const g = genderOf(m.text);
      if (want !== 'any' && g !== 'any' && g !== want) continue;
      answer = m.kind === 'child' ? 'child' : classifyWho(m.text, people);
      if (answer === 'unknown') answer = 'adult';
      break search;
    }
  }
  cache.set(key, answer);
  return answer;
}

/** Plain-text offsets of a sentence's stretch in the source, or null when markup sits inside it. */
export function sourceSpan(text: string, sentence: Sentence, from: number, to: number): { start: number; end: number } | null {
  const at = sentence.plainStart;
  if (sentence.block.map[at + from] === undefined || sentence.block.map[at + to - 1] === undefined) return null;
  const { start, end } = sourceRange(sentence.block, at + from, at + to);
  return text.slice(start, end) === sentence.text.slice(from, to) ? { start, end } : null;
}

const CLAUSE_CUT = /[,;:()]|\s[-–—]\s|\b(?:and|but|so|then|because|when|after|as|although|though|while|whilst|which|who|that|if|before|once)\b/gi;
const TRAILING_WORDS = /(?:\s+(?:then|also|have|had|has|did|does|do|was|were|just|again|further|later|would|could|must|may|might|should|both|all|even|never|ever|only|still|always|first|once|twice|began|started|continued|went\s+on|to|[a-z]+ly))+\s*$/i;
const SUBJECT_END = /^(?:i|we|she|he|they|you|sw|yp|cyp|c|m|f|mum|dad|mother|father|nan|gran|nana|grandma|grandad|parent|parents|carer|carers|child|children|boy|girl|son|daughter|brother|sister|staff|teacher|nurse|officer|police|school|worker|dsl|hv|gp|doctor|midwife|tutor|assistant|manager|adviser|advisor|who|[a-z]+(?:er|or|ist|ian))$/i;

/**
 * The subject of the clause a verb at `index` belongs to: the last few words before it, cut at
 * the clause break. Empty when the clause has no subject that could be a person, as in dictated
 * "…dad is not there reassured her…", where the writer is the unstated subject. A verb joined
 * by "and" to a clause with no subject of its own ("she asked and promised") takes that clause's.
 */
export function subjectOfClause(masked: string, index: number): { phrase: string; at: number } {
  // A subject is never far from its verb; looking back a few hundred characters keeps long run-on
  // dictation linear.
  const offset = Math.max(0, index - LOOK_BACK);
  const found = subjectIn(masked.slice(offset, index));
  return { phrase: found.phrase, at: found.at + offset };
}

const LOOK_BACK = 240;

function subjectIn(head: string): { phrase: string; at: number } {
  const index = head.length;
  const cuts: number[] = [0];
  CLAUSE_CUT.lastIndex = 0;
  for (let m = CLAUSE_CUT.exec(head); m; m = CLAUSE_CUT.exec(head)) cuts.push(m.index + m[0].length);
  for (let k = cuts.length - 1; k >= 0; k--) {
    const clause = head.slice(cuts[k]).replace(TRAILING_WORDS, '').trim();
    if (clause) {
      const words = clause.split(/\s+/).slice(-4);
      const last = words[words.length - 1].replace(/[.,'’]+$/, '').replace(/['’]s$/, '');
      if (!SUBJECT_END.test(last) && !/^[A-Z\[]/.test(last)) return { phrase: '', at: index };
      // "Mrs Ahmed told me she had asked": a pronoun is the whole subject.
      if (/^(?:i|we|she|he|they|you)$/i.test(last)) return { phrase: last, at: cuts[k] + head.slice(cuts[k]).lastIndexOf(words[words.length - 1]) };
      return { phrase: words.join(' '), at: cuts[k] + Math.max(0, head.slice(cuts[k]).lastIndexOf(words[0])) };
    }
    const joiner = head.slice(cuts[k - 1] ?? 0, cuts[k]);
    if (!/\b(?:and|then|but|so)\s*$/i.test(joiner)) break;
  }
  return { phrase: '', at: 0 };
}

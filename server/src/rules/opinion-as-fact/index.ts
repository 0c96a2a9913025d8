/**
 * opinion-as-fact: an evaluative judgement written as if it were an established fact.
 *
 * A sentence is flagged when it labels a person, their conduct or their home ("Mum was hostile",
 * "a devoted father", "the house was filthy"), claims to know someone's inner state or intent
 * ("he was lying", "she does not care"), asserts certainty about what was not observed
 * ("obviously", "clearly") or generalises ("always", "never") — unless it is attributed to a
 * source, marked as the writer's own judgement, written in a judgement section (Analysis,
 * Worker's view...), or is the words of someone quoted.
 */
import type { RuleContext, RuleDefinition, RuleReport } from '../rule';
import type { Sentence } from '../../core/document';
import { findAll, maskQuotes } from '../../core/text';
import { hasDate } from '../../core/dates';
import { isAdjective, tokens, type Token } from '../../core/nlp';
import lexiconData from './lexicon.json';
import { opinionFixes } from './fixes';
import { cacheFor, remembered } from '../../core/reuse';

type Kind = 'label' | 'certainty' | 'generalisation' | 'innerState' | 'condition';

interface Hit {
  kind: Kind;
  index: number;
  word: string;
}

const COPULA = /\b(?:(?:came|comes|come) across as|present(?:s|ed)? as|is|was|are|were|seems?|seemed|appears?|appeared|looks?|looked|became|becomes|been|remains?|remained|being|got|gets|grew|be|'s|’s|felt|feels)\s*$/i;
const HEDGE = /^(?:seems?|seemed|appears?|appeared|looks?|looked|(?:came|comes|come) across as|present(?:s|ed)? as)$/i;
const SOFTENER = /^(?:very|quite|a|an|the|bit|little|rather|extremely|really|so|too|somewhat|fairly|increasingly|often|sometimes|generally|usually|still|also|clearly|obviously|incredibly|highly|particularly|especially|more|most|less|much|far|not|never|always|completely|totally|utterly|absolutely|deeply|visibly|noticeably|overly|excessively|slightly|even|just|both|and|or|but|v|v\.|quite|such|pretty|being|somewhat|at|times|all|lot)$/i;
/** Who a judgement can be about: people, their conduct, their home. */
const SUBJECT_WORD = /\b(?:stepfather|stepmother|step-?dad|step-?mum|step-?father|step-?mother|grandparents?|granddad|grandad|grandma|uncle|aunt|auntie|aunty|boyfriend|girlfriend|husband|wife|ex-partner|twins|toddler|infant|pupil|student|young people|people|adults?|he|she|they|him|her|them|his|their|mum|mother|mom|father|dad|parents?|carers?|partner|male|female|man|woman|lady|boy|girl|lad|child|children|kids?|baby|family|household|couple|grandmother|grandfather|nan|gran|teenager|young (?:person|man|woman)|yp|neighbour|tenant|siblings?|brother|sister|son|daughter|staff|house|home|flat|property|room|bedroom|kitchen|bathroom|living room|lounge|garden|hallway|conditions|accommodation|premises|address|behaviour|parenting|attitude|manner|presentation|engagement|relationship|care|supervision|response|conduct|approach|lifestyle|m|f|c)\b/i;
const SUBJECT_NAME = /(?:^|[\s(])(?!(?:The|A|An|His|Her|Their|This|That|These|Those|It|At|In|On|When|During|After|Before|Today|Yesterday|Following|Both|All|There|We|I|As|If|Although|However|Also|Then|Later)\b)[A-Z][a-z'’.-]+/;
/** A particular occasion: a date without a year, a weekday, yesterday. */
const ONE_OCCASION = /\b\d{1,2}[/.]\d{1,2}\b|\bon (?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:yesterday|today|last (?:night|week))\b/i;

/** What a person's possessive subject may name for a judgement about them. */
const POSSESSED = /^(?:mother|father|mum|mom|dad|parents?|carers?|grandmother|grandfather|nan|gran|grandparents?|brother|sister|siblings?|son|daughter|stepfather|stepmother|uncle|aunt|auntie|husband|wife|family|friends?|behaviour|behavior|parenting|attitude|manner|presentation|engagement|care|caring|home|house|flat|room|bedroom|kitchen|relationship|conduct|approach|lifestyle|supervision|hygiene|cooperation|co-operation|response|temper|demeanour|mood|partner|boyfriend|girlfriend|parents|household|appearance)$/i;
const WRITER_SUBJECT = /(?:^|[\s,;])(?:I|we|I'm|I’m|I've|I’ve|I'd)\s+(?:\w+\s+){0,2}$/;
const CLAUSE_BREAK = /(?:[,;:(—–]|\s-\s|\b(?:and|but|because|when|while|whilst|as|although|though|who|which|that|so|if|whereas|after|before|since|until)\b)(?![^,;:(—–]*(?:[,;:(—–]|\b(?:and|but|because|when|while|whilst|as|although|though|who|which|that|so|if|whereas|after|before|since|until)\b))/i;

function clauseBefore(text: string, index: number): string {
  const before = text.slice(0, index);
  const m = CLAUSE_BREAK.exec(before);
  return m ? before.slice(m.index + m[0].length) : before;
}

/** The subject side of a clause: what comes before its verb. */
function hasPersonOrPlaceSubject(text: string, index: number): boolean {
  let clause = clauseBefore(text, index);
  // A relative clause ("a teenager who is rude") takes its subject from the clause before it.
  if (/^\s*(?:is|was|are|were)\b/i.test(clause) || !clause.trim()) clause = text.slice(0, index);
  // "Mum's attendance is good" is about attendance, not Mum: a possessive subject must name
  // conduct, care or a place.
  const bare = clause.replace(/(?:\b(?:has|have|had|been|being|will|would|can|could|may|might|must|should|does|did|do|not|also|still|always|never)\s+)+$/i, '');
  const possessive = /[\w.]+['’]s?\s+((?:[\w-]+\s+){0,3})$/.exec(bare);
  if (possessive && possessive[1].trim()) {
    const head = possessive[1].trim().split(/\s+/).pop()!.toLowerCase();
    if (!POSSESSED.test(head)) return false;
  }
  return (SUBJECT_WORD.test(clause) || SUBJECT_NAME.test(clause) || dictatedName(text, clause)) && !/^\s*(?:it|this|that|there)\b/i.test(clause);
}

/** Dictated text has no capitals, so a name standing alone as the subject is lower case: "kyle is...". */
function dictatedName(text: string, clause: string): boolean {
  if (/[A-Z]/.test(text)) return false;
  const words = clause.trim().split(/\s+/);
  return words.length >= 1 && words.length <= 2 && /^[a-z][a-z'’-]+$/.test(words[0]) && !NOT_A_NAME.test(words[0]) && (words.length === 1 || /^[a-z]$/.test(words[1]));
}

const NOT_A_NAME = /^(?:it|this|that|there|here|what|which|who|everything|nothing|something|anything|one|all|each|the|a|an|school|home|work|attendance|today|yesterday|everyone|nobody|somebody|someone|anyone)$/;

function writerIsSubject(text: string, index: number): boolean {
  return WRITER_SUBJECT.test(clauseBefore(text, index)) || /^\s*(?:I|we)\b/i.test(clauseBefore(text, index));
}

/** Labels after a copula, possibly softened ("was a bit over-anxious", "is controlling and dangerous"). */
function labelHits(text: string, lexicon: RuleContext['lexicon']): Hit[] {
  const hits: Hit[] = [];
  for (const m of findAll(lexicon.labels, text)) {
    const before = text.slice(0, m.index);
    // Walk back over softeners and other labels to the copula.
    const words = before.split(/(\s+)/);
    let i = words.length;
    let scanned = 0;
    while (i > 0 && scanned < 8) {
      const w = words[i - 1];
      if (!w.trim() || SOFTENER.test(w.replace(/[,]/g, '')) || lexicon.labels.includes(w.replace(/[,]/g, '').toLowerCase())) {
        i--;
        if (w.trim()) scanned++;
        continue;
      }
      break;
    }
    const head = words.slice(0, i).join('');
    const copula = COPULA.exec(head);
    // "Ellie's caring role" is a possessive, not "Ellie is caring".
    const possessive = copula && /^['’]s$/.test(copula[0].trim()) && !/^\s*(?:[.,;:!?)]|and\b|but\b|$)/.test(text.slice(m.index + m.text.length));
    if (copula && !possessive) {
      if (!hasPersonOrPlaceSubject(text, copula.index) || writerIsSubject(text, copula.index)) continue;
      // "appeared drowsy: his eyes kept closing" is an observation tied to a hedge.
      if (HEDGE.test(copula[0].trim()) && /[:—(]|\b(?:as|because|with|and (?:was|had|kept))\b/.test(text.slice(m.index + m.text.length))) continue;
      hits.push({ kind: 'label', index: m.index, word: m.text });
      continue;
    }
    // Attributive use before a person: "the aggressive father".
    const after = text.slice(m.index + m.text.length);
    if (/^\s+(?:mother|mum|father|dad|parents?|carers?|partner|man|woman|male|female|boy|girl|teenager|young (?:man|woman|person))\b/i.test(after) && /\b(?:a|an|the|this)\s+$/i.test(before)) {
      hits.push({ kind: 'label', index: m.index, word: m.text });
      continue;
    }
    // Shorthand without a verb: "Mum v hostile", "M very uncooperative".
    const clause = clauseBefore(text, m.index).trim();
    if (clause && clause.split(/\s+/).length <= 4 && /^(?:mum|dad|mother|father|m|f|mo|fa|[A-Z][a-z]+|(?:mr|mrs|ms|miss) \S+)(?:\s+(?:v|very|quite|really|extremely|so))?$/i.test(clause) && /^[\s,.]*(?:and|[.;]|$)/i.test(after)) {
      hits.push({ kind: 'label', index: m.index, word: m.text });
    }
  }
  return hits;
}

/** "is a devoted father", "a nightmare tenant", "a known drug user", "the more protective parent". */
function roleHits(sentence: string, text: string, lexicon: RuleContext['lexicon']): Hit[] {
  const hits: Hit[] = [];
  for (const m of findAll(lexicon.labelNouns, text)) {
    const before = text.slice(0, m.index);
    // Up to three modifiers between the article and the noun: "is a known drug user".
    const np = /\b(?:is|was|are|were|became|been|seems?|seemed|appears?|appeared|remains?|remained)\s+(?:\w+\s+){0,2}(?:a|an|the|such a)\s+(?:[\w’'-]+\s+){0,3}$/i.exec(before);
    if (!np || !hasPersonOrPlaceSubject(text, np.index)) continue;
    hits.push({ kind: 'label', index: m.index, word: m.text });
  }
  if (hits.length) return hits;
  // A role noun with an evaluative adjective before it: compromise decides what is an adjective.
  for (const m of findAll(lexicon.roleNouns, text)) {
    const before = text.slice(0, m.index);
    const np = /\b(?:is|was|are|were|seems?|seemed|appears?|appeared|became|been|remains?|remained)\s+(?:(?:very|quite|really|clearly|obviously|also|still|not|just|always|now|certainly|definitely)\s+)*(?:a|an|the|such a)\s+((?:[\w’'-]+,?\s+){1,4})$/i.exec(before);
    if (!np) continue;
    const modifiers = np[1].trim().split(/[\s,]+/).filter((w) => !/^(?:and|or|but|very|quite|really|much|far|more|most|so|rather|a|bit|little)$/i.test(w));
    if (!modifiers.length) continue;
    // Only the words from the verb to the noun are tagged ("was a devoted father"): enough context
    // for compromise to tell an adjective, at a fraction of the cost of the whole sentence.
    const toks = tokens(text.slice(np.index, m.index + m.text.length));
    const evaluative = modifiers.filter((w) => {
      const lower = w.toLowerCase();
      if (lexicon.neutralAdjectives.includes(lower) || /^\d/.test(w) || /-year-old$/.test(lower)) return false;
      if (lexicon.labels.includes(lower)) return true;
      const t = toks.find((k: Token) => k.lower === lower || k.lower.replace(/[^\w-]/g, '') === lower);
      return !!t && isAdjective(t) && !t.tags.has('ProperNoun') && !t.tags.has('Demonym');
    });
    if (!evaluative.length) continue;
    if (!hasPersonOrPlaceSubject(text, np.index)) continue;
    hits.push({ kind: 'label', index: m.index - np[1].length, word: `${np[1].trim()} ${m.text}`.replace(/\s+/g, ' ') });
  }
  return hits;
}

function certaintyHits(text: string, lexicon: RuleContext['lexicon']): Hit[] {
  const hits: Hit[] = [];
  for (const m of findAll(lexicon.certainty, text)) {
    const next = text.slice(m.index + m.text.length).trim().split(/[\s,.;:]+/).slice(0, 2).map((w) => w.toLowerCase());
    const prev = text.slice(0, m.index).trim().split(/\s+/).slice(-1)[0]?.toLowerCase() ?? '';
    const perceptual = (w: string | undefined) => !!w && lexicon.perception.includes(w);
    if (perceptual(next[0]) || (next[0] === 'be' && perceptual(next[1])) || (/^(?:could|can|was|were)$/.test(next[0]) && perceptual(next[1])) || perceptual(prev)) continue;
    if (writerIsSubject(text, m.index)) continue;
    hits.push({ kind: 'certainty', index: m.index, word: m.text });
  }
  return hits;
}

function generalisationHits(text: string, lexicon: RuleContext['lexicon']): Hit[] {
  const hits: Hit[] = [];
  for (const m of findAll(lexicon.generalisations, text)) {
    const before = text.slice(0, m.index);
    const after = text.slice(m.index + m.text.length);
    // "has never been known to CAMHS", "had always lived there": a fact of history, not a habit.
    if (/\b(?:has|have|had|'s|’s|'ve|’ve|would|will|could|should|must|can|may|might|did|does|do)\s+(?:not\s+)?$/i.test(before)) continue;
    if (/^\s+(?:been|before|again|once)\b/i.test(after)) continue;
    if (/^(?:never|always)$/i.test(m.text) && /\b(?:was|were)\s+$/i.test(before) && /^\s+(?:seen|told|offered|given|asked|invited|allowed|known)\b/i.test(after)) continue;
    if (writerIsSubject(text, m.index) || !hasPersonOrPlaceSubject(text, m.index)) continue;
    // "He never attended the appointment on 12/03" is one occasion, not a habit.
    if (/^(?:never|always)$/i.test(m.text) && (hasDate(after) || ONE_OCCASION.test(after))) continue;
    hits.push({ kind: 'generalisation', index: m.index, word: m.text });
  }
  return hits;
}

function phraseHits(text: string, words: readonly string[], kind: Kind): Hit[] {
  return findAll(words, text)
    .filter((m) => !writerIsSubject(text, m.index))
    .map((m) => ({ kind, index: m.index, word: m.text }));
}

/** True when the writer marks the sentence as their own judgement ("I think", "In my view"). */
function markedAsJudgement(text: string, lexicon: RuleContext['lexicon']): boolean {
  return findAll(lexicon.judgementMarkers, text).length > 0;
}

/**
 * True when the judgement at `index` is someone else's report: a reporting verb with another
 * subject comes before it ("the school said he is always late"), or the sentence ends in one
 * ("..., his teacher said.").
 */
function attributed(text: string, index: number, lexicon: RuleContext['lexicon']): boolean {
  for (const m of findAll(lexicon.reporting, text)) {
    const before = text.slice(0, m.index);
    const passiveToWriter = /\b(?:I|we)\s+(?:was|were|have been|had been|am)\s+$/i.test(before);
    const writerReports = !passiveToWriter && /(?:^|\s)(?:I|we)\s+(?:\w+ly\s+|also\s+|then\s+|have\s+|had\s+)?$/i.test(before);
    if (writerReports) continue;
    if (m.index < index) return true;
    if (/^(?:according to|reportedly|allegedly)$/i.test(m.text)) return true;
    // Trailing attribution: "..., the school said."
    const rest = text.slice(m.index + m.text.length);
    if (/,\s*(?:\S+\s+){0,4}$/.test(before) && /^\s*(?:to me|to police|to officers|to the police)?\s*[.!]?\s*$/i.test(rest)) return true;
  }
  return false;
}

/** Messages quote the word that made the judgement; `undefined` gives the redacted wording. */
const MESSAGES: Record<Kind, (w?: string) => string> = {
  label: (w) => `${w ? `"${w}"` : 'A label'} is a judgement written as a fact. Record what you saw or heard that led you to it, say who said it, or mark it as your professional judgement and give the evidence.`,
  certainty: (w) => `${w ? `"${w}"` : 'A certainty word'} presents an impression as certain. Record what you actually saw or heard, or mark this as your professional judgement and give the evidence.`,
  generalisation: (w) => `${w ? `"${w}"` : 'This'} is a sweeping generalisation. Record the particular occasions you know of (what happened and when), or say who told you.`,
  innerState: (w) => `${w ? `"${w}"` : 'This'} states what someone thinks, feels or intends as if it were known. Record what they said or did that shows it, or mark it as your professional judgement.`,
  condition: (w) => `${w ? `"${w}"` : 'This'} describes conditions subjectively. Record what you saw, smelt or found (what, where, how much), so a reader can judge for themselves.`,
};

/** Results per sentence text, per word list: a sentence that did not change is not re-read. */
const sentenceCache = new WeakMap<RuleContext['lexicon'], Map<string, Hit | null>>();
const SENTENCE_CACHE_LIMIT = 6000;

function checkSentence(sentence: Sentence, lexicon: RuleContext['lexicon']): Hit | null {
  if (sentence.judgement) return null;
  return remembered(cacheFor(sentenceCache, lexicon), SENTENCE_CACHE_LIMIT, () => sentence.text, () => readSentence(sentence.text, lexicon));
}

function readSentence(sentenceText: string, lexicon: RuleContext['lexicon']): Hit | null {
  const text = maskQuotes(sentenceText);
  if (!/[a-z]/i.test(text)) return null;
  if (markedAsJudgement(text, lexicon)) return null;
  const hits = [
    ...labelHits(text, lexicon),
    ...phraseHits(text, lexicon.innerState, 'innerState'),
    ...phraseHits(text, lexicon.conditions, 'condition'),
    ...certaintyHits(text, lexicon),
    ...generalisationHits(text, lexicon),
  ];
  if (!hits.length) hits.push(...roleHits(sentenceText, text, lexicon));
  const unattributed = hits.filter((h) => !attributed(text, h.index, lexicon));
  if (!unattributed.length) return null;
  return unattributed.sort((a, b) => a.index - b.index)[0];
}

export const opinionAsFact: RuleDefinition = {
  id: 'opinion-as-fact',
  defaultSeverity: 'warning',
  lexicon: lexiconData,
  docs: {
    description: 'Finds opinions written as facts: labels, claims about what someone thinks or intends, certainty words and sweeping generalisations that are not attributed or marked as your professional judgement.',
    why: 'Reviews keep finding records where opinion reads as fact. A label like "hostile" or "a good mum" tells the reader what to think without showing them what happened, and it can follow a family for years. Record what you saw and heard, say who said what, and mark your own analysis as professional judgement with the evidence it rests on.',
    guidance: [
      { source: 'The 10 principles from serious case reviews, 1c', passage: 'Records should distinguish between fact and professional judgement (opinion), and opinions should be supported by the evidence on which they are based.' },
      { source: 'Working Together 2023 (partnership principles)', passage: 'Avoid blame and negative stereotypes; communicate in plain, respectful language.' },
    ],
    examples: [
      { poor: 'The house was filthy and Ms B. was uncooperative.', good: 'There were six full bin bags by the back door and a strong smell of cat urine in the hallway. Ms B. looked at her phone while I was talking and did not answer two of my questions.' },
      { poor: 'Mr J. was clearly trying to turn Ellie against her mother.', good: 'At 10:55 Mr J. said to Ellie "Mummy\'s new boyfriend isn\'t very nice, is he?" In my professional judgement this was an attempt to influence Ellie\'s view of her mother, because it went against the contact agreement he signed.' },
      { poor: 'Mum is a good mum.', good: 'Ms P. had made Jade\'s packed lunch and knew the names of her friends and teacher.' },
    ],
  },
  check({ note, lexicon }: RuleContext): RuleReport[] {
    const reports: RuleReport[] = [];
    for (const sentence of note.sentences) {
      const hit = checkSentence(sentence, lexicon);
      if (!hit) continue;
      reports.push({
        start: sentence.start,
        end: sentence.end,
        message: MESSAGES[hit.kind](hit.word.trim()),
        redactedMessage: MESSAGES[hit.kind](),
        fixes: opinionFixes(note.text, sentence, hit.word.trim()),
      });
    }
    return reports;
  },
};

/**
 * Splits plain prose into sentences without losing positions.
 *
 * Case notes are full of full stops that do not end sentences: honorifics ("Ms B."), initials
 * ("Kerry B. (mother)"), ranks ("DC Shah"), abbreviations ("e.g.", "approx."), times ("10.30")
 * and dates. A full stop ends a sentence only when what follows looks like a new sentence.
 * Dictated text without punctuation is broken at long pauses of structure instead (see
 * `splitRunOn`), so one missing full stop does not make a whole paragraph one sentence.
 */

export interface Span {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'rev', 'st', 'sgt', 'insp', 'cllr', 'pc', 'dc', 'ds', 'di', 'dci',
  'e.g', 'i.e', 'eg', 'ie', 'etc', 'approx', 'no', 'nos', 'vs', 'jr', 'sr', 'dob', 'ref', 'tel', 'mob', 'incl',
  'inc', 'dept', 'wk', 'w/c', 'yrs', 'yr', 'mins', 'min', 'hrs', 'a.m', 'p.m', 'cont', 'c.f', 'cf',
]);

/** Words that, capitalised after "Ms B.", start a new sentence rather than continue a name. */
const SENTENCE_STARTERS = new Set([
  'the', 'he', 'she', 'they', 'i', 'it', 'we', 'there', 'this', 'that', 'his', 'her', 'their', 'when', 'after',
  'before', 'at', 'on', 'in', 'no', 'a', 'an', 'both', 'mum', 'dad', 'mother', 'father', 'during', 'following',
  'later', 'then', 'as', 'if', 'our', 'my', 'all', 'nothing', 'none', 'these', 'those', 'with', 'without',
]);

const CLOSERS = new Set(['"', '\u201d', '\u2019', "'", ')', ']']);

function isUpperStart(s: string, i: number): boolean {
  const c = s[i];
  if (c === undefined) return false;
  return /[A-Z0-9"\u201c\u2018'(\[*#\u00c0-\u00de]/.test(c);
}

/** Sentence spans in `plain[from, to)`, trimmed of surrounding white space. */
export function splitSentences(plain: string, from = 0, to = plain.length): Span[] {
  const spans: Span[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const c = plain[i];
    if (c !== '.' && c !== '!' && c !== '?' && c !== ';' && c !== '\u2026') continue;
    // A semicolon separates sentences only in shorthand lists; keep it inside the sentence.
    if (c === ';') continue;
    let j = i + 1;
    while (j < to && (plain[j] === '.' || plain[j] === '!' || plain[j] === '?' || CLOSERS.has(plain[j]))) j++;
    if (j < to && plain[j] !== ' ') continue; // "10.30", "e.g.x", "2.5cm"
    let k = j;
    while (k < to && plain[k] === ' ') k++;
    if (k >= to) break;
    if (c === '.' && !endsSentence(plain, start, i, k)) continue;
    if (!isUpperStart(plain, k)) continue;
    pushTrimmed(plain, start, j, spans);
    start = k;
    i = k - 1;
  }
  pushTrimmed(plain, start, to, spans);
  return spans.flatMap((s) => splitRunOn(plain, s));
}

/** Decides whether the full stop at `dot` ends a sentence, looking at the word before it. */
function endsSentence(plain: string, sentenceStart: number, dot: number, next: number): boolean {
  let w = dot;
  while (w > sentenceStart && /[\w.\/'-]/.test(plain[w - 1])) w--;
  const word = plain.slice(w, dot);
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return false;
  // A single capital letter is an initial ("Ms B.") unless a plain sentence starter follows.
  if (/^[A-Z]$/.test(word)) {
    const nextWord = /^[A-Za-z]+/.exec(plain.slice(next))?.[0]?.toLowerCase() ?? '';
    return SENTENCE_STARTERS.has(nextWord);
  }
  // "A.B.C." style acronyms with internal dots.
  if (/^([A-Za-z]\.)+[A-Za-z]$/.test(word)) return false;
  return true;
}

function pushTrimmed(plain: string, start: number, end: number, spans: Span[]): void {
  while (start < end && plain[start] === ' ') start++;
  while (end > start && plain[end - 1] === ' ') end--;
  if (end > start) spans.push({ start, end });
}

const RUN_ON_WORDS = 25;
/** Where dictated text may be broken: before a new subject that starts a fresh clause. */
const RUN_ON_BREAK = /\s(?=there (?:was|were|is|are)\b|(?:i|she|he|they|we|mum|dad|mother|father|m|f|c|sw|hv|the (?:child|children|house|home|flat|kitchen|bedroom|mother|father|baby)|(?:mr|mrs|ms|miss|dr) [a-z]+) (?:was|were|is|are|said|told|has|had|rang|called|spoke|saw|went|did|does|will|would|asked|explained|visited|seemed|appeared|looked|kept|refused|became|stated|reported|answered)\b)/gi;

/** A capitalised name starting a clause in dictated text: "...all week Tia was watching...". */
const RUN_ON_NAME = /\s(?=[A-Z][a-z]+ (?:was|were|is|are|said|told|has|had|showed|asked)\b)/g;

/** A clause that ends wanting its complement: a reporting verb (and whom it was said to) or "what", "that". */
const OPEN_CLAUSE = /\b(?:what|that|whether|how|why|where|who|which|when|whenever|if|because|unless|until|while|although|though|since|said|says|told(?:\s+(?:me|us|him|her|them))?|tell(?:\s+(?:me|us|him|her|them))?|saying|explained|think|thinks|thought|knows?|feels?|felt|worried|believes?|reported|confirmed|agreed|admitted|denied|mentioned)\s*$/i;

/**
 * Dictated notes often come without full stops. A span longer than RUN_ON_WORDS words with no
 * sentence punctuation is split before each clause that starts with a new subject and verb.
 */
function splitRunOn(plain: string, span: Span): Span[] {
  const text = plain.slice(span.start, span.end);
  const words = text.split(' ').length;
  // Only text that really lacks punctuation: a long sentence with commas is left alone.
  const marks = text.match(/[,;:]/g)?.length ?? 0;
  if (!((marks === 0 && words > RUN_ON_WORDS) || (words > 3 * RUN_ON_WORDS && marks < words / 20))) return [span];
  const cuts: number[] = [];
  for (const re of [RUN_ON_BREAK, RUN_ON_NAME]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) if (m.index > 0) cuts.push(m.index);
  }
  cuts.sort((a, b) => a - b);
  if (!cuts.length) return [span];
  const out: Span[] = [];
  let prev = 0;
  for (const cut of cuts) {
    // Keep pieces at least a few words long, so a clause is never cut to a fragment.
    if (text.slice(prev, cut).split(' ').length < 5) continue;
    // "who said | tyrese has had...", "told them | mum was drunk", "told dr fisher what | i saw": the
    // clause after a reporting verb or a "what"/"that" is what was said, not a new sentence.
    if (OPEN_CLAUSE.test(text.slice(prev, cut))) continue;
    pushTrimmed(plain, span.start + prev, span.start + cut, out);
    prev = cut;
  }
  pushTrimmed(plain, span.start + prev, span.end, out);
  return out;
}

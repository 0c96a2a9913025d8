/**
 * unattributed-report: a sentence that passes on what someone else said or claimed without
 * saying who ("it was reported that", "apparently", "I was told that" with no teller).
 *
 * Not flagged: a source named by name, role or kind anywhere that governs the report ("the school
 * reported that", "it was reported by a neighbour", "Mum said that apparently…", "according to
 * the DSL", "When I rang Nan I was told…"); the same words inside quoted speech; "allegation" as
 * a noun and "apparent" meaning visible (neither is on the word lists).
 */
import type { FixSpec, RuleContext, RuleDefinition, RuleReport } from '../rule';
import type { Sentence } from '../../core/document';
import type { Lexicon } from '../../core/types';
import { classifyParty, type People } from '../../core/people';
import { findAll } from '../../core/text';
import { findMentions } from '../../core/mentions';
import { maskSpeech, sourceSpan } from '../../core/speech';
import lexiconData from './lexicon.json';
import { cacheFor, remembered } from '../../core/reuse';

type Kind = 'impersonal' | 'reports' | 'passiveSubject' | 'toldWriter' | 'adverbs';
const KINDS: Kind[] = ['impersonal', 'reports', 'passiveSubject', 'toldWriter', 'adverbs'];

interface Hit {
  kind: Kind;
  index: number;
  text: string;
}

/** Who fills the gap: two or more words, so `unfilled-placeholder` reports it until it is filled. */
const WHO = '[Who: name and role]';
const WHO_LOWER = '[who: name and role]';

const ACCORDING = /\baccording\s+to\s+(?!(?:reports?|rumou?rs?|some|someone|somebody|people|others|gossip)\b)[\w[]/i;
const PAREN_SOURCE = /\((?:per|source:?|from|info(?:rmation)?\s+(?:from|via)|via|as\s+per|reported\s+by|said\s+by|told\s+by|as\s+told\s+by)\s+[^)]+\)|\bsource\s*:\s*\S/i;
const AUX_BEFORE = /\b(?:was|were|been|be|being|is|are|am|get|got)\s+(?:\w+\s+)?$/i;
const NOT_A_SUBJECT = /^(?:it|there|i|we|this|that|which|who|what|as|and|but|so|to|not|also|then|have|has|had|i['’]ve|i['’]d|we['’]ve|me|us|sw|you)$/i;
const CONTACT_PARTY = /\b(?:rang|ringing|called|calling|phoned|phoning|spoke\s+(?:to|with)|speaking\s+(?:to|with)|call\s+(?:with|to|from)|conversation\s+with|discussion\s+with|t\/c\s+(?:with|to|from)|tc\s+(?:with|to|from)|e-?mail\s+from|letter\s+from|message\s+from|text\s+from|visited|visiting|contacted|contacting|met\s+with|met|meeting\s+with|asked|asking|at|from)\s+((?:the\s+|her\s+|his\s+|their\s+|my\s+|our\s+)?[\w'’.-]+(?:\s+[A-Z][\w'’.-]*)?)/gi;
const NOT_A_TELLER = /\b(?:group|meeting|conference|panel|review|strategy|forum|board|visit|session|call)\b/i;
const TAG = /(?:,|\s[-–—])\s*(?!(?:I|we|it|there|that|which|who|and|but|so)\b)(?:[\w'’.[\]:]+\s+){1,5}(?:said|says|reported|told\s+(?:me|us|SW|the\s+worker)|stated|explained|claimed|alleged|confirmed|believes|thinks)\s*(?:[,.!;)]|$)|,\s*(?:said|says|per)\s+(?:the\s+|her\s+|his\s+|their\s+)?[A-Z[]\w*/i;

/** How far before a report to look for its teller: a long run-on sentence stays linear. */
const LOOK_BACK = 240;

function nonSource(words: string, lexicon: Lexicon): boolean {
  const next = words.trim().toLowerCase();
  return lexicon.nonSources.some((w) => next === w || next.startsWith(`${w} `) || next.startsWith(`${w},`) || next.startsWith(`${w}.`));
}

/** "by the school", "from Nan" right after the report, before what was reported: the teller as its agent. */
function agentAfter(masked: string, hit: Hit, lexicon: Lexicon): boolean {
  if (hit.kind === 'adverbs' || hit.kind === 'passiveSubject' || /\b(?:that|of|about)$/i.test(hit.text)) return false;
  const rest = masked.slice(hit.index + hit.text.length);
  const that = /\bthat\b|[.;!?]/i.exec(rest.slice(0, 70));
  const window = that && /^that/i.test(that[0]) ? rest.slice(0, that.index) : rest.trim().split(/\s+/).slice(0, 6).join(' ');
  for (const m of window.matchAll(/\b(?:by|from)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|my\s+|our\s+|its\s+|another\s+)?(\[?[\w'’-]+(?:\s+[\w'’-]+)?)/gi)) {
    if (!nonSource(m[1], lexicon)) return true;
  }
  return false;
}

/** "Mum said that apparently…", "The DSL rang to say it was reported…": a named teller before the report. */
function activeTellerBefore(masked: string, hit: Hit, lexicon: Lexicon): boolean {
  const before = masked.slice(Math.max(0, hit.index - LOOK_BACK), hit.index);
  for (const m of findAll(lexicon.reportingVerbs, before)) {
    // The teller's verb must govern the report: "Mum said that apparently…", not a clause long before it.
    const gap = before.slice(m.index + m.text.length);
    const words = gap.trim() ? gap.trim().split(/\s+/).length : 0;
    if (!/\bthat\s*$/i.test(gap) && words > 12) continue;
    const head = before.slice(0, m.index);
    if (AUX_BEFORE.test(head)) continue;
    // The word before the verb is its subject: a person or agency ("Mum", "the DSL", "she"), not
    // the writer ("I told Mum that apparently…" still does not say who told the writer).
    const subject = /([\w'’\]]+)[\s,]*$/.exec(head)?.[1] ?? '';
    if (subject && !NOT_A_SUBJECT.test(subject)) return true;
  }
  return false;
}

/** "When I rang the school, I was told…": the person or agency spoken to, named before the report. */
function tellerInContext(masked: string, hit: Hit, people: People): boolean {
  const before = masked.slice(Math.max(0, hit.index - LOOK_BACK), hit.index);
  for (const m of before.matchAll(CONTACT_PARTY)) {
    const phrase = m[1];
    if (NOT_A_TELLER.test(phrase)) continue;
    const party = classifyParty(phrase, people);
    if (party === 'professional' || party === 'family' || party === 'child') return true;
    if (findMentions(phrase, people).some((x) => x.kind === 'adult' || x.kind === 'child')) return true;
  }
  return false;
}

/** "…; Nan rang to tell me this morning": the teller named later in the same sentence. */
const TELLER_AFTER = /(?<![\w'’])(?!(?:I|we|it|there|that|which|this)\b)[\w'’]+\s+(?:rang|called|phoned|texted|emailed|e-mailed|messaged|came\s+in|wrote|contacted\s+(?:me|us|SW))\s+(?:me\s+|us\s+)?(?:to\s+(?:tell|say|report|let\s+(?:me|us)\s+know|share)|about\s+(?:this|it))\b|(?<![\w'’])(?!(?:I|we|it|there|that|which)\b)[\w'’]+\s+told\s+(?:me|us|SW)\s+(?:this|so|about\s+(?:this|it)|on\s+the\s+phone|today|yesterday)\b|\b(?:this|which)\s+(?:was|is|came)\s+(?:according\s+to|from|per|via)\s+(?!(?:someone|somebody|people|others)\b)\S/i;

function attributed(masked: string, hit: Hit, lexicon: Lexicon, people: People): boolean {
  if (ACCORDING.test(masked) || PAREN_SOURCE.test(masked)) return true;
  const after = masked.slice(hit.index + hit.text.length, hit.index + hit.text.length + 2 * LOOK_BACK);
  if (TELLER_AFTER.test(after)) return true;
  if (agentAfter(masked, hit, lexicon)) return true;
  if (activeTellerBefore(masked, hit, lexicon)) return true;
  if (TAG.test(after)) return true;
  return tellerInContext(masked, hit, people);
}

function findHit(masked: string, lexicon: Lexicon, people: People): Hit | null {
  const hits: Hit[] = [];
  for (const kind of KINDS) for (const m of findAll(lexicon[kind] ?? [], masked)) hits.push({ kind, index: m.index, text: m.text });
  hits.sort((a, b) => a.index - b.index);
  for (const hit of hits) if (!attributed(masked, hit, lexicon, people)) return hit;
  return null;
}

const cache = new WeakMap<Lexicon, Map<string, Hit | null>>();

function freshHit(sentence: Sentence, lexicon: Lexicon, people: People): Hit | null {
  const masked = maskSpeech(sentence.text);
  // The quick word test knows only the shipped lists; configured words skip it.
  return lexicon !== lexiconData || cheapTest(masked) ? findHit(masked, lexicon, people) : null;
}

function hitFor(sentence: Sentence, lexicon: Lexicon, people: People): Hit | null {
  return remembered(cacheFor(cache, lexicon), 4000, () => `${people.signature}\u0000${sentence.text}`, () => freshHit(sentence, lexicon, people));
}

/** Every pattern needs one of these words; most sentences are cleared here. */
const CHEAP = /report|alleg|raised|shared|highlight|flagged|said|sugg|claim|underst|rumou?r|believ|thought|mention|stated|disclos|indicat|intimat|impli|heard|hear|attention|notice|told|inform|advis|aware|notif|tipped|learn|gather|apparent|supposed|purport|word|grapevine|talk|gossip|given to|led to/i;
function cheapTest(text: string): boolean {
  return CHEAP.test(text);
}

const PAST: Record<string, string> = {
  raised: 'raised',
  shared: 'shared',
  highlighted: 'highlighted',
  flagged: 'flagged',
  reported: 'reported',
  alleged: 'alleged',
  said: 'said',
  suggested: 'suggested',
  claimed: 'claimed',
  mentioned: 'mentioned',
  stated: 'stated',
  disclosed: 'disclosed',
  indicated: 'indicated',
};

const LOWER_FIRST = /^(?:Apparently|Allegedly|Reportedly|Supposedly|Purportedly|The|He|She|They|His|Her|Their|It|There|This|That|These|Those|A|An|On|In|At|When|During|After|Before|Yesterday|Today|Last|Both|Since|Now|Also|And|But|So|Then|Earlier|Later|Over|Following)\b/;

function fixFor(text: string, sentence: Sentence, hit: Hit): FixSpec[] {
  const span = sourceSpan(text, sentence, hit.index, hit.index + hit.text.length);
  const insertAtStart = (): FixSpec => {
    const first = sentence.text.slice(0, 1);
    const lower = LOWER_FIRST.test(sentence.text) ? first.toLowerCase() : first;
    const start = sourceSpan(text, sentence, 0, 1);
    if (!start) return { title: 'Say who told you this', isPreferred: true, edits: [{ start: sentence.start, end: sentence.start, newText: `${WHO} told me: ` }] };
    return { title: 'Say who told you this', isPreferred: true, edits: [{ start: start.start, end: start.end, newText: `${WHO} told me that ${lower}` }] };
  };
  if (!span) return [insertAtStart()];
  const phrase = hit.text;
  const replace = (newText: string): FixSpec[] => [{ title: 'Say who told you this', isPreferred: true, edits: [{ start: span.start, end: span.end, newText }] }];
  const insertAfter = (word: RegExp, newText: string): FixSpec[] | null => {
    const m = word.exec(phrase);
    if (!m) return null;
    const at = span.start + m.index + m[0].length;
    return [{ title: 'Say who told you this', isPreferred: true, edits: [{ start: at, end: at, newText }] }];
  };
  switch (hit.kind) {
    case 'impersonal': {
      const verb = /(reported|alleged|said|suggested|claimed|mentioned|stated|disclosed|indicated|raised|shared|highlighted|flagged)\s*$/i.exec(phrase)?.[1]?.toLowerCase();
      return replace(`${WHO} ${verb ? PAST[verb] : 'told me'}`);
    }
    case 'reports': {
      if (/\bthat$/i.test(phrase)) return replace(`${WHO} ${/^there|^reports/i.test(phrase) ? 'reported' : 'told me'} that`);
      if (/\b(?:of|about)$/i.test(phrase)) return replace(`${WHO} told me about`);
      if (/^reports/i.test(phrase)) return replace(`${WHO} reported`);
      if (/rumou?r\s+has\s+it/i.test(phrase)) return replace(`${WHO} told me`);
      return [insertAtStart()];
    }
    case 'passiveSubject':
      return insertAfter(/\b(?:said|alleged|reported|rumou?red|believed|thought|understood|claimed)\b/i, ` by ${WHO_LOWER}`) ?? [insertAtStart()];
    case 'toldWriter': {
      if (/\b(?:heard|hear|learnt|learned|gathered|gather)\b/i.test(phrase)) {
        return insertAfter(/\b(?:heard|hear|learnt|learned|gathered|gather)\b/i, ` from ${WHO_LOWER}`) ?? [insertAtStart()];
      }
      return insertAfter(/\b(?:told|informed|advised|made\s+aware|notified|tipped\s+off|understand|believe)\b/i, ` by ${WHO_LOWER}`) ?? [insertAtStart()];
    }
    case 'adverbs': {
      // "Apparently Dad…" becomes "According to [who], Dad…"; "Dad allegedly hit…" becomes "Dad, according to [who], hit…".
      if (!sentence.text.slice(0, hit.index).trim()) {
        const comma = /^,/.test(sentence.text.slice(hit.index + hit.text.length));
        return [{ title: 'Say who told you this', isPreferred: true, edits: [{ start: span.start, end: span.end + (comma ? 1 : 0), newText: `According to ${WHO_LOWER},` }] }];
      }
      const gap = /[\s,]*$/.exec(sentence.text.slice(0, hit.index))![0].length;
      const from = sourceSpan(text, sentence, hit.index - gap, hit.index + hit.text.length);
      if (!from) return [insertAtStart()];
      const next = sentence.text.slice(hit.index + hit.text.length);
      const close = /^\s*(?:[,.;:!?)]|$)/.test(next) ? '' : ',';
      return [{ title: 'Say who told you this', isPreferred: true, edits: [{ start: from.start, end: from.end, newText: `, according to ${WHO_LOWER}${close}` }] }];
    }
    default:
      return [insertAtStart()];
  }
}

const WHY_MESSAGE = 'Say who told you this, so that a reader can tell what you saw from what you were told, and can weigh the information by where it came from.';

export const unattributedReport: RuleDefinition = {
  id: 'unattributed-report',
  defaultSeverity: 'warning',
  lexicon: lexiconData,
  docs: {
    description: 'Finds sentences that pass on what someone else said or claimed without saying who: "it was reported that", "it is alleged that", "apparently", "I was told that" with no one named.',
    why: 'Safeguarding decisions rest on information brought together from many people, and each piece is only as strong as its source. A reader, a manager, a court or the family needs to know whether something was seen by you, said by a teacher, or passed on by a neighbour who was not there. "It was reported that" hides that, and second-hand information can harden into fact as it is copied from record to record.',
    guidance: [
      { source: 'Local safeguarding partnership key principles, 2.5.3 Record keeping', passage: 'Safeguarding Children requires information to be brought together from a number of sources and careful professional judgements to be made on the basis of this information.' },
      { source: 'The 10 principles from serious case reviews, 1c', passage: 'Failing to differentiate between fact and opinion can result in the significance of some information being overlooked, or opinions becoming accepted as facts and unduly influencing the management of the case.' },
    ],
    examples: [
      { poor: 'It was reported that Dad has moved back into the family home.', good: 'Mrs Patel, the neighbour at number 12, told me on the phone on 03/03 that she has seen Dad\'s van outside the house every night this week.' },
      { poor: 'Apparently Kai has not been at school since Monday.', good: 'The school attendance officer, Mr Hunt, told me that Kai has not been at school since Monday.' },
      { poor: 'I was told that Mum has a new partner.', good: 'Nan (maternal grandmother) told me that Mum has a new partner called Lee.' },
    ],
  },
  check({ note, lexicon }: RuleContext): RuleReport[] {
    const reports: RuleReport[] = [];
    for (const sentence of note.sentences) {
      const hit = hitFor(sentence, lexicon, note.people);
      if (!hit) continue;
      const phrase = hit.text.replace(/\s+/g, ' ').trim();
      reports.push({
        start: sentence.start,
        end: sentence.end,
        message: `This passes on what someone else said ("${phrase}") without saying who. ${WHY_MESSAGE}`,
        redactedMessage: `This passes on what someone else said without saying who. ${WHY_MESSAGE}`,
        fixes: fixFor(note.text, sentence, hit),
      });
    }
    return reports;
  },
};

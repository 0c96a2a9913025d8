/**
 * child-centred-language: stigmatising or service-centred words in the writer's own prose
 * ("absconded", "refused contact", "LAC", "placement breakdown", "respite", "contact with Mum"),
 * with the everyday words a child would recognise offered as quick fixes.
 *
 * The terms and their replacements are data (lexicon.json, described in terms.ts), extendable
 * and trimmable in `.caselintrc.json`. "Contact" counts only as family time: before "with" and a
 * family member, or a person the record names as family ("contact with Ms R."). Not flagged:
 * words inside direct quotes, quoted replies, inline code and links; a term inside a proper name
 * ("Looked After Children (LAC) Review Team"); the ordinary sense of a word ("I made contact with
 * Mum by phone", "the meeting kicked off at 10", "no respite from the crying").
 */
import type { RuleContext, RuleDefinition, RuleReport } from '../rule';
import type { Lexicon } from '../../core/types';
import type { CaseNote } from '../../core/document';
import { sourceRange, type TextBlock } from '../../core/markdown';
import { maskNonProse } from '../../core/masking';
import { maskSpeech } from '../../core/speech';
import { perPart } from '../../core/scope-cache';
import { classifyParty, type People } from '../../core/people';
import lexiconData from './lexicon.json';
import { compile, familyTimeTerm, termOf, type Compiled, type Term } from './terms';
import { termFixes } from './fixes';
import { articleBefore } from '../word-swap';
import { digest } from '../../core/digest';
import { cacheFor } from '../../core/reuse';

/** Capitalised words that end an organisation's or team's proper name. */
const NAME_HEAD = /^(?:Team|Teams|Service|Services|Panel|Board|Hub|Department|Partnership|Forum|Trust|Project|Policy|Procedures?|Protocol|Guidance|Plan|Agreement|Report|Form|Unit|Centre|Center|Nurse|Nurses|Group|Network|Council|Office|Directorate|Committee|Programme|Charity|Home|House|School|Academy)$/;
const DETERMINER_BEFORE = /(?:^|[^\w'’])(?:a|the|as|our|other|all|for|of|their|his|her|its|every|any|some|these|those|many|being|were|are|is|was|become|became|becomes|other|more|no|former|young|with|to)\s+$/i;
const EVENT_BEFORE = /\b(?:meeting|session|game|match|event|conference|party|season|review|training|fixture|tournament|festival|day)\b[^.;!?]{0,30}$/i;
/** "The police had contact with Mum", "school have had regular contact with Dad": a professional getting in touch. */
const PROFESSIONAL_HAD = /\b(?:i|we|sw|police|school|nursery|college|gp|health visitor|hv|midwife|dsl|teacher|nurse|officer|worker|team|staff|practitioner|service|services|agency|agencies|professionals?)\s+(?:have|has|had|['’]ve|['’]d)\s+(?:had\s+|been\s+in\s+)?(?:(?:regular|daily|weekly|frequent|close|constant|direct|telephone|phone|email|brief|further|some|any|good|little|limited|no|recent)\s+){0,2}$/i;
const BY_PHONE = /^[^.;!?]{0,80}?\bby\s+(?:tele)?phone\b|^[^.;!?]{0,80}?\bby\s+(?:e-?mail|text|letter)\b/i;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function message(term: Term, written: string): string {
  const shown = capitalise(written.replace(/\s+/g, ' '));
  const example = term.replacements.find((r) => !r.startsWith('['));
  if (term.category === 'blaming') {
    return example
      ? `“${shown}” can read as blame; describe what happened, for example “${example}”. Children read their records later.`
      : `“${shown}” can read as blame; describe what happened instead. Children read their records later.`;
  }
  return example
    ? `“${shown}” is service language; use everyday words, for example “${example}”. Children read their records later.`
    : `“${shown}” is service language; use everyday words instead. Children read their records later.`;
}

const REDACTED: Record<Term['category'], string> = {
  blaming: 'A word here can read as blame; describe what happened instead. Children read their records later.',
  serviceLanguage: 'A word here is service language; use everyday words instead. Children read their records later.',
};

/** True when the term is part of a capitalised proper name ending in a team or service word. */
function inProperName(plain: string, start: number, end: number): boolean {
  const written = plain.slice(start, end);
  if (!written.split(/[\s-]+/).every((w) => /^[A-Z]/.test(w))) return false;
  const after = /^\)?(?:\s+\(?[A-Z][\w'’&-]*\)?)+/.exec(plain.slice(end, end + 120));
  if (after && after[0].split(/\s+/).some((w) => NAME_HEAD.test(w.replace(/[()]/g, '')))) return true;
  const lastWord = written.split(/\s+/).pop() ?? '';
  const before = /(?:\(?[A-Z][\w'’&-]*\)?\s+)+\(?$/.exec(plain.slice(Math.max(0, start - 120), start));
  return !!before && NAME_HEAD.test(lastWord);
}

/** Reasons a match is the ordinary sense of the word, or not a use of the term at all. */
function ordinaryUse(compiled: Compiled, term: Term, plain: string, start: number, end: number): boolean {
  const written = plain.slice(start, end);
  const before = plain.slice(Math.max(0, start - 60), start);
  const after = plain.slice(end, end + 120);
  const key = term.key;
  // A short acronym ("LAC") counts only in capitals: "lac" is another word.
  if (!key.startsWith('re:') && /^[a-z]{1,3}$/.test(key) && written !== written.toUpperCase()) return true;
  // "Nan looked after children at weekends" is a verb, not a label.
  if (/^looked[\s-]after/.test(key) && !/^L/.test(written) && !DETERMINER_BEFORE.test(before)) return true;
  // "The meeting kicked off at 10" is a start, not distress.
  if (/^kick/.test(key) && (EVENT_BEFORE.test(before) || /^\s+(?:with\b|at\s+\d)/i.test(after))) return true;
  // "No respite from the crying" is relief, not a short break.
  if (/^respite$/.test(key) && /^\s+from\b/i.test(after)) return true;
  // "I made contact with Mum by phone" is getting in touch, not family time.
  if (term.familyTime) {
    if (compiled.ordinary && compiled.ordinary.test(before.slice(-60))) return true;
    if (PROFESSIONAL_HAD.test(before)) return true;
    if (BY_PHONE.test(after)) return true;
  }
  return false;
}

interface BlockHit {
  start: number;
  end: number;
  term: Term;
  written: string;
  sentenceStart: boolean;
  article: { start: number; end: number; text: string } | null;
}

function matches(plain: string, compiled: Compiled, people: People): { start: number; text: string; term: Term }[] {
  const out: { start: number; text: string; term: Term }[] = [];
  const re = compiled.pattern;
  re.lastIndex = 0;
  for (let m = re.exec(plain); m; m = re.exec(plain)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const term = termOf(compiled, plain, m.index, m[0]);
    if (term) out.push({ start: m.index, text: m[0], term });
  }
  // "contact with Ms R." where the record shows Ms R. is family: the same as "contact with Mum".
  const withName = compiled.withName;
  if (withName) {
    withName.lastIndex = 0;
    for (let m = withName.exec(plain); m; m = withName.exec(plain)) {
      const at = m.index;
      if (out.some((o) => o.start <= at && at < o.start + o.text.length)) continue;
      const party = classifyParty(m[1].replace(/['’]s$/, ''), people);
      const term = familyTimeTerm(compiled, m[0]);
      if (term && (party === 'family' || party === 'child')) out.push({ start: at, text: m[0], term });
    }
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

function scanBlock(block: TextBlock, text: string, compiled: Compiled, people: People): BlockHit[] {
  const plain = maskSpeech(maskNonProse(block, text));
  const hits: BlockHit[] = [];
  let previousEnd = -1;
  for (const { start, text: matched, term } of matches(plain, compiled, people)) {
    const end = start + matched.length;
    // "Looked After Child (LAC)" is one use of one term, not two.
    const sameUse = previousEnd >= 0 && /^\s*\(\s*$/.test(plain.slice(previousEnd, start));
    if (sameUse || inProperName(plain, start, end) || ordinaryUse(compiled, term, plain, start, end)) continue;
    previousEnd = end;
    const from = Math.max(0, start - 40);
    const trimmed = plain.slice(from, start).replace(/[\s*_"“'‘(\[-]+$/, '');
    const lead = trimmed === '' && from > 0 ? ' ' : trimmed;
    const art = articleBefore(plain, start);
    hits.push({
      ...sourceRange(block, start, end),
      term,
      written: block.plain.slice(start, end),
      sentenceStart: lead === '' || /[.!?:;|]$/.test(lead),
      article: art ? { ...sourceRange(block, art.from, art.to), text: art.text } : null,
    });
  }
  return hits;
}

function reportsFor(hits: BlockHit[]): RuleReport[] {
  return hits.map((h) => ({
    start: h.start,
    end: h.end,
    message: message(h.term, h.written),
    redactedMessage: REDACTED[h.term.category],
    fixes: termFixes({ start: h.start, end: h.end, written: h.written, sentenceStart: h.sentenceStart, article: h.article }, h.term.replacements),
  }));
}

const CACHE_LIMIT = 20000;
const caches = new WeakMap<Lexicon, Map<string, RuleReport[]>>();

/** Findings for one block, reused while the block's source is unchanged (stored relative to its start). */
function checkBlock(note: CaseNote, block: TextBlock, lexicon: Lexicon): RuleReport[] {
  const key = () => digest(`${block.kind}|${block.tableRow}|${note.people.signature}|${note.text.slice(block.start, block.end)}`);
  return perPart(cacheFor(caches, lexicon), block.start, key, () => reportsFor(scanBlock(block, note.text, compile(lexicon), note.people)), CACHE_LIMIT);
}

export const childCentredLanguage: RuleDefinition = {
  id: 'child-centred-language',
  defaultSeverity: 'info',
  lexicon: lexiconData,
  docs: {
    description: 'Finds words that label or blame a child, or that describe their life in service language ("absconded", "LAC", "placement breakdown", "respite", "contact with Mum"), and offers everyday words instead.',
    why: 'Children and young people often read their records when they are older, and the words we choose stay with them. "Absconded" makes a frightened child sound like an escaped prisoner; "contact" and "respite" turn time with their family and a weekend away into a service. Write what happened, in words the child would use and recognise. Your team can add words to the list or take them off it.',
    guidance: [
      {
        source: 'Working Together 2023 (safeguarding partnership principles)',
        passage: 'Verbal and non-verbal communication should be respectful, non-blaming, clear, inclusive, and adapted to parents and carers needs. Practitioners should ensure that all materials provided to children, parents, carers, and families are jargon-free, developmentally appropriate and in a format that is easily understood.',
      },
      { source: 'Working Together 2023 (safeguarding partnership principles)', passage: 'Avoiding reinforcing family shame, suffering, and blaming;' },
    ],
    examples: [
      { poor: 'Jordan absconded from the residential unit at 22:00.', good: "Jordan went missing from the children's home at 22:00." },
      { poor: 'Amira refused contact with Dad on Saturday.', good: 'Amira did not want to see Dad on Saturday. She said "I\'m still cross with him about my birthday."' },
      { poor: 'Supervised contact with Mum went well.', good: 'Supervised family time with Mum went well: they baked a cake together.' },
    ],
  },
  check({ note, lexicon }: RuleContext): RuleReport[] {
    const reports: RuleReport[] = [];
    for (const block of note.blocks) reports.push(...checkBlock(note, block, lexicon));
    return reports;
  },
};

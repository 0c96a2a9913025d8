/**
 * unexplained-acronym: the first use in a file of an acronym or initialism (CAMHS, ICPC, PLO, HV,
 * SW, S47) that is not spelled out at or before that use.
 *
 * Spelled out means "Child and Adolescent Mental Health Services (CAMHS)", "CAMHS (Child and
 * Adolescent Mental Health Services)" or a glossary line ("SW – social worker"). Not flagged:
 * acronyms on the list that needs no explanation (GP, NHS, A&E...), later uses in the file,
 * front matter, headings that only give a date and a type, quoted replies, links, file names,
 * inline code, Roman numerals, ordinary words in capitals ("NOT", "URGENT"), names in capitals
 * ("Mrs OKORO") and the writer's own initials in a signature.
 */
import type { RuleContext, RuleDefinition, RuleReport, FixSpec } from '../rule';
import type { Lexicon } from '../../core/types';
import type { CaseNote } from '../../core/document';
import { sourceRange, type TextBlock } from '../../core/markdown';
import { maskNonProse } from '../../core/masking';
import { hasDate } from '../../core/dates';
import { namesContact } from '../../core/structure';
import lexiconData from './lexicon.json';
import { articleBefore, swapEdits, type Article } from '../word-swap';
import { isFirstName, isOrdinaryWord, isRomanNumeral, spellsOut, unitsOf, wordsOf } from './words';
import { digest } from '../../core/digest';
import { cacheFor, remembered } from '../../core/reuse';

interface Lists {
  /** Lower-case acronym → its spelled-out form. */
  expansions: Map<string, string>;
  noExplanation: Set<string>;
  ordinaryWords: Set<string>;
}

/** One acronym-shaped token in a block; offsets are relative to the block's start in the source. */
interface Candidate {
  start: number;
  end: number;
  token: string;
  /** Upper-case acronym without a plural "s". */
  base: string;
  /** Not an acronym to check here (a name, a word, a numeral, on the no-explanation list...). */
  skip: boolean;
  /** Spelled out at this use. */
  explained: boolean;
  /** Initials in a signature line. */
  signature: boolean;
  sentenceStart: boolean;
  article: Article | null;
}

const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Built-in expansions keep their capitals even when a settings file repeats them in lower case. */
const builtInExpansions = new Map<string, string>(
  (lexiconData.expansions as string[]).map((e) => {
    const cut = e.indexOf('=>');
    return [normalise(e.slice(0, cut)), e.slice(cut + 2).trim()] as [string, string];
  }),
);

const listCache = new WeakMap<Lexicon, Lists>();

function listsOf(lexicon: Lexicon): Lists {
  let lists = listCache.get(lexicon);
  if (lists) return lists;
  const expansions = new Map<string, string>();
  for (const entry of lexicon.expansions ?? []) {
    const cut = entry.indexOf('=>');
    const key = normalise(cut < 0 ? entry : entry.slice(0, cut));
    if (!key || expansions.has(key)) continue;
    const spelled = cut < 0 ? '' : entry.slice(cut + 2).trim();
    expansions.set(key, builtInExpansions.get(key) ?? spelled);
  }
  lists = {
    expansions,
    noExplanation: new Set((lexicon.noExplanation ?? []).map(normalise)),
    ordinaryWords: new Set((lexicon.ordinaryWords ?? []).map(normalise)),
  };
  listCache.set(lexicon, lists);
  return lists;
}

/**
 * Two or more capitals (digits and "&" allowed inside), or a capital and digits; parts joined by a
 * hyphen are one acronym ("MACA-YC18", but "COVID" in "COVID-19"); an optional plural "s".
 */
const TOKEN = /(?<![\w&'’])([A-Z][A-Z0-9&]*[A-Z0-9](?:-(?=[A-Z0-9]*[A-Z])[A-Z0-9]+)*)(s?)(?![\w&])/g;
const HONORIFIC_BEFORE = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Child|Baby|Sibling|Unborn)\.?\s+$/;
const AGE_AFTER = /^\s*\(\s*(?:aged?\s*)?\d{1,2}\s*(?:y(?:ea)?rs?|yo|months?)?\s*\)/i;
const SIGNATURE_MARKER = /^\s*(?:[-–—~]+\s*|(?:signed|signature|author)\b(?:\s+by)?\s*:?|(?:recorded|written|typed|entered|completed|dictated|authored|note)\s+by\b\s*:?|(?:kind\s+|best\s+)?regards\b,?|many thanks\b,?|thanks\b,?|best wishes\b,?)/i;

/** A heading, or a bold line standing in for one, that gives only a date and a type of contact. */
function isDateOrTypeHeading(block: TextBlock): boolean {
  const headingLike = block.kind === 'heading' || (block.kind === 'paragraph' && block.allBold && !block.listItem && !block.labels.length);
  if (!headingLike) return false;
  const text = block.plain.trim();
  if (hasDate(text)) return text.split(/\s+/).length <= 16;
  return text.split(/\s+/).length <= 6 && namesContact(text);
}

/** Most of the words are in capitals: a heading or a warning in capitals, where only known acronyms count. */
function isShouting(plain: string): boolean {
  const words = plain.match(/[A-Za-z][A-Za-z'’&]+/g) ?? [];
  if (words.length < 3) return false;
  const caps = words.filter((w) => w === w.toUpperCase()).length;
  return caps / words.length >= 0.6;
}

/** The initials of capitalised name pairs in a line: "Sam Ellis" → "SE", "Priya K Shah" → "PKS", "PS". */
function nameInitials(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b([A-Z][a-z'’-]+|[A-Z]\.)(?:\s+([A-Z][a-z'’-]+|[A-Z]\.?))?\s+([A-Z][a-z'’-]+)/g)) {
    const parts = [m[1], m[2], m[3]].filter(Boolean).map((p) => p.charAt(0));
    out.add(parts.join(''));
    out.add(`${parts[0]}${parts[parts.length - 1]}`);
  }
  return out;
}

/** A short line that signs off an entry: "— SE 14/03/2026", "Signed: Sam Ellis (SE)", "JB". */
function signatureLine(block: TextBlock, plain: string): { marker: boolean; bare: boolean } | null {
  if (block.kind !== 'paragraph' || block.listItem || block.tableRow >= 0) return null;
  const text = plain.trim();
  if (!text || text.split(/\s+/).length > 10) return null;
  const marker = SIGNATURE_MARKER.test(text);
  // Only initials, dates, times and punctuation: "JB 14/03/26", "(SE)".
  const bare = /^[\s\p{P}]*(?:(?:[A-Z]{2,3}|\d{1,4}|am|pm)(?![A-Za-z0-9])[\s\p{P}]*)+$/u.test(text);
  return marker || bare ? { marker, bare } : null;
}

/** The text just before `at` without spaces, markup and opening brackets (empty at the start of the block). */
export function leadBefore(plain: string, at: number): string {
  const from = Math.max(0, at - 40);
  const lead = plain.slice(from, at).replace(/[\s*_"“'‘(\[-]+$/, '');
  return lead === '' && from > 0 ? ' ' : lead;
}

function surnameInCapitals(base: string, before: string, after: string): boolean {
  const previous = /(?:^|([^\s])\s+)([A-Z][a-z'’-]+)\s+$/.exec(before);
  if (previous && isFirstName(previous[2])) return true;
  // Surnames have a vowel after the first letter and no long run of consonants ("EWMHS" is not one).
  if (base.length < 4 || !/^.[^AEIOUY]{0,2}[AEIOUY]/.test(base) || /[^AEIOUY]{4}/.test(base)) return false;
  // A capitalised word that does not start a sentence, or ", Firstname" after.
  if (previous && previous[1] !== undefined && !/[.!?:;]/.test(previous[1])) return true;
  return /^,\s+[A-Z][a-z'’-]+\b/.test(after);
}

function explainedHere(plain: string, at: number, end: number, base: string, expansion: string | undefined): boolean {
  const units = unitsOf(base);
  const after = plain.slice(end, end + 200);
  // "CAMHS (Child and Adolescent Mental Health Services)"
  const paren = /^\s*\(([^()]{2,180})\)/.exec(after);
  if (paren) {
    const inside = paren[1].trim();
    if (inside.startsWith('[') || spellsOut(wordsOf(inside), units, 'start')) return true;
    if (expansion && normalise(inside).startsWith(normalise(expansion))) return true;
  }
  // "Child and Adolescent Mental Health Services (CAMHS)"
  const before = plain.slice(Math.max(0, at - 240), at);
  if (/\(\s*$/.test(before) && /^\s*\)/.test(after)) {
    const words = before.replace(/\(\s*$/, '').trimEnd();
    if (words.endsWith(']')) return true;
    if (spellsOut(wordsOf(words).slice(-15), units, 'end')) return true;
    if (expansion && normalise(words).endsWith(normalise(expansion))) return true;
  }
  // A glossary line: "SW – social worker", "PLO: Public Law Outline", "NFA means no further action".
  const gloss = /^\s*(?:[-–—:=]|\bstands for\b|\bmeans\b|\bis short for\b)\s*([^;.()]{2,160})/i.exec(after);
  if (gloss) {
    if (spellsOut(wordsOf(gloss[1]), units, 'start')) return true;
    if (expansion && normalise(gloss[1]).startsWith(normalise(expansion))) return true;
  }
  return false;
}

function candidatesIn(block: TextBlock, text: string, lists: Lists): Candidate[] {
  if (isDateOrTypeHeading(block)) return [];
  const masked = maskNonProse(block, text);
  if (!/[A-Z]{2}|[A-Z]\d/.test(masked)) return [];
  const plain = block.plain;
  const shouting = isShouting(masked);
  const signature = signatureLine(block, masked);
  const initials = signature ? nameInitials(plain) : null;
  const out: Candidate[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(masked); m; m = TOKEN.exec(masked)) {
    const base = m[1];
    const at = m.index;
    // Acronyms are short; a long run of capitals is shouting or a code.
    if (base.length > 15) continue;
    const end = at + m[0].length;
    const lower = base.toLowerCase();
    const after = masked.slice(end, end + 40);
    const before = masked.slice(Math.max(0, at - 40), at);
    // "DON'T", "CAN'T": a word with an apostrophe, not an acronym; "e-RS": part of a name.
    if (/^['’][A-Za-z]/.test(after) && !/^['’]s\b/.test(after)) continue;
    if (/(?:^|[^\w-])[a-z]-$/.test(before)) continue;
    // "CS-2291": a reference number, not an acronym.
    if (/^-\d{3,}/.test(after) || /\d-$/.test(before)) continue;
    const letters = base.replace(/[^A-Z]/g, '').length;
    const digits = /\d/.test(base);
    const known = lists.expansions.has(lower);
    let skip = false;
    if (letters < 2 && !(known || /^S\d{1,3}$/.test(base))) skip = true;
    else if (lists.noExplanation.has(lower)) skip = true;
    else if (!known && isRomanNumeral(base)) skip = true;
    else if (!known && !digits && !base.includes('&') && isOrdinaryWord(lower, lists.ordinaryWords)) skip = true;
    else if (!known && shouting) skip = true;
    else if (HONORIFIC_BEFORE.test(before) || AGE_AFTER.test(after)) skip = true;
    // "Kerry OKAFOR", "Kacper NOWAK", "NOWAK, Kacper": a surname in capitals beside a name.
    else if (!known && !digits && /[AEIOUY]/.test(base) && surnameInCapitals(base, before, after)) skip = true;
    // A postcode: "LS6 2QF".
    else if (/^[A-Z]{1,2}\d[A-Z\d]?$/.test(base) && /^\s+\d[A-Z]{2}\b/.test(after)) skip = true;
    const inSignature = !!signature && !digits && base.length <= 3 && (signature.bare || signature.marker || initials!.has(base));
    const lead = leadBefore(plain, at);
    const art = articleBefore(plain, at);
    const source = sourceRange(block, at, end);
    const article = art && sourceRange(block, art.from, art.to);
    out.push({
      start: source.start - block.start,
      end: source.end - block.start,
      token: m[0],
      base,
      skip,
      explained: !skip && explainedHere(plain, at, end, base, lists.expansions.get(lower)),
      signature: inSignature,
      sentenceStart: lead === '' || /[.!?:;]$/.test(lead),
      article: art && article ? { start: article.start - block.start, end: article.end - block.start, text: art.text } : null,
    });
  }
  return out;
}

const CACHE_LIMIT = 20000;
const caches = new WeakMap<Lexicon, Map<string, Candidate[]>>();

/** A block's candidates, reused while its source and shape are unchanged. */
function blockCandidates(note: CaseNote, block: TextBlock, lexicon: Lexicon, lists: Lists): Candidate[] {
  const key = () => digest(`${block.kind}|${block.depth}|${block.listItem}|${block.tableRow}|${block.allBold}|${block.labels.length}|${note.text.slice(block.start, block.end)}`);
  return remembered(cacheFor(caches, lexicon), CACHE_LIMIT, key, () => candidatesIn(block, note.text, lists));
}

/** The writer's initials from the front matter ("worker: Sam Ellis, Social Worker" → "SE"). */
function writerInitials(frontMatter: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(frontMatter)) {
    if (typeof value !== 'string' || !/worker|author|recorded_by|practitioner|compiled_by|written_by|officer|minute|signed/i.test(key)) continue;
    const name = value.split(/[,(]/)[0];
    const parts = name.split(/\s+/).filter((p) => /^[A-Z]/.test(p) && !/^(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?$/.test(p));
    if (parts.length < 2) continue;
    out.add(parts.map((p) => p.charAt(0)).join(''));
    out.add(`${parts[0].charAt(0)}${parts[parts.length - 1].charAt(0)}`);
  }
  return out;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function plural(spelled: string): string {
  return /s$/i.test(spelled) ? spelled : `${spelled}s`;
}

const WHY_SHORT = 'children and families read their records later and may not know what it means.';
const REDACTED = `An abbreviation is not spelled out the first time it is used. Write it in full, with the letters in brackets after it: ${WHY_SHORT}`;

function report(c: Candidate, offset: number, lists: Lists): RuleReport {
  const start = c.start + offset;
  const end = c.end + offset;
  const spelled = lists.expansions.get(c.base.toLowerCase());
  const isPlural = c.token.length > c.base.length;
  if (!spelled) {
    return {
      start,
      end,
      message: `“${c.token}” is not spelled out. Write what it stands for in full the first time, with the letters in brackets after it: ${WHY_SHORT}`,
      redactedMessage: REDACTED,
      fixes: [{ title: `Spell out ${c.token} (fill in what it stands for)`, isPreferred: true, edits: [{ start, end, newText: `[what ${c.token} stands for] (${c.token})` }] }],
    };
  }
  let full = isPlural ? plural(spelled) : spelled;
  if (c.sentenceStart) full = capitalise(full);
  const article = c.article && { ...c.article, start: c.article.start + offset, end: c.article.end + offset };
  const first = swapEdits(start, end, `${full} (${c.token})`, article);
  const fixes: FixSpec[] = [
    { title: `Write it in full: “${full} (${c.token})”`, isPreferred: true, edits: first },
    { title: `Add what it stands for after it: “${c.token} (${isPlural ? plural(spelled) : spelled})”`, edits: [{ start, end, newText: `${c.token} (${isPlural ? plural(spelled) : spelled})` }] },
  ];
  return {
    start,
    end,
    message: `“${c.token}” is not spelled out. Write it in full the first time, for example “${full} (${c.token})”: ${WHY_SHORT}`,
    redactedMessage: REDACTED,
    fixes,
  };
}

export const unexplainedAcronym: RuleDefinition = {
  id: 'unexplained-acronym',
  defaultSeverity: 'info',
  lexicon: lexiconData,
  docs: {
    description: 'Finds the first use in a file of an acronym or set of initials (CAMHS, ICPC, PLO, HV, S47) that is not spelled out, and offers to write it in full.',
    why: 'Children and families read their records, sometimes many years later, and a page of initials shuts them out of their own story. Write each acronym in full the first time you use it, with the letters in brackets after it, and the rest of the record can use the short form. Common ones everyone knows (GP, NHS, A&E) are left alone, and your team can change that list.',
    guidance: [
      {
        source: 'Working Together 2023 (safeguarding partnership principles)',
        passage: 'Practitioners should ensure that all materials provided to children, parents, carers, and families are jargon-free, developmentally appropriate and in a format that is easily understood.',
      },
      { source: 'Working Together 2023 (safeguarding partnership principles)', passage: 'Verbal and non-verbal communication should be respectful, non-blaming, clear, inclusive, and adapted to parents and carers needs.' },
    ],
    examples: [
      { poor: 'SW discussed the referral to CAMHS with M.', good: 'I discussed the referral to Child and Adolescent Mental Health Services (CAMHS) with Mum.' },
      { poor: 'Outcome of the S47: NFA.', good: 'Outcome of the Section 47 (S47) child protection enquiry: no further action (NFA).' },
    ],
  },
  check({ note, lexicon }: RuleContext): RuleReport[] {
    const lists = listsOf(lexicon);
    const writer = writerInitials(note.frontMatter);
    const seen = new Set<string>();
    const reports: RuleReport[] = [];
    for (const block of note.blocks) {
      for (const c of blockCandidates(note, block, lexicon, lists)) {
        if (c.skip || c.signature) continue;
        const known = lists.expansions.has(c.base.toLowerCase());
        if (writer.has(c.base) && !known) continue;
        if (seen.has(c.base)) continue;
        seen.add(c.base);
        if (!c.explained) reports.push(report(c, block.start, lists));
      }
    }
    return reports;
  },
};

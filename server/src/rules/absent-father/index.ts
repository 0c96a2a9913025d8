/**
 * absent-father: a file that records the mother's (or a female carer's) views, words or
 * circumstances and nothing at all about the child's father or a male carer. Reported once per
 * file, on its first heading (or first line), with a quick fix that adds a "Father / male carer"
 * section at the end.
 *
 * Any mention of a father or male carer anywhere in the file is enough to stay quiet, including
 * "father not known", "Dad has no contact", "Mum's partner", "Mr X (father)", shorthand "F said",
 * front matter (`father: …`) and a pasted email reply: a reply that says "Dad collected him" is
 * still information about him held on the file. The mother's side, by contrast, must be in the
 * writer's own prose (quoted replies and quoted speech are not the writer's record).
 *
 * Not flagged either: a file with nothing about the mother, and a professional meeting (strategy
 * discussion, professionals' meeting, supervision) where no parent's views are recorded.
 *
 * Cheap by design, as it reads the whole file on every keystroke: one word-list search over the
 * text for the men, which settles most notes at once, then a word search over the sentences.
 */
import type { FixSpec, RuleContext, RuleDefinition, RuleReport } from '../rule';
import type { CaseNote } from '../../core/document';
import type { Lexicon } from '../../core/types';
import { findAll, maskQuotes } from '../../core/text';
import { PROFESSIONAL_WORDS, wordPattern } from '../../core/vocabulary';
import lexiconData from './lexicon.json';

const PROFESSIONAL = wordPattern(PROFESSIONAL_WORDS);

/** Practitioner shorthand for the father ("F said", "F (Lee Cole)", "M/F", "M & F", "FoC"), capitals only. */
const SHORTHAND_FATHER =
  /(?<![\w'’/&.-])F(?=['’]s\b|\s*\([A-Z][a-z]|\s+(?:said|says|was|is|has|had|not|did|does|didn['’]t|doesn['’]t|stated|reported|told|explained|agreed|attended|present|wants|wanted|feels|felt|rang|called|came|arrived|left|lives|lived|works|would|will|declined|refused|and\s+M\b)\b)|\bM\s?(?:\/|&|\+|and)\s?F\b|\bF\s?(?:\/|&|\+)\s?M\b|\bM,\s?F\b|\bFoC\b/;
/** A man named by title: "Mr Cole", "Mr and Mrs Okoro". */
const MISTER = /\bMr\.?\s+(?:and\s+Mrs\b|&\s+Mrs\b|([A-Z][\w'’-]*))/g;
/** Shorthand for the mother: "M said", "M's view", capitals only. */
const SHORTHAND_MOTHER = /(?<![\w'’/&.-])M(?=['’]s\b|\s+(?:said|says|was|is|has|had|not|did|does|didn['’]t|doesn['’]t|stated|reported|told|explained|agreed|attended|present|wants|wanted|feels|felt|rang|called|came|arrived|left|lives|works|would|will|declined|refused)\b)/;
const WOMAN = /\b(?:Ms|Mrs|Miss)\.?\s+(?:[A-Z][\w'’-]*\s+)?([A-Z][\w'’-]*)(?:\.(?=\s))?/g;

function has(words: readonly string[], text: string): boolean {
  return findAll(words, text).length > 0;
}

/** Blank out phrases that only look like a father ("Father's Day"), keeping offsets. */
function maskFalseFriends(text: string, lexicon: Lexicon): string {
  const hits = findAll(lexicon.notMaleCarers ?? [], text);
  if (!hits.length) return text;
  const pieces: string[] = [];
  let at = 0;
  for (const h of hits) {
    pieces.push(text.slice(at, h.index), ' '.repeat(h.text.length));
    at = h.index + h.text.length;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

/** A Mr who is not a known professional and has no professional word beside him is a man in the family. */
function familyMan(text: string, note: CaseNote): boolean {
  MISTER.lastIndex = 0;
  for (let m = MISTER.exec(text); m; m = MISTER.exec(text)) {
    if (!m[1]) return true; // "Mr and Mrs Okoro"
    const surname = m[1].replace(/['’]s$/, '').toLowerCase();
    const known = note.people.named.get(`mr ${surname}`) ?? note.people.named.get(surname);
    if (known === 'family') return true;
    if (known === 'professional' || known === 'child') continue;
    const around = text.slice(Math.max(0, m.index - 60), m.index + m[0].length + 60);
    const sentence = around.split(/[.;\n]\s/);
    const own = sentence.find((s) => s.includes(m![0])) ?? around;
    if (!PROFESSIONAL.test(own)) return true;
  }
  return false;
}

/** Whether the file says anything at all about a father or male carer. */
function mentionsMan(note: CaseNote, lexicon: Lexicon): boolean {
  const text = maskFalseFriends(note.text, lexicon);
  return has(lexicon.maleCarers ?? [], text) || SHORTHAND_FATHER.test(text) || familyMan(text, note);
}

const CHILD_FIELD = /child|young_person|subject|baby|pupil|infant/i;
const MOTHER_FIELD = /mother|mum|female_carer|maternal/i;
const motherNameCache = new WeakMap<CaseNote, RegExp | null>();

/** The mother's names as the front matter gives them (`mother: Shannon Price`), as one pattern. */
function motherNames(note: CaseNote): RegExp | null {
  if (motherNameCache.has(note)) return motherNameCache.get(note)!;
  const names = new Set<string>();
  for (const [key, value] of Object.entries(note.frontMatter)) {
    if (!MOTHER_FIELD.test(key) || typeof value !== 'string') continue;
    for (const token of value.split(/[\s,()]+/)) {
      const clean = token.replace(/\.$/, '');
      if (/^[A-Z][a-zA-Z'’-]{1,}$/.test(clean) && !/^(?:Ms|Mrs|Miss|Mx|Dr)$/.test(clean)) names.add(clean.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    }
  }
  const re = names.size ? new RegExp(`(?<![\\w'’-])(?:${[...names].join('|')})(?![\\w'-])`) : null;
  motherNameCache.set(note, re);
  return re;
}
const familyNameCache = new WeakMap<CaseNote, Set<string>>();

/**
 * The family's surnames (or initials) as the record gives them for the children: "Riley (6) and
 * Mason (4) P." in the front matter or the title. A Ms or Mrs with that name is family.
 */
function familyNames(note: CaseNote): Set<string> {
  let names = familyNameCache.get(note);
  if (names) return names;
  names = new Set();
  const sources = Object.entries(note.frontMatter).filter(([k, v]) => CHILD_FIELD.test(k) && typeof v === 'string').map(([, v]) => v as string);
  const title = note.blocks.find((b) => b.kind === 'heading');
  if (title) sources.push(title.plain);
  for (const source of sources) {
    for (const m of source.matchAll(/[A-Z][a-zA-Z'’-]*\.?\s*(?:\(\s*\d{1,2}[^)]{0,12}\))?\s+([A-Z][a-zA-Z'’-]*)\.?(?=\s*(?:\(|,|$|\s+and\b|\s*[—–-]))/g)) names.add(m[1].toLowerCase());
    for (const m of source.matchAll(/\)\s+([A-Z][a-zA-Z'’-]*)\.?/g)) names.add(m[1].toLowerCase());
  }
  familyNameCache.set(note, names);
  return names;
}

/** A woman named by title who is family: known as such, or not a professional and giving her views. */
function familyWoman(text: string, note: CaseNote, lexicon: Lexicon, needViews: boolean): boolean {
  WOMAN.lastIndex = 0;
  for (let m = WOMAN.exec(text); m; m = WOMAN.exec(text)) {
    const surname = m[1].replace(/['’]s$/, '').toLowerCase();
    const key = `${m[0].split(/\s+/)[0].replace('.', '')} ${surname}`.toLowerCase();
    const known = familyNames(note).has(surname) ? 'family' : note.people.named.get(key) ?? note.people.named.get(surname);
    if (known === 'professional' || known === 'child') continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 50);
    // "Ms Lane, the club coordinator," / "Mrs Finch (nursery manager)": a professional.
    const role = /^\s*(?:\(([^)]{1,40})\)|,\s*([^,.;]{1,40}))/.exec(after);
    if (known !== 'family' && role && PROFESSIONAL.test(role[1] ?? role[2])) continue;
    if (known === 'family' && !needViews) return true;
    if (viewsFollow(after, lexicon, needViews)) return true;
  }
  return false;
}

/**
 * A views word within the next few words: "Mum said", "Ms Hart (mother) told me", "Mum's view is".
 * In a professionals' meeting only her own views count (`parentViews`), not what she did.
 */
function viewsFollow(after: string, lexicon: Lexicon, strict = false): boolean {
  const near = after.replace(/^\s*\([^)]{0,40}\)/, '').slice(0, 40);
  const hit = findAll((strict ? lexicon.parentViews : lexicon.views) ?? [], near)[0];
  return !!hit && hit.index <= 25 && !/[.;]/.test(near.slice(0, hit.index));
}

/** The mother, or a woman caring for the child, speaks or is spoken of in the sentence. */
function womanIn(text: string, note: CaseNote, lexicon: Lexicon, needViews: boolean): boolean {
  for (const list of [lexicon.femaleCarers ?? [], lexicon.femaleRelatives ?? []]) {
    const relative = list === lexicon.femaleRelatives;
    for (const hit of findAll(list, text)) {
      // Grandmothers and aunts count when their views are recorded, not when merely mentioned.
      if (!needViews && !relative) return true;
      if (viewsFollow(text.slice(hit.index + hit.text.length), lexicon, needViews) || /['’]s?\s+(?:views?|wishes|account)\b/i.test(text.slice(hit.index + hit.text.length, hit.index + hit.text.length + 12))) return true;
    }
  }
  if (SHORTHAND_MOTHER.test(text)) {
    if (!needViews) return true;
    const m = SHORTHAND_MOTHER.exec(text)!;
    if (viewsFollow(text.slice(m.index + 1), lexicon, true)) return true;
  }
  const mother = motherNames(note);
  const named = mother?.exec(text);
  if (named && (!needViews || viewsFollow(text.slice(named.index + named[0].length), lexicon, true))) return true;
  return familyWoman(text, note, lexicon, needViews);
}

/** A meeting of professionals only: strategy discussion, professionals' meeting, supervision. */
function professionalMeeting(note: CaseNote, lexicon: Lexicon): boolean {
  const recordType = typeof note.frontMatter.record_type === 'string' ? note.frontMatter.record_type : '';
  const titles = note.scopes.filter((s) => s.kind !== 'between').map((s) => s.title);
  const firstHeading = note.blocks.find((b) => b.kind === 'heading')?.plain ?? '';
  const all = [recordType, firstHeading, ...titles].join(' \u0000 ');
  if (!has(lexicon.professionalMeetings ?? [], all)) return false;
  // A running record that also holds visits to the family is not a professionals-only file.
  return !titles.some((t) => has(lexicon.familyContacts ?? [], t) && !has(lexicon.professionalMeetings ?? [], t));
}

function recordsWoman(note: CaseNote, lexicon: Lexicon): boolean {
  const needViews = professionalMeeting(note, lexicon);
  for (const scope of note.scopes) {
    // "Mum's views:" as a label of its own says her views are recorded.
    if (scope.labels.some((l) => womanIn(l, note, lexicon, true))) return true;
  }
  for (const sentence of note.sentences) {
    if (womanIn(maskQuotes(sentence.text), note, lexicon, needViews)) return true;
  }
  return false;
}

const MESSAGE =
  "This record sets out the mother's (or a female carer's) views or circumstances but says nothing about the child's father or any male carer. Record who he is, whether he was contacted and how, and his views, or why not: even that he is not known, has died or has no contact.";

function fatherSection(note: CaseNote): FixSpec {
  const text = note.text;
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const lead = text.endsWith(eol + eol) ? '' : text.endsWith(eol) ? eol : text.length ? eol + eol : '';
  const block = [
    '**Father / male carer:**',
    "- Who he is: [his name, his relationship to the child, and whether he lives with them; or that he is not known]",
    '- Contact: [whether he was contacted, how and when; or why not]',
    '- His views: [what he said about the child and the concerns; or why his views were not sought]',
  ].join(eol);
  return { title: 'Add a father / male carer section', isPreferred: true, edits: [{ start: text.length, end: text.length, newText: `${lead}${block}${eol}` }] };
}

/** The last answer, reused while the text and word lists are unchanged (re-lint on every keystroke). */
const last = new WeakMap<Lexicon, { text: string; reports: RuleReport[] }>();

export const absentFather: RuleDefinition = {
  id: 'absent-father',
  defaultSeverity: 'info',
  lexicon: lexiconData,
  docs: {
    description: "Finds records that set out the mother's views or circumstances but say nothing at all about the child's father or a male carer.",
    why: "Serious case reviews keep finding fathers and the men around a child missing from the file, even when they are part of the child's daily life. A man who is not recorded is not assessed: his risks, his strengths and what he could offer the child are all lost, and he may feel shut out of his child's life. Record who he is, whether you contacted him and how, and his views, or why not. Even \"father not known\" or \"Dad has no contact since 2023\" tells the next reader that you asked.",
    guidance: [
      { source: 'The 10 principles from serious case reviews, 7d: Working with fathers', passage: "Research of children with newly made child protection plans found that although fathers were present rather than absent in children's lives and the majority were involved in parenting, there was very little information about these men in children's case files." },
      { source: 'The 10 principles from serious case reviews, 7d', passage: 'Such lack of professional curiosity or interest in fathers and partners, not only potentially leaves women and children vulnerable, it can also leave fathers themselves feeling alienated, forgotten and their role in bringing up their children dismissed.' },
      { source: 'Working Together 2023 (partnership principles)', passage: 'Adapting their responses to meet the diverse needs of parents and carers, including fathers and male carers, and the specific challenges being faced.' },
    ],
    examples: [
      {
        poor: '## 14/03/2026 Home visit\n\nSaw Ava and Ms Hart at home. Ms Hart said she is struggling since losing her job and asked about help with nursery fees.',
        good: "## 14/03/2026 Home visit\n\nSaw Ava and Ms Hart at home. Ms Hart said she is struggling since losing her job and asked about help with nursery fees.\n\nAva's father, Mr Cole, lives in Bolton and sees her every other weekend. I phoned him on 15/03 to ask for his views; he said he would like to have Ava more often.",
      },
    ],
  },
  check({ note, lexicon }: RuleContext): RuleReport[] {
    const cached = last.get(lexicon);
    if (cached && cached.text === note.text) return cached.reports;
    const reports = checkNote(note, lexicon);
    last.set(lexicon, { text: note.text, reports });
    return reports;
  },
};

function checkNote(note: CaseNote, lexicon: Lexicon): RuleReport[] {
  if (!note.blocks.length || mentionsMan(note, lexicon) || !recordsWoman(note, lexicon)) return [];
  const anchor = note.blocks.find((b) => b.kind === 'heading') ?? note.blocks[0];
  const line = note.lines.lineOf(anchor.start);
  return [{ start: anchor.start, end: Math.min(anchor.end, note.lines.lineEnd(line)), message: MESSAGE, fixes: [fatherSection(note)] }];
}

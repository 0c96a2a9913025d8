/**
 * Who is who in a record: the children it is about, and the named people with a stated role
 * ("Mrs Okoro, the Designated Safeguarding Lead", "Lisa Grant (HV)", "DC Amira Shah").
 * Built once per note from front matter and from the text, and used by rules to tell a call with
 * a teacher from a call with a grandmother, or the child's words from a parent's.
 */
import { FAMILY_WORDS, PROFESSIONAL_WORDS, wordPattern } from './vocabulary';
import { digest } from './digest';

export type PersonKind = 'professional' | 'family' | 'child';

export interface People {
  /** Lower-case first names (and shorthand) of the children the record is about. */
  children: Set<string>;
  /** Lower-case name tokens (first names, surnames, "ms b") mapped to what is known of the person. */
  named: Map<string, PersonKind>;
  /** Name tokens of the writer and their social work colleagues (front matter worker, "Dionne Reid (SW)"). */
  writers: Set<string>;
  /** Identifies this cast of people, so analyses of unchanged sentences can be reused. */
  signature: string;
}

const PROFESSIONAL = wordPattern(PROFESSIONAL_WORDS);
const FAMILY = wordPattern(FAMILY_WORDS.filter((w) => w.length > 2));
/** A "role" that starts like this is the rest of a sentence, not an appositive: "Mrs P., and at school". */
const ROLE_STOP = /^(?:and|at|on|in|with|who|which|that|was|were|is|are|said|says|had|has|have|to|from|for|but|so|as|when|after|before|or|then|also|rang|called|emailed|told|asked|came|went|did|does|would|will|could|can|may|might|should|not|no|nor|if|because|while|where|whose|aged|age|being|saying|under|since|until|during|via|by|\d)\b/;
const CHILD_KEYS = /^(child|children|child_name|children_names|young_person|young_people|subject|baby|infant|pupil|student|child_names)$/i;
const NAME = String.raw`(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|DC|DS|PC|DI|DCI|HV|SW)\.?\s+)?[A-Z][a-zA-Z'’-]+(?:\s+[A-Z][a-zA-Z'’-]*\.?){0,3}`;
const TITLED = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|DC|DS|PC|DI|DCI|HV|SW)\.?$/;

/** "Tyler B. (7)", "Kacper N. (DOB 03/05/2016)", "Jayden L. (Year 5)", "Kayden 8", "Riley (6)". */
const CHILD_WITH_AGE = /\b([A-Z][a-zA-Z'’-]+)(?:\s+[A-Z][a-zA-Z'’-]*\.?)?\s*(?:\((?:aged?\s*)?(\d{1,2})(?:\s*(?:months?|yrs?|years?))?\)|\((?:DOB|d\.o\.b\.?|born)[^)]*\)|\(Year \d{1,2}\)|,? aged (\d{1,2}))/g;
const CHILD_LIST_AGE = /\b([A-Z][a-z'’-]+) (\d{1,2})(?=[,)]| and\b)/g;

export function findPeople(frontMatter: Record<string, unknown>, text: string): People {
  const children = new Set<string>();
  const named = new Map<string, PersonKind>();
  const writers = new Set<string>();
  /** The children's surnames or initials ("p" for "Noah P."), to recognise their parents. */
  const surnames = new Set<string>();

  for (const [key, value] of Object.entries(frontMatter)) {
    const str = typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : '';
    if (!str) continue;
    if (CHILD_KEYS.test(key)) {
      for (const part of str.split(/,|;|\band\b|&/)) {
        const first = /[A-Z][a-zA-Z'’-]+/.exec(part.replace(/^\s*(?:Unborn baby of|Baby)\s+/i, ''))?.[0];
        if (first && !/^(Unborn|Baby)$/.test(first)) children.add(first.toLowerCase());
      }
    } else if (/worker|social_worker|author|recorded_by|practitioner|officer|chair|minute|supervisor|clinician|compiled_by|lead|nurse|midwife|hv|gp|police|coordinator|manager/i.test(key)) {
      addName(named, str.split(',')[0], 'professional');
      if (/worker|author|recorded_by|practitioner|compiled_by|minute/i.test(key)) addWriter(writers, str.split(',')[0]);
    } else if (/mother|father|parent|carer|tenant|patient|woman|mum|dad/i.test(key)) {
      addName(named, str.split(/[,(]/)[0], 'family');
    } else {
      // Any other detail that names people with their role: "placement: Mr and Mrs Bennett, foster carers".
      const [who, ...role] = str.split(',');
      const kind = role.length ? kindOfRole(role.join(',')) : null;
      if (kind && /^\s*(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)?[A-Z]/.test(who)) {
        for (const part of who.split(/\band\b|&/)) addName(named, part, kind);
      }
    }
    if (CHILD_KEYS.test(key)) {
      for (const part of str.split(/,|;|\band\b|&/)) addSurname(surnames, part);
    }
  }

  // Children named with an age, DOB or school year, in the opening lines or anywhere.
  for (const m of text.matchAll(CHILD_WITH_AGE)) {
    const age = Number(m[2] ?? m[3] ?? 0);
    if (age <= 18) {
      children.add(m[1].toLowerCase());
      addSurname(surnames, m[0]);
    }
  }
  for (const m of text.matchAll(CHILD_LIST_AGE)) {
    if (Number(m[2]) <= 18 && !/^(Year|Room|Flat|Ward|Bay|Age|Aged|Week|Weeks|Day|Days|Page)$/.test(m[1])) children.add(m[1].toLowerCase());
  }

  // Named people with a role next to them: "Name, role", "role, Name", "Name (role)", "DC Name".
  const appositives: [RegExp, number, number][] = [
    [new RegExp(`(${NAME})\\s*\\(([^)]{2,60})\\)`, 'g'), 1, 2],
    [new RegExp(`(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[A-Z][a-z]+(?:'s|’s))\\s+([a-zA-Z' -]{2,50}),\\s+(${NAME})`, 'g'), 2, 1],
    [new RegExp(`(${NAME}),\\s+(?:the\\s+|a\\s+|an\\s+|his\\s+|her\\s+|their\\s+|[A-Z][a-z]+'s\\s+)?([^,.;:]{2,60})`, 'g'), 1, 2],
  ];
  for (const [re, nameGroup, roleGroup] of appositives) {
    for (const m of text.matchAll(re)) {
      if (ROLE_STOP.test(m[roleGroup].trim())) continue;
      const kind = kindOfRole(m[roleGroup]);
      if (kind) addName(named, m[nameGroup], kind);
      if (/^\s*(?:the\s+)?(?:sw|social worker|allocated (?:sw|social worker)|minutes)\b/i.test(m[roleGroup])) addWriter(writers, m[nameGroup]);
    }
  }
  for (const m of text.matchAll(/\b(DC|DS|PC|DI|DCI|Dr|HV|SW|Sgt|Cllr)\.?\s+([A-Z][a-zA-Z'’-]+(?:\s+[A-Z][a-zA-Z'’-]+)?)/g)) {
    addName(named, m[2], 'professional');
  }
  // A relative named after their relationship: "M's partner Wayne Dunn", "her sister Tracey".
  for (const m of text.matchAll(RELATIVE_NAMED)) addName(named, m[1], 'family');
  // An adult with a title and the children's surname or initial ("Ms Jade P.", "Mr P.") is family,
  // unless the record gives them a professional role.
  if (surnames.size) {
    for (const m of text.matchAll(TITLED_ADULT)) {
      const surname = m[2].toLowerCase();
      if (surnames.has(surname) && !children.has((m[1] ?? '').trim().toLowerCase())) addName(named, m[0], 'family');
    }
  }
  for (const child of children) named.set(child, 'child');
  // A digest keeps the per-sentence cache keys that include it short (see digest.ts).
  const signature = digest(JSON.stringify([[...children].sort(), [...named.entries()].sort(), [...writers].sort()]));
  return { children, named, writers, signature };
}

const RELATIVE_NAMED = /\b(?:partner|boyfriend|girlfriend|husband|wife|ex-partner|ex|brother|sister|uncle|aunt|auntie|aunty|nan|nana|gran|grandma|grandad|grandmother|grandfather|cousin|stepfather|stepmother|stepdad|stepmum)\s+([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?)\b(?!['’]s\s+(?:school|nursery|class|teacher))/g;

/** "Mrs Sandra Bennett", "Ms Jade P.", "Mr P.": a title, an optional first name and a surname or initial. */
const TITLED_ADULT = /\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+([A-Z][a-z'’-]+\s+)?([A-Z](?:[a-z'’-]+)?)(?![\w'’-])/g;

/** The surname or initial after a child's first name: "Noah P. (4 months)" gives "p". */
function addSurname(surnames: Set<string>, part: string): void {
  const m = /^\s*(?:Unborn baby of\s+|Baby\s+)?[A-Z][a-zA-Z'’-]+\s+([A-Z](?:[a-zA-Z'’-]+)?)(?![\w'’-])/.exec(part);
  if (m && !/^(?:Year|Aged?|DOB)$/i.test(m[1])) surnames.add(m[1].toLowerCase());
}

function addWriter(writers: Set<string>, name: string): void {
  for (const token of name.trim().split(/\s+/)) {
    const clean = token.replace(/[.,]/g, '');
    if (clean.length >= 2 && /^[A-Z]/.test(clean) && !TITLED.test(clean)) writers.add(clean.toLowerCase());
  }
}

export function kindOfRole(role: string): PersonKind | null {
  const r = role.toLowerCase();
  // An interpreter speaks for the family and works for the writer: neither family nor "another
  // professional" ("Mr Farid Noori (Dari interpreter)"), as classifyParty says of the word itself.
  if (INTERPRETER.test(r)) return null;
  // Foster and kinship carers are family for these rules, even "local authority foster carers".
  const carers = /\b(?:foster|kinship|connected)\s+carers?\b/.exec(r);
  if (carers && !PROFESSIONAL.test(r.slice(carers.index + carers[0].length))) return 'family';
  // A possessive before a family word ("Ms R.'s housing officer") is still a professional.
  if (PROFESSIONAL.test(r) && !/^(?:mother|father|mum|dad|parent)\b/.test(r.trim())) return 'professional';
  if (FAMILY.test(r)) return 'family';
  return null;
}

/** Capitalised words that open a sentence ("Met Dr Price, ...", "Rang DC Shah, ...") and are no one's name. */
const NOT_NAME = /^(?:Met|Rang|Called|Phoned|Spoke|Emailed|E-mailed|Saw|Visited|Sent|Told|Discussed|Attended|Contacted|Texted|Wrote|Left|Asked|Agreed|Gave|Referred|Informed|Updated|Also|Then|Later|Afterwards|Today|Yesterday)$/;

function addName(named: Map<string, PersonKind>, name: string, kind: PersonKind): void {
  const tokens = name.trim().split(/\s+/);
  // "Ms Kerry B." is also written "Ms B.": remember the honorific with the surname or initial.
  if (tokens.length >= 2 && TITLED.test(tokens[0])) {
    const key = `${tokens[0].replace('.', '')} ${tokens[tokens.length - 1].replace(/[.,]/g, '')}`.toLowerCase();
    if (!named.has(key)) named.set(key, kind);
  }
  for (const token of tokens) {
    const clean = token.replace(/[.,]/g, '');
    if (!clean || TITLED.test(clean) || clean.length < 2 || !/^[A-Z]/.test(clean) || NOT_NAME.test(clean)) continue;
    const key = clean.toLowerCase();
    // A child's name keeps its meaning; otherwise the first role seen wins.
    if (!named.has(key)) named.set(key, kind);
  }
}

export type Party = 'professional' | 'family' | 'child' | 'manager' | 'writer' | 'unknown';

const INTERPRETER = /\binterpret(?:er|ing)\b/i;
const OWN_SIDE_MANAGER = /\b(?:my|our)\s+(?:team |practice |line |assistant team |deputy team )?(?:manager|supervisor|tm|atm|senior|practice lead)\b|\bsupervision\b/i;
const HONORIFIC = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+([A-Z][\w'’-]*)/;
const WRITER_WORDS = /^(?:i|me|we|us|myself)$/i;

/**
 * Who a phrase names: "Mrs Okoro, the DSL" is a professional, "Ms B." with no role is unknown
 * unless the record says who she is, "her nan" is family, "my team manager" is the writer's own
 * manager (not "another professional"), an interpreter is neither.
 */
export function classifyParty(phrase: string, people: People): Party {
  const p = phrase.trim();
  if (!p) return 'unknown';
  if (WRITER_WORDS.test(p)) return 'writer';
  if (OWN_SIDE_MANAGER.test(p)) return 'manager';
  if (INTERPRETER.test(p)) return 'manager';
  const lower = p.toLowerCase();
  // A family member's professional ("Ms R.'s housing officer", "his probation officer") is a professional.
  const carersOnly = /\b(?:foster|kinship|connected)\s+carers?\b/.test(lower) && !PROFESSIONAL.test(lower.replace(/^.*?\b(?:foster|kinship|connected)\s+carers?\b/, ''));
  if (PROFESSIONAL.test(lower) && !carersOnly) {
    const fam = FAMILY.exec(lower);
    const prof = PROFESSIONAL.exec(lower);
    if (!fam || (prof && prof.index >= fam.index) || /['’]s\s/.test(lower)) return 'professional';
  }
  if (carersOnly) return 'family';
  for (const token of p.split(/[\s,().]+/)) {
    const kind = people.named.get(token.toLowerCase());
    if (kind === 'child') return 'child';
    if (kind === 'professional') return 'professional';
    if (kind === 'family') return 'family';
  }
  if (FAMILY.test(lower) || /^(?:m|f|mo|fa)$/i.test(p)) return 'family';
  const titled = HONORIFIC.exec(p);
  if (titled) {
    const surname = titled[1].replace(/['’]s$/, '').replace(/[.,]/g, '');
    const kind = people.named.get(`${titled[0].split(/\s+/)[0].replace('.', '')} ${surname}`.toLowerCase());
    if (kind === 'child') return 'child';
    if (kind) return kind;
  }
  return 'unknown';
}

/** Capitalised words that name no one in particular. */
const KEY_STOP = /^(?:The|His|Her|Their|Mr|Mrs|Ms|Miss|Mx|Dr|St|Deputy|Head|Year|Primary|Secondary|School|Academy|Surgery|Team|Service|Services|Centre|Unit|Practice|Hub|Front|Door|Children|Health|Social|Worker|Manager|Officer|Nurse|Teacher|Lead|Duty|Support|Group|Family|At|On|In|I|We|A|An)$/;
const ROLE_KEYS = /\b(?:school|nursery|gp|surgery|practice|police|midwife|health visitor|hv|dsl|teacher|probation|camhs|housing|mash|front door|nurse|idva|yot|college|hospital|social worker|adult social care|early help|duty|missing persons|101)\b/g;

/**
 * The words by which a later sentence can be recognised as addressed to the same person or
 * agency: their names (also lower-case ones after a title, "mr okafor") and role words. Role
 * words from a heading are added when the phrase itself names no one.
 */
export function partyKeys(phrase: string, heading = ''): string[] {
  const keys = new Set<string>();
  for (const m of phrase.matchAll(/\b[A-Z][a-z'’-]{1,}\b/g)) {
    const word = m[0].replace(/['’]s$/, '');
    if (!KEY_STOP.test(word)) keys.add(word.toLowerCase());
  }
  for (const m of phrase.matchAll(/\b(?:mr|mrs|ms|miss|dr|dc|ds|pc)\.?\s+([a-z][\w'’-]+)/gi)) keys.add(m[1].replace(/['’]s$/, '').toLowerCase());
  for (const role of `${phrase} ${heading}`.toLowerCase().match(ROLE_KEYS) ?? []) keys.add(role);
  return [...keys];
}

/**
 * Finds who a sentence speaks of: the child (by name, "the children", "baby", shorthand "C"),
 * other people (honorific + name, family words, roles), the writer ("I", "we") and pronouns.
 * Pronouns are resolved to the running topic, the person a previous sentence was about, which is
 * how a reader follows "Kacper showed me his room. He said...".
 */
import type { People } from './people';
import { CHILD_WORDS, FAMILY_WORDS, PROFESSIONAL_WORDS, wordPattern } from './vocabulary';
import { keep } from './reuse';
import { escapeRegExp, matchesOf } from './text';

export type MentionKind = 'child' | 'adult' | 'writer' | 'pronoun';

export interface Mention {
  index: number;
  end: number;
  kind: MentionKind;
  text: string;
  /** A preposition or possessive stands before it ("with Zara", "Zara's"), so it is not a subject. */
  oblique: boolean;
}

const CHILD = wordPattern(CHILD_WORDS.filter((w) => w.length > 1), 'gi');
const ADULT_WORDS = wordPattern(
  [...FAMILY_WORDS.filter((w) => w.length > 1 && !CHILD_WORDS.includes(w)), ...PROFESSIONAL_WORDS.filter((w) => !/^(?:team|service|services|unit|hub|practice|health|duty|housing|benefits|la|pa|ot|ds|dc|pc|di|dr)$/.test(w))],
  'gi',
);
const HONORIFIC_NAME = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|DC|DS|PC|DI|DCI|HV|Nurse|Sister)\.?\s+[A-Z][\w'’-]*\.?(?:\s+[A-Z][\w'’-]*\.?)?/g;
const WRITER = /(?<![\w'’])(?:I|me|my|we|us|our|myself)(?![\w'’])/g;
const PRONOUN = /(?<![\w'’])(?:he|she|they|him|her|them|his|hers|their)(?![\w'’])/gi;
const CAPITALISED = /(?<![\w'’.-])[A-Z][a-z-]+(?=['’]s\b|(?![\w'’-]))/g;
const PREPOSITION_BEFORE = /(?:\b(?:with|to|by|for|about|at|from|of|towards|on|and|than|in|into|inside|near|outside|around|during|through|over|under|saw|met|visited|asked|told|gave|showed|helped|collected|dropped|took|brought|left|picked)\s+(?:the\s+|his\s+|her\s+|their\s+)?)$/i;
/** Organisations and places are not people a sentence can be "about" for following pronouns. */
const ORGANISATION = /^(?:school|academy|college|nursery|surgery|practice|hospital|ward|clinic|centre|club|team|service|services|unit|hub|office|council|agency|group|library|police)$/i;

const MENTION_CACHE_LIMIT = 2000;
const CASTS_KEPT = 4;
/** By the record's cast of people (its signature), then by sentence: no key is built per call. */
const mentionCache = new Map<string, Map<string, Mention[]>>();

/** Mentions in a sentence, cached by the sentence and the record's cast of people. */
export function findMentions(text: string, people: People): Mention[] {
  let forCast = mentionCache.get(people.signature);
  if (!forCast) {
    forCast = keep(mentionCache, CASTS_KEPT, people.signature, new Map<string, Mention[]>());
  }
  const hit = forCast.get(text);
  if (hit) return hit;
  return keep(forCast, MENTION_CACHE_LIMIT, text, scanMentions(text, people));
}

const childNames = new WeakMap<People, RegExp[]>();

/** One pattern per name of the record's children, made once per record rather than per sentence. */
function childNamePatterns(people: People): RegExp[] {
  let patterns = childNames.get(people);
  if (!patterns) {
    patterns = [...people.children].map((name) => new RegExp(`(?<![\\w'’-])${escapeRegExp(name)}(?=['’]s\\b|(?![\\w'’-]))`, 'gi'));
    childNames.set(people, patterns);
  }
  return patterns;
}

function scanMentions(text: string, people: People): Mention[] {
  const out: Mention[] = [];
  const taken = new Array<boolean>(text.length).fill(false);
  const add = (index: number, end: number, kind: MentionKind) => {
    for (let i = index; i < end; i++) if (taken[i]) return;
    for (let i = index; i < end; i++) taken[i] = true;
    const before = text.slice(Math.max(0, index - 40), index);
    const possessive = /^['’]s\b/.test(text.slice(end, end + 3)) || /^['’](?!\w)/.test(text.slice(end, end + 2));
    out.push({ index, end, kind, text: text.slice(index, end), oblique: PREPOSITION_BEFORE.test(before) || possessive });
  };
  for (const m of matchesOf(HONORIFIC_NAME, text)) add(m.index, m.index + m[0].length, 'adult');
  for (const m of matchesOf(CAPITALISED, text)) {
    const lower = m[0].toLowerCase();
    if (people.children.has(lower)) add(m.index, m.index + m[0].length, 'child');
    else if (people.named.get(lower) === 'professional' || people.named.get(lower) === 'family') add(m.index, m.index + m[0].length, 'adult');
  }
  // Dictated text often leaves names in lower case: the child's own names are known, so find them anyway.
  for (const re of childNamePatterns(people)) {
    for (const m of matchesOf(re, text)) add(m.index, m.index + m[0].length, 'child');
  }
  for (const m of matchesOf(CHILD, text)) {
    // Shorthand "C" only as a capital letter standing alone ("C said", "C was playing").
    if (/^c$/i.test(m[0]) && m[0] !== 'C') continue;
    add(m.index, m.index + m[0].length, 'child');
  }
  // Shorthand "C" for the child, as a capital standing alone before a lower-case word ("C appeared tired").
  for (const m of matchesOf(/(?<![\w'’.&/-])C(?=(?:['’]s)?\s+[a-z])/g, text)) add(m.index, m.index + 1, 'child');
  for (const m of matchesOf(ADULT_WORDS, text)) add(m.index, m.index + m[0].length, 'adult');
  for (const m of matchesOf(/(?<![\w'’])(?:M|F|Mo|Fa)(?=\s+[a-z])/g, text)) add(m.index, m.index + m[0].length, 'adult');
  for (const m of matchesOf(WRITER, text)) add(m.index, m.index + m[0].length, 'writer');
  for (const m of matchesOf(PRONOUN, text)) add(m.index, m.index + m[0].length, 'pronoun');
  return out.sort((a, b) => a.index - b.index);
}

/** The person a sentence is about: its first third-person mention that is not oblique. */
export function topicOf(mentions: Mention[], previous: MentionKind | null): MentionKind | null {
  for (const m of mentions) {
    if (m.kind === 'writer' || m.oblique || ORGANISATION.test(m.text)) continue;
    if (m.kind === 'pronoun') {
      if (/^(?:his|her|their|hers)$/i.test(m.text) || previous === null) continue;
      return previous;
    }
    return m.kind;
  }
  // "I saw Kian alone in his bedroom": the object becomes the topic when nothing else is.
  const object = mentions.find((m) => m.kind === 'child' || (m.kind === 'adult' && !ORGANISATION.test(m.text)));
  return object ? object.kind : previous;
}

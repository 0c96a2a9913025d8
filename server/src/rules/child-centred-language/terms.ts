/**
 * The word lists of child-centred-language, read as data:
 * - `blaming` and `serviceLanguage`: a term and the words to use instead
 *   ("absconded => went missing; left without agreement"). An entry starting "re:" is a regular
 *   expression, for a term whose meaning depends on the words around it.
 * - `familyTime`: words that mean time with family only when followed by "with" and a family
 *   member ("contact with Mum", "contact with her brothers"); `familyMembers` names those members.
 * - `ordinarySense`: words that, just before "contact", show it means getting in touch
 *   ("made contact with Mum", "in contact with Dad").
 * Lists are compiled once per merged lexicon into one pattern.
 */
import type { Lexicon } from '../../core/types';
import { escapeRegExp } from '../../core/text';

export type Category = 'blaming' | 'serviceLanguage';
const CATEGORIES: readonly Category[] = ['blaming', 'serviceLanguage'];

export interface Term {
  /** The term as written in the list, lower-cased, spaces collapsed ("re:" entries keep their source). */
  key: string;
  category: Category;
  replacements: string[];
  /** A `familyTime` word: "contact" when it means time with family. */
  familyTime: boolean;
  /** For "re:" entries: the expression, anchored at a position. */
  sticky?: RegExp;
}

export interface Compiled {
  pattern: RegExp;
  plain: Map<string, Term>;
  regexTerms: Term[];
  /** Family-time words followed by "with" and a capitalised name ("contact with Ms R."), name captured. */
  withName: RegExp | null;
  /** Words that, just before a family-time word, show it means getting in touch. */
  ordinary: RegExp | null;
}

export const normalise = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();
const escape = (w: string) => escapeRegExp(w).replace(/ /g, '\\s+');

export function parseEntry(raw: string): { term: string; replacements: string[] } {
  const cut = raw.indexOf('=>');
  const term = (cut < 0 ? raw : raw.slice(0, cut)).trim();
  const replacements = cut < 0 ? [] : raw.slice(cut + 2).split(';').map((r) => r.trim()).filter(Boolean);
  return { term, replacements };
}

function keyOf(term: string): string {
  return term.startsWith('re:') ? term : normalise(term);
}

function validRegex(source: string): boolean {
  try {
    new RegExp(source, 'iy');
    return true;
  } catch {
    return false;
  }
}

/** "his", "her birth", "Jo's older": what may come between "with" and the family member. */
const DETERMINERS = String.raw`(?:(?:his|her|their|the|own|both|birth|biological|maternal|paternal|older|younger|little|big|baby|half|step|[a-z]+['’]s)[\s-]+){0,3}`;
/** Words that may stand between "made" or "in" and "contact": "in regular contact with Mum". */
const CONTACT_ADJECTIVES = '(?:regular|daily|weekly|frequent|close|constant|direct|telephone|phone|email|e-mail|brief|further|some|any|good|little|limited|recent|initial|first|proper|face-to-face|video)';
const NAME = String.raw`((?:(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+)?[A-Z][\w'’-]*\.?(?:\s+[A-Z][\w'’-]*\.?)?)`;

const compiledCache = new WeakMap<Lexicon, Compiled>();

export function compile(lexicon: Lexicon): Compiled {
  const hit = compiledCache.get(lexicon);
  if (hit) return hit;
  const plain = new Map<string, Term>();
  const regexTerms: Term[] = [];
  for (const category of CATEGORIES) {
    for (const raw of lexicon[category] ?? []) {
      const { term, replacements } = parseEntry(raw);
      if (!term) continue;
      const key = keyOf(term);
      const entry: Term = { key, category, replacements, familyTime: false };
      if (term.startsWith('re:')) {
        const source = term.slice(3);
        if (!source || !validRegex(source)) continue;
        regexTerms.push({ ...entry, sticky: new RegExp(source, 'iy') });
      } else if (!plain.has(key)) {
        plain.set(key, entry);
      }
    }
  }
  // Family-time words: matched only before "with" and a family member.
  const members = (lexicon.familyMembers ?? []).map(normalise).filter(Boolean).sort((a, b) => b.length - a.length).map(escape);
  const familyWords: string[] = [];
  for (const raw of lexicon.familyTime ?? []) {
    const { term, replacements } = parseEntry(raw);
    const key = normalise(term);
    if (!key || term.startsWith('re:') || plain.has(key)) continue;
    const entry: Term = { key, category: 'serviceLanguage', replacements, familyTime: true };
    regexTerms.push({ ...entry, sticky: new RegExp(`${escape(key)}(?=\\s+with\\s+${DETERMINERS}(?:${members.join('|') || '(?!)'})(?![\\w'’]))`, 'iy') });
    familyWords.push(key);
  }
  const words = [...plain.keys()].sort((a, b) => b.length - a.length).map(escape);
  const alternatives = [
    ...(words.length ? [`(?<![\\w'’-])(?:${words.join('|')})(?![\\w-])`] : []),
    ...regexTerms.map((t) => `(?<![\\w'’-])(?:${t.sticky!.source})`),
  ];
  // The first letter in either case, the name after "with" capitalised: "Contact with Ms R.".
  const eitherCase = (w: string) => `[${w.charAt(0).toLowerCase()}${w.charAt(0).toUpperCase()}]${escape(w.slice(1))}`;
  const ordinaryWords = (lexicon.ordinarySense ?? []).map((w) => escape(normalise(w))).filter(Boolean);
  const compiled: Compiled = {
    pattern: new RegExp(alternatives.join('|') || '(?!)', 'gi'),
    plain,
    regexTerms,
    withName: familyWords.length ? new RegExp(`(?<![\\w'’-])(?:${familyWords.map(eitherCase).join('|')})(?=\\s+with\\s+${NAME})`, 'g') : null,
    ordinary: ordinaryWords.length ? new RegExp(`(?:^|[^\\w'’-])(?:${ordinaryWords.join('|')})\\s+(?:${CONTACT_ADJECTIVES}\\s+){0,2}$`, 'i') : null,
  };
  compiledCache.set(lexicon, compiled);
  return compiled;
}

/** Which list entry a match at `index` came from. */
export function termOf(compiled: Compiled, text: string, index: number, matched: string): Term | null {
  const plain = compiled.plain.get(normalise(matched));
  if (plain) return plain;
  for (const t of compiled.regexTerms) {
    t.sticky!.lastIndex = index;
    const m = t.sticky!.exec(text);
    if (m && m[0].length === matched.length) return t;
  }
  return null;
}

/** The family-time term for a word ("contact"). */
export function familyTimeTerm(compiled: Compiled, word: string): Term | null {
  const key = normalise(word);
  return compiled.regexTerms.find((t) => t.familyTime && t.key === key) ?? null;
}

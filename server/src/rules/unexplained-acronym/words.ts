/**
 * Telling an acronym from other words in capitals: ordinary words written in capitals for
 * emphasis ("NOT", "URGENT"), names in capitals ("Kerry BROWN"), Roman numerals, and whether the
 * words around an acronym spell it out ("Child and Adolescent Mental Health Services (CAMHS)").
 */
import nlp from 'compromise';

type Tags = string | string[] | undefined;
const LEXICON = (nlp.model() as { one: { lexicon: Record<string, Tags> } }).one.lexicon;

const tagList = (t: Tags): string[] => (t === undefined ? [] : Array.isArray(t) ? t : [t]);
/** Dictionary entries that are themselves abbreviations or short names, not ordinary words. */
const NOT_A_WORD = /^(?:Organization|Country|Place|Region|City|Abbreviation|Honorific|Acronym|Currency|Duration|Unit)$/;
const NAME = /^(?:FirstName|MaleName|FemaleName|LastName|Person)$/;

function dictionaryWord(w: string): boolean {
  const tags = tagList(LEXICON[w]);
  if (!tags.length) return false;
  if (w.length <= 4 && tags.some((t) => NOT_A_WORD.test(t))) return false;
  if (w.length <= 3 && tags.some((t) => NAME.test(t))) return false;
  return true;
}

/** The word and the words it may be an inflection of ("refused" → "refuse", "shouting" → "shout"). */
function stems(w: string): string[] {
  const out = [w];
  if (w.length < 5) return out;
  const add = (s: string) => s.length >= 3 && out.push(s);
  if (w.endsWith('ies') || w.endsWith('ied')) add(`${w.slice(0, -3)}y`);
  if (w.endsWith('s')) add(w.slice(0, -1));
  if (w.endsWith('es')) add(w.slice(0, -2));
  if (w.endsWith('ed')) {
    add(w.slice(0, -2));
    add(w.slice(0, -1));
    if (w.at(-3) === w.at(-4)) add(w.slice(0, -3));
  }
  if (w.endsWith('ing')) {
    add(w.slice(0, -3));
    add(`${w.slice(0, -3)}e`);
    if (w.at(-4) === w.at(-5)) add(w.slice(0, -4));
  }
  if (w.endsWith('ly')) add(w.slice(0, -2));
  if (w.endsWith('ness')) add(w.slice(0, -4));
  return out;
}

/** Endings that make a word English rather than a set of initials ("TEARFUL", "AGITATION"). */
const WORD_ENDING = /[aeiouy].*(?:tion|sion|ment|ness|ity|ful|less|ous|ive|able|ible|ing|ed|ly|ish|ance|ence|ship|hood|ise|ize|est)$/;

/** An English word written in capitals ("URGENT", "NOT", "REFUSED"), by dictionary, by its ending or by the list. */
export function isOrdinaryWord(lower: string, extra: ReadonlySet<string>): boolean {
  if (lower.length >= 5 && lower.length <= 30 && WORD_ENDING.test(lower)) return true;
  return stems(lower).some((w) => extra.has(w) || dictionaryWord(w));
}

/** A first name, for surnames written in capitals after it ("Kerry OKAFOR"). */
export function isFirstName(word: string): boolean {
  return tagList(LEXICON[word.toLowerCase()]).some((t) => /^(?:FirstName|MaleName|FemaleName)$/.test(t));
}

const ROMAN = /^(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

export function isRomanNumeral(token: string): boolean {
  return token.length <= 8 && ROMAN.test(token);
}

/** The letters and numbers an acronym is made of: "S47" → ["s", "47"], "A&E" → ["a", "e"]. */
export function unitsOf(base: string): string[] {
  return (base.match(/[A-Z]|\d+/g) ?? []).map((u) => u.toLowerCase());
}

const MINOR = new Set(['and', 'of', 'the', 'for', 'in', 'to', 'with', 'on', 'at', 'a', 'an', 'by', 'or', 'as', 'from']);

/** Words as initials are read from them: "Multi-Agency" is two words, "Children's" one. */
export function wordsOf(text: string): string[] {
  return text
    .split(/[\s\-–—\/]+/)
    .map((w) => w.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
}

/**
 * True when the words spell out the acronym: each word gives the next letter or letters
 * ("Co-ordinator" may give "CO"), small words ("and", "of") may give none.
 * `start`: the words begin with the spelling (anything may follow it).
 * `end`: the words end with it (anything may come before it, up to fifteen words back).
 */
export function spellsOut(words: readonly string[], units: readonly string[], mode: 'start' | 'end'): boolean {
  const n = words.length;
  const total = units.length;
  if (!total || !n) return false;
  const memo = new Map<number, boolean>();
  const go = (i: number, j: number): boolean => {
    if (j === total) return mode === 'start' || i === n;
    if (i >= n) return false;
    const key = i * 64 + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const w = words[i];
    let ok = false;
    let prefix = '';
    for (let k = j; k < total && !ok; k++) {
      prefix += units[k];
      if (!w.startsWith(prefix)) break;
      ok = go(i + 1, k + 1);
    }
    if (!ok && MINOR.has(w)) ok = go(i + 1, j);
    memo.set(key, ok);
    return ok;
  };
  if (mode === 'start') {
    for (let i = 0; i < Math.min(n, 3); i++) {
      if (go(i, 0)) return true;
      if (!MINOR.has(words[i])) break;
    }
    return false;
  }
  for (let s = n - 1; s >= Math.max(0, n - 15); s--) if (!MINOR.has(words[s]) && go(s, 0)) return true;
  return false;
}

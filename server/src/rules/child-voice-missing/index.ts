/**
 * child-voice-missing: an entry about a visit or direct work with a child (or a review,
 * assessment or summary about them) that records nothing of the child: none of their words,
 * wishes, feelings or views, no observation of how they presented, and no reason why not.
 *
 * Reported once per entry, on its heading (or the first line of a file without entry headings).
 * Entries recording only professional contact (calls, emails, strategy discussions) are left alone.
 */
import type { RuleContext, RuleDefinition, RuleReport } from '../rule';
import type { CaseNote, Scope, Sentence } from '../../core/document';
import { findAll, maskQuotes } from '../../core/text';
import { findMentions, topicOf, type Mention, type MentionKind } from '../../core/mentions';
import lexiconData from './lexicon.json';
import type { Lexicon } from '../../core/types';
import { perScope, type ScopeCache } from '../../core/scope-cache';

const REPORTED_BY_OTHER = /\b(?:said|says|told|tells|reported|reports|explained|described|stated|states|confirmed|thinks|believes|feels|felt|alleged|mentioned|added)\b/i;
const NOT_VOICE = /^(?:present|seen|at home|home|in|there)$/i;

function has(words: readonly string[], text: string): boolean {
  return findAll(words, text).length > 0;
}

/** Whether the entry records direct work with the child, or is a document that should hold their views. */
function involvesChild(scope: Scope, note: CaseNote, lexicon: Lexicon): boolean {
  const title = scope.kind === 'file' ? scope.title : scope.title.replace(/^[\d/.:\s—–-]+/, '');
  const recordType = typeof note.frontMatter.record_type === 'string' ? note.frontMatter.record_type : '';
  const heading = scope.kind === 'file' ? `${recordType} ${title}` : title;
  const direct = has(lexicon.directWork, heading);
  const professional = has(lexicon.professionalOnly, heading);
  if (direct && !(professional && !/\bvisit/i.test(heading))) return true;
  if (professional) return false;
  // A meeting that names the child: "Meeting with Zara and Mum".
  if (/\bmeeting|met\b/i.test(heading) && findMentions(heading, note.people).some((m) => m.kind === 'child')) return true;
  if (has(lexicon.documents, heading) && (note.people.children.size > 0 || scope.kind === 'file')) return true;
  // Otherwise: does the entry say a child was there? ("Two children present in the address.")
  return scope.sentences.some((s) => childPresent(s, note, lexicon));
}

function childPresent(sentence: Sentence, note: CaseNote, lexicon: Lexicon): boolean {
  const text = maskQuotes(sentence.text);
  if (!has(lexicon.childPresent, text) && !/^present$/i.test(sentence.label)) return false;
  const mentions = findMentions(text, note.people);
  if (/^present$/i.test(sentence.label)) return mentions.some((m) => m.kind === 'child');
  return mentions.some((m) => m.kind === 'child' && !m.oblique) && !/\bnot (?:been )?(?:seen|present)\b/i.test(text);
}

/** A child is the one speaking, doing or showing something in this sentence. */
function childActs(text: string, mentions: Mention[], previousTopic: MentionKind | null, lexicon: Lexicon): boolean {
  const subjects = mentions.filter((m) => !m.oblique && (m.kind === 'child' || (m.kind === 'pronoun' && /^(?:he|she|they)$/i.test(m.text))));
  for (const m of subjects) {
    const isChild = m.kind === 'child' || resolvePronoun(m, mentions, previousTopic) === 'child';
    if (!isChild || !startsClause(text, m.index)) continue;
    const before = text.slice(0, m.index);
    // "Ms F. said Callum has been up all night": the child is inside someone else's report.
    const reporter = mentions.find((o) => o.index < m.index && (o.kind === 'adult' || (o.kind === 'pronoun' && resolvePronoun(o, mentions, previousTopic) === 'adult')) && !o.oblique);
    if (reporter && REPORTED_BY_OTHER.test(text.slice(reporter.end, m.index))) continue;
    if (/\b(?:that|whether|if)\s+(?:the\s+)?$/i.test(before) && reporter) continue;
    const after = text.slice(m.end).replace(/^\s*(?:\([^)]*\)|,[^,]{0,40},)?/, '');
    const verb = /^\s*(?:(?:also|then|later|quickly|immediately|repeatedly|clearly|quietly|happily|initially|eventually|again|still|just|both|all|and|now|often|sometimes|very)\s+){0,3}(.{0,60})/i.exec(after)?.[1] ?? '';
    const first = verb.split(/\s+/)[0] ?? '';
    if (NOT_VOICE.test(first)) continue;
    // "lets her do as she likes", "does what he wants": an adult's licence, not the child's wishes.
    if (/\b(?:as|what|whatever)\s*$/i.test(before) && /^(?:likes|wants|pleases|wishes|feels\s+like)\b/i.test(verb)) continue;
    if (findAll(lexicon.voiceVerbs, verb).some((v) => v.index === 0)) return true;
    if (findAll(lexicon.presentation, verb).some((v) => v.index === 0)) return true;
    // "Ava toddled over with a bus, said 'bus' and pushed it": a later verb of the same child.
    const chain = after.slice(0, 120).split(/[;.]/)[0];
    const others = mentions.filter((o) => o.index > m.end && o.kind !== 'pronoun' && o.kind !== 'writer').map((o) => o.index - m.end);
    const clause = others.length ? chain.slice(0, Math.max(0, Math.min(...others) - (text.length - m.end - after.length))) : chain;
    const joined = (v: { index: number }) => /(?:,|\band|\bthen)\s*$/i.test(clause.slice(0, v.index));
    if (findAll(lexicon.voiceVerbs, clause).some(joined) || findAll(lexicon.presentation, clause).some(joined)) return true;
  }
  return false;
}

function resolvePronoun(m: Mention, mentions: Mention[], previousTopic: MentionKind | null): MentionKind | null {
  const earlier = mentions.filter((o) => o.index < m.index && (o.kind === 'child' || o.kind === 'adult') && !o.oblique);
  if (earlier.length) return earlier[earlier.length - 1].kind;
  return previousTopic;
}

const viewsCache = new WeakMap<Lexicon, readonly string[]>();

/** The views-label list with its pattern entries marked, built once per word list. */
function viewsPatterns(lexicon: Lexicon): readonly string[] {
  let list = viewsCache.get(lexicon);
  if (!list) viewsCache.set(lexicon, (list = lexicon.viewsLabels.map((w) => (/[.{]/.test(w) ? `re:${w}` : w))));
  return list;
}

function labelIsChildViews(label: string, note: CaseNote, lexicon: Lexicon): boolean {
  if (!label) return false;
  const mentions = findMentions(label, note.people);
  const aboutChild = mentions.some((m) => m.kind === 'child');
  const aboutAdult = mentions.some((m) => m.kind === 'adult' || m.kind === 'writer');
  const views = has(viewsPatterns(lexicon), label);
  if (/^(?:voice of the child|wishes and feelings|views|child(?:ren)?['’]s? (?:views|voice|wishes|lived experience))$/i.test(label.trim())) return true;
  if (aboutChild && !aboutAdult && (views || label.trim().split(/\s+/).length <= 2)) return true;
  return false;
}

/**
 * A reason the child's views were not obtained: "Daisy was asleep", "Mason was at school",
 * "no answer at the door", "too young to give a view". A bare "not seen" is not a reason.
 */
function hasReason(text: string, mentions: Mention[], topic: MentionKind | null, lexicon: Lexicon): boolean {
  if (has(lexicon.reasons, text)) return true;
  for (const m of findAll(lexicon.absences, text)) {
    const before = text.slice(0, m.index);
    // Shorthand with no verb: "Amira at school and Yusuf at nursery, so neither child was seen."
    // It must say that this is why they were not seen: another child may still have been there.
    if (NOT_SEEN.test(text) && mentions.some((x) => x.kind === 'child' && !x.oblique && /^\s+$/.test(text.slice(x.end, m.index)))) return true;
    // "...if she is not home by 9pm": a condition for later, not why the child was not seen now.
    if (/\b(?:if|unless|until|in case|whenever)\b[^,.;]*$/i.test(before)) continue;
    const subject = /((?:\S+\s+){1,6})(?:was|were|is|are|had gone|has gone|had been|has been)\s+(?:\w+\s+){0,2}$/i.exec(before);
    if (!subject) continue;
    // "Mum said Amira is happy at school" is Mum's account, not a reason recorded by the writer.
    // "She said Mason was asleep", where "she" is the mother the entry has been following, is hers too.
    const adultSpeaker = (x: Mention) => x.kind === 'adult' || (x.kind === 'pronoun' && /^(?:he|she|they)$/i.test(x.text) && topic === 'adult');
    const reporter = mentions.find((x) => x.index < subject.index + subject[0].length && adultSpeaker(x) && REPORTED_BY_OTHER.test(text.slice(x.end, m.index)));
    if (reporter) continue;
    const who = mentions.filter((x) => x.index >= subject.index && x.index < before.length - 1);
    if (who.some((x) => x.kind === 'child' || (x.kind === 'pronoun' && /^(?:he|she|they)$/i.test(x.text) && topic === 'child'))) return true;
  }
  return false;
}

/** The mention starts a clause: nothing before it, or a comma, semicolon or joining word. */
function startsClause(text: string, index: number): boolean {
  const before = text.slice(0, index).trimEnd();
  return !before || /[,;:(—–]$/.test(before) || /\b(?:and|but|then|so|when|while|as|because|although|though|where|after|before)$/i.test(before) || /^(?:at|on|in|during|after|later|then|today|afterwards)\b[^,]{0,30}$/i.test(before);
}

const NOT_SEEN = /\b(?:not|neither|nor|none|no)\b(?:\s+\w+){0,3}\s+(?:was\s+|were\s+)?(?:seen|spoken\s+to)\b/i;
const NEGATIVE = /\b(?:not seen|not present|not spoken to|not obtained|none|n\/a|not applicable|did not attend)\b/i;

function hasChildVoice(scope: Scope, note: CaseNote, lexicon: Lexicon): boolean {
  let topic: MentionKind | null = null;
  for (const sentence of scope.sentences) {
    const text = maskQuotes(sentence.text);
    const mentions = findMentions(text, note.people);
    if (labelIsChildViews(sentence.label, note, lexicon) && !NEGATIVE.test(text)) return true;
    if (childActs(text, mentions, topic, lexicon)) return true;
    if (hasReason(text, mentions, topic, lexicon)) return true;
    topic = topicOf(mentions, topic);
  }
  return false;
}

function voiceMessage(who: string): string {
  return `This entry records no voice of the child: nothing ${who} said, wanted or felt, nothing of how they presented, and no reason why their views could not be obtained. Record what ${who} said, and how and when they said it.`;
}

export const childVoiceMissing: RuleDefinition = {
  id: 'child-voice-missing',
  defaultSeverity: 'warning',
  lexicon: lexiconData,
  docs: {
    description: "Finds visits, direct work and reviews that record nothing of the child's own words, wishes and feelings or how they presented, and give no reason why not.",
    why: "Reviews keep finding children \"missing\" from their own records: adults' views fill the page and the child's experience is lost. Record what the child said (in their words, and how and when they said it), what they did and how they seemed, whether you saw them alone, or why their views could not be obtained and what you did instead.",
    guidance: [
      { source: 'The 10 principles from serious case reviews, 1b and 10', passage: 'The child should not be "missing" from the record: record their wishes and feelings, and when and how they were expressed. Keep listening to the voice of the child.' },
      { source: 'The principles of safeguarding: the child in focus', passage: "Ascertain the child's wishes and feelings, and keep the child in focus throughout." },
      { source: 'Working Together 2023 (partnership principles)', passage: "Children's wishes and feelings are sought, heard and responded to." },
    ],
    examples: [
      { poor: '## 20/01/2026 Home visit\nKacper was at home. Mr Nowak said the after-school club has started.', good: '## 20/01/2026 Home visit\nI saw Kacper on his own in his bedroom. He said "club is OK, we did football" and that he wants to keep going on Tuesdays.' },
      { poor: '## 14/01/2026 Check-in with Jayden\nMet Jayden in the nurture room. Nothing further to report.', good: '## 14/01/2026 Check-in with Jayden\nMet Jayden in the nurture room for ten minutes. He said he is "OK" and is staying at his aunt\'s; he was chatty and asked to go back to class for PE.' },
    ],
  },
  check({ note, lexicon }: RuleContext): RuleReport[] {
    let cache = caches.get(lexicon);
    if (!cache) caches.set(lexicon, (cache = new Map()));
    const reports: RuleReport[] = [];
    for (const scope of note.scopes) {
      if (scope.kind === 'between' || !scope.sentences.length) continue;
      // The fix inserts at the entry's end, so the entry's length is part of what it depends on.
      reports.push(...perScope(cache, scope, note, () => checkEntry(note, scope, lexicon), `${scope.end - scope.start}|${scope.end === note.text.length}`));
    }
    return reports;
  },
};

const caches = new WeakMap<Lexicon, ScopeCache>();

/** The finding for one entry, if it records direct work with the child and none of their voice. */
function checkEntry(note: CaseNote, scope: Scope, lexicon: Lexicon): RuleReport[] {
  if (!involvesChild(scope, note, lexicon) || hasChildVoice(scope, note, lexicon)) return [];
  const name = [...note.people.children][0];
  const who = name ? name[0].toUpperCase() + name.slice(1) : 'the child';
  return [
    {
      start: scope.anchorStart,
      end: scope.anchorEnd,
      message: voiceMessage(who),
      redactedMessage: voiceMessage('the child'),
      fixes: [childVoiceFix(note, scope)],
    },
  ];
}

function childVoiceFix(note: CaseNote, scope: Scope) {
  const at = scope.end;
  const text = note.text;
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const before = text.slice(0, at);
  const lead = before.endsWith(eol + eol) ? '' : before.endsWith(eol) ? eol : eol + eol;
  const block = [
    "**Child's voice:**",
    '- Seen: [alone, or with whom; where, and for how long]',
    '- What they said, in their own words: [their words, and how and when they said them]',
    '- Wishes and feelings: [what they want and how they feel about it]',
    '- How they presented: [what you saw of their mood, behaviour, play and interaction]',
    '- If their views could not be obtained: [why not, and what was done instead]',
  ].join(eol);
  return { title: "Add a child's voice section to this entry", isPreferred: true, edits: [{ start: at, end: at, newText: `${lead}${block}${eol}${at < text.length ? eol : ''}` }] };
}

/**
 * decision-rationale-missing: a decision about the child's case recorded as made (by the writer,
 * their manager, their agency, or a meeting of professionals) with no reason given in the same
 * sentence, the rest of its paragraph or list item, or the next sentence.
 *
 * Not flagged (test-fixtures/extra/ANNOTATION.md): decisions families and children make about
 * their own lives; arrangements of time and place only ("agreed to meet again on 4 May"); an
 * entry that gives its reasons under a label of their own ("Rationale:"); future or possible
 * decisions ("a decision will be made at the review"); decisions other agencies made and
 * reported (the police taking no further action).
 */
import type { RuleContext, RuleDefinition, RuleReport } from '../rule';
import type { CaseNote, Scope, Sentence } from '../../core/document';
import type { TextBlock } from '../../core/markdown';
import { escapeRegExp, findAll, maskQuotes } from '../../core/text';
import { classifyParty } from '../../core/people';
import { tableRowOf } from '../../core/tables';
import type { Lexicon } from '../../core/types';
import { type ScopeCache, checkEachScope } from '../../core/scope-cache';
import lexiconData from './lexicon.json';

/** Where the subject of "X decided / X agreed" ends on the left: a clause boundary. */
const CLAUSE_BREAK = /[,;:()–—]|\s-\s|\b(?:but|so|then|when|after|before|because|although|though|while|which|who|where|and\s+then|however)\b/gi;
const PRONOUN = /^(?:he|she|they|him|her|them)$/i;
const WRITER = /^(?:i|we|sw|the\s+sw|myself|the\s+worker|the\s+social\s+worker|the\s+allocated\s+worker)$/i;
const FAMILY_SHORT = /(?<![\w'’])(?:M|F|Mo|Fa|C|YP|MGM|MGF|PGM|PGF|GM|GF)(?![\w'’])/;
const MANAGER_ROLE = String.raw`(?:tm|atm|team\s+manager|assistant\s+team\s+manager|practice\s+manager|service\s+manager|head\s+of\s+service|manager|iro|chair|independent\s+reviewing\s+officer|senior\s+practitioner|practice\s+supervisor|sw|social\s+worker)`;
const ROLE_NEAR_NAME = new RegExp(String.raw`\s*(?:\(|,\s*(?:the\s+|my\s+|our\s+)?)${MANAGER_ROLE}\b`, 'i');

interface Decision {
  sentence: Sentence;
  index: number;
}

const caches = new WeakMap<Lexicon, ScopeCache>();

/** How far around a decision word its subject, tense and qualifiers are looked for. */
const WINDOW = 240;
/** Decision words looked at in one sentence: a sentence is one decision, however long it runs. */
const MAX_TRIGGERS = 12;

/** "Rationale: ..." written as the start of a line of its own, standing in for a label. */
const RATIONALE_LINE = /^\s*(?:(?:manager['’]?s|management|my|the|tm['’]?s)\s+)?(?:rationale|reasons?(?:\s+for\s+(?:the\s+)?decisions?)?|reasoning|justification)\s*[:\-–]/i;

/** Only markup, a list marker or white space stands between the line start and `at`. */
function startsLine(note: CaseNote, at: number): boolean {
  const lineStart = note.lines.lineStart(note.lines.lineOf(at));
  return /^[\s>*_#|-]*(?:\d+[.)]\s*)?[*_]*$/.test(note.text.slice(lineStart, at));
}

export const decisionRationaleMissing: RuleDefinition = {
  id: 'decision-rationale-missing',
  defaultSeverity: 'warning',
  lexicon: lexiconData,
  docs: {
    description: 'Finds decisions about a child\'s case (agreed, decided, NFA, case to close, step down, threshold not met) recorded without the reasons for them.',
    why: 'A decision about a child needs its reasons written beside it. Without them, the next worker, a manager, a court or a review cannot tell why the case was closed, stepped down or taken further, and the family and the child, reading their record later, cannot understand or challenge it. Reviews keep finding that the rationale for decisions is not understood.',
    guidance: [
      { source: 'The principles of safeguarding (practitioner guide): record keeping', passage: 'Record in writing all concerns, discussions about the child, decisions made, and the reasons for those decisions.' },
      { source: 'The 10 principles from serious case reviews, 1c', passage: 'A lack of analysis can result in records that focus on description, and the rationale for decision making is not understood; records should contain both facts and the rationale for the professional judgment.' },
    ],
    examples: [
      { poor: 'Discussed with TM. Agreed to step down to Early Help.', good: 'Discussed with TM. Agreed to step down to Early Help because Mum has kept every appointment, the home is now warm and clean, and school report that Ava arrives on time and fed.' },
      { poor: 'Outcome: NFA.', good: 'Outcome: NFA, as the bruise was explained by the nursery\'s accident record and the paediatrician found no other marks.' },
    ],
  },
  check({ note, lexicon }: RuleContext): RuleReport[] {
    return checkEachScope(caches, lexicon, note, (scope) => checkScope(note, scope, lexicon));
  },
};

/** A chronology lists past events in one line each; the reasons live in the records it summarises. */
function isChronology(note: CaseNote, scope: Scope): boolean {
  const type = typeof note.frontMatter.record_type === 'string' ? note.frontMatter.record_type : '';
  return /chronolog/i.test(type) || /chronolog/i.test(scope.title) || scope.labels.some((l) => /^\s*(?:#+\s*)?(?:\w+\s+){0,2}chronolog/i.test(l));
}

function checkScope(note: CaseNote, scope: Scope, lexicon: Lexicon): RuleReport[] {
  const sentences = scope.sentences;
  if (!sentences.length || isChronology(note, scope)) return [];
  // Reasons given under a label or heading of their own cover every decision in the entry.
  if (scope.labels.some((l) => isRationaleLabel(l, lexicon))) return [];
  if (sentences.some((s) => RATIONALE_LINE.test(s.text) && startsLine(note, s.start))) return [];
  const reports: RuleReport[] = [];
  const decisions: Decision[] = [];
  sentences.forEach((sentence, index) => {
    if (isDecision(sentence, index, scope, note, lexicon)) decisions.push({ sentence, index });
  });
  const reasons = new ReasonFinder(scope, note, lexicon);
  for (const { sentence, index } of decisions) {
    if (reasons.nearby(sentence, index)) continue;
    const stop = /[.!?:;]["”’)]*$/.test(sentence.text) ? '' : '.';
    reports.push({
      start: sentence.start,
      end: sentence.end,
      message: 'Record why this was decided: this records a decision about the child\'s case but not the reasons for it. Write down what the decision rests on, so that anyone reading the record later (another worker, a manager, a court, the family or the child) can understand it and, if need be, challenge it.',
      fixes: [{
        title: 'Add the reason for the decision',
        isPreferred: true,
        edits: [{ start: sentence.end, end: sentence.end, newText: `${stop} Reason for decision: [why this was decided].` }],
      }],
    });
  }
  return reports;
}

function isRationaleLabel(label: string, lexicon: Lexicon): boolean {
  const clean = label.replace(/[*_#:]/g, ' ').trim();
  // "Reason for referral", "Reason for visit": why the contact happened, not why something was decided.
  if (/\breasons?\s+for\s+(?:the\s+)?(?:referral|contact|visit|call|involvement|meeting|concern|request|absence)\b/i.test(clean)) return false;
  return clean.split(/\s+/).length <= 8 && findAll(lexicon.rationaleLabels, clean).length > 0;
}

function isDecisionLabel(label: string, lexicon: Lexicon): boolean {
  const clean = label.replace(/[*_#:]/g, ' ').replace(/[’]/g, "'").replace(/\s+/g, ' ').trim();
  return clean.split(/\s+/).length <= 8 && findAll(lexicon.decisionLabels, clean).length > 0 && !/\b(?:visit|contact|call|of\s+the\s+visit)\b/i.test(clean);
}

const strongLists = new WeakMap<Lexicon, readonly string[]>();

/** Case decisions that only professionals take (closing, stepping down, s47), not "a referral". */
function strongCaseDecision(text: string, lexicon: Lexicon): boolean {
  let strong = strongLists.get(lexicon);
  if (!strong) {
    const weak = new Set(lexicon.weakCaseDecisions ?? []);
    strongLists.set(lexicon, (strong = (lexicon.caseDecisions ?? []).filter((w) => !weak.has(w))));
  }
  return findAll(strong, text).length > 0;
}

function caseDecision(text: string, lexicon: Lexicon): boolean {
  return findAll(lexicon.caseDecisions, text).length > 0;
}

/** What a sentence holds that decides whether its decision is only an arrangement of time. */
interface SentenceFacts {
  /** A time or date, and nothing that only professionals decide (closing, s47), outside "next meeting" phrases. */
  timedOnly: boolean;
  nextMeeting: boolean;
}

function sentenceFacts(text: string, lexicon: Lexicon): SentenceFacts {
  if (!findAll(lexicon.times, text).length) return { timedOnly: false, nextMeeting: false };
  const meetings = findAll(lexicon.nextMeeting, text);
  // "The next core group will be on 12/03": a meeting's date, whatever the meeting decides.
  const rest = meetings.reduce((t, m) => t.replace(m.text, ' '), text);
  return { timedOnly: !strongCaseDecision(rest, lexicon), nextMeeting: meetings.length > 0 };
}

/**
 * Only when, where or how often people will meet ("agreed to meet again on 4 May", "next visit
 * agreed for Friday at 10am", "we agreed I would visit weekly"): not a decision that needs reasons.
 * The decision itself must be about meeting; "Dad's contact will be supervised weekly" is not.
 */
function isArrangement(text: string, facts: SentenceFacts, trigger?: { index: number; length: number }): boolean {
  if (!facts.timedOnly) return false;
  if (facts.nextMeeting) return true;
  if (!trigger) return false;
  const before = text.slice(Math.max(0, trigger.index - WINDOW), trigger.index);
  const after = text.slice(trigger.index + trigger.length, trigger.index + trigger.length + WINDOW);
  // "Next visit agreed for Friday": the thing agreed is a meeting.
  if (/\b(?:visit|meeting|appointment|session|review|core\s+group|call|home\s+visit)s?\s*(?:was|were|is|has\s+been)?\s*$/i.test(before)) return true;
  // "agreed to meet again", "agreed that I will visit weekly": the worker or the group meeting, not the family.
  const meet = /^\s*(?:that\s+)?(?:(?:i|we|sw|the\s+sw|the\s+worker|the\s+group|everyone|all|professionals|the\s+social\s+worker)\s+)?(?:will\s+|would\s+|should\s+|to\s+|can\s+)?(?:\w+ly\s+)?(?:meet|visit|see|call|ring|phone|speak|catch\s+up|reconvene|review|contact|text)\b/i;
  return meet.test(after);
}

/** Possible, negated or hoped-for ("may close", "no decision was made", "if it is agreed"). */
function notMade(before: string, lexicon: Lexicon): boolean {
  const clause = before.slice(-WINDOW).split(/[.;]/).pop() ?? '';
  return findAll(lexicon.notMadeNear, clause).length > 0 || findAll(lexicon.notMadeFar, clause).length > 0;
}

/** A decision verb in the future ("will be agreed", "to decide"): not yet made. */
function future(before: string, lexicon: Lexicon): boolean {
  return findAll(lexicon.notMadeFuture, before.slice(-WINDOW).split(/[.;]/).pop() ?? '').length > 0;
}

/** The subject of "X agreed / X decided": the words before it back to the clause boundary. */
function subjectBefore(all: string): string {
  const before = all.slice(-WINDOW);
  let cut = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(before); m; m = CLAUSE_BREAK.exec(before)) cut = m.index + m[0].length;
  return before.slice(cut).replace(/^\s*(?:[-*•]\s*)?(?:both\s+|also\s+|then\s+|together\s+)?/i, '').trim().split(/\s+/).slice(-7).join(' ');
}

type Who = 'decider' | 'family' | 'other-agency' | 'pronoun' | 'unknown' | 'none' | 'writer';

const deciderNames = new WeakMap<CaseNote, Map<string, boolean>>();

/** The record names this person as the writer's manager or a social worker, before or after the name. */
function namedAsDecider(name: string, note: CaseNote): boolean {
  let known = deciderNames.get(note);
  if (!known) deciderNames.set(note, (known = new Map()));
  let v = known.get(name);
  if (v === undefined) {
    const n = escapeRegExp(name);
    v = new RegExp(`\\b${n}(?:\\s+[A-Z][\\w'’-]+)?${ROLE_NEAR_NAME.source}`, 'i').test(note.text)
      || new RegExp(`\\b(?:my\\s+|our\\s+|the\\s+)?${MANAGER_ROLE}\\s*,?\\s+${n}\\b`, 'i').test(note.text);
    known.set(name, v);
  }
  return v;
}

function whoDecided(subject: string, note: CaseNote, lexicon: Lexicon): Who {
  const s = subject.replace(/\s+(?:has|have|had|was|were|is|are|then|also|both|jointly|all|subsequently|later|therefore|again|now|clearly|formally|verbally|reluctantly|eventually|finally)$/i, '').replace(/\s+(?:has|have|had|was|were)$/i, '').trim();
  if (!s) return 'none';
  if (WRITER.test(s) || /^(?:i|we)\b/i.test(s) || /\b(?:and|&)\s+(?:i|we|sw|myself)$/i.test(s) || /^(?:sw|i)\s+(?:and|&)\b/i.test(s)) return 'writer';
  if (/^it$/i.test(s)) return 'none';
  if (PRONOUN.test(s)) return 'pronoun';
  const lower = s.toLowerCase().replace(/[’]/g, "'");
  const has = (words: readonly string[] | undefined) => findAll(words ?? [], lower).length > 0;
  if (has(lexicon.deciders)) return 'decider';
  const tokens = s.split(/[\s,().]+/).filter(Boolean);
  for (const t of tokens) {
    const key = t.replace(/['’]s$/, '').toLowerCase();
    if (note.people.writers.has(key)) return 'writer';
    if (note.people.children.has(key)) return 'family';
  }
  if (FAMILY_SHORT.test(s)) return 'family';
  if (has(lexicon.otherAgencies)) return 'other-agency';
  const party = classifyParty(s, note.people);
  if (party === 'family' || party === 'child') return 'family';
  if (party === 'manager' || party === 'writer') return 'decider';
  if (party === 'professional') {
    // A named person is the writer's manager if the record says so anywhere ("Priya Shah (TM)").
    const name = tokens.filter((t) => /^[A-Z][a-z'’-]+$/.test(t)).pop();
    return name && namedAsDecider(name, note) ? 'decider' : 'other-agency';
  }
  const name = tokens.filter((t) => /^[A-Z][a-z'’-]+$/.test(t))[0];
  return name && namedAsDecider(name, note) ? 'decider' : 'unknown';
}

function isDecision(sentence: Sentence, index: number, scope: Scope, note: CaseNote, lexicon: Lexicon): boolean {
  const text = maskQuotes(sentence.text);
  if (/\?\s*$/.test(text)) return false;
  const facts = sentenceFacts(text, lexicon);
  if (isArrangement(text, facts)) return false;
  const windows = (m: { index: number; text: string }) => [text.slice(Math.max(0, m.index - WINDOW), m.index), text.slice(m.index + m.text.length, m.index + m.text.length + WINDOW)];
  for (const m of findAll(lexicon.decisions, text).slice(0, MAX_TRIGGERS)) {
    const [before, after] = windows(m);
    if (isArrangement(text, facts, { index: m.index, length: m.text.length })) continue;
    if (notMade(before, lexicon) || findAll(lexicon.notMadeContent, after).length) continue;
    // "Police have taken no further action", "police attended in 2021; no further action": another
    // agency's decision, or an old one, reported.
    if (/\b(?:nfa|no\s+further)/i.test(m.text) && (/\b(?:police|cps|officers?|court|crown|dc|pc|ds|criminal|charge[ds]?|bail|school|gp|hospital|health|camhs|ofsted|housing)\b/i.test(before) || /^\s*(?:by|from)\s+(?:the\s+)?(?:police|cps|school|gp|court|officers?)\b/i.test(after) || /\b(?:19|20)\d\d\b(?![/.-])/.test(before))) continue;
    if (/outcome/i.test(m.text) && !caseDecision(after, lexicon) && !findAll(lexicon.decisions, after).length) continue;
    if (/the\s+plan\s+(?:is|was|will)/i.test(m.text) && !strongCaseDecision(after, lexicon)) continue;
    return true;
  }
  for (const m of findAll(lexicon.decisionVerbs, text).slice(0, MAX_TRIGGERS)) {
    const [before, after] = windows(m);
    if (isArrangement(text, facts, { index: m.index, length: m.text.length })) continue;
    if (notMade(before, lexicon) || future(before, lexicon) || findAll(lexicon.notMadeContent, after).length) continue;
    // "the agreed plan", "as agreed", "agreed with Mum's account": not a decision being made.
    if (/\b(?:as|the|an?|previously|already)\s+$/i.test(before)) continue;
    const approval = /^(?:authori[sz]ed|approved|endorsed|signed\s+off|sanctioned|ratified)/i.test(m.text);
    let who = whoDecided(subjectBefore(before), note, lexicon);
    if (approval) {
      const agent = /^\s*by\s+((?:the\s+|my\s+|our\s+)?[\w'’ ]{2,40})/i.exec(after)?.[1];
      if (agent) who = whoDecided(agent, note, lexicon);
      if (!strongCaseDecision(text, lexicon) || (who !== 'decider' && who !== 'writer')) continue;
      return true;
    }
    if (who === 'family' || who === 'other-agency') continue;
    // "agreed that X will", "agreed Tyler will be seen": what was agreed is spelled out as a clause.
    const clause = /^agreed\s+(?:that|not)\b/i.test(m.text) || /^\s*(?:that\b|(?:[\w'’]+\s+){1,3}(?:will|would|should|can|could|must|may|is\s+to|are\s+to|needs?\s+to|to\s+be)\b)/i.test(after);
    // "TM agreed transfer in to Wigan": a bare "agreed" with its object only counts for those who decide.
    if (/^agreed\s+$/i.test(m.text) && !clause && who !== 'decider' && !(who === 'none' && caseDecision(after, lexicon))) continue;
    if (who === 'pronoun' || who === 'unknown') {
      if (!strongCaseDecision(after, lexicon)) continue;
      return true;
    }
    // "I agreed to ring Mum", "I agreed to help with the form": a commitment, not a case decision.
    if (who === 'writer' && /^agreed/i.test(m.text) && !clause && !caseDecision(after, lexicon)) continue;
    return true;
  }
  // "The request for a specialist buggy was declined", "Funding has been approved": the agency ruled.
  for (const m of findAll(lexicon.passiveRulings, text).slice(0, MAX_TRIGGERS)) {
    const [before, after] = windows(m);
    if (notMade(before, lexicon)) continue;
    const subject = subjectBefore(before);
    if (!findAll(lexicon.ruledThings, subject).length) continue;
    const agent = /^\s*(?:\w+\s+){0,3}?by\s+((?:the\s+)?[\w'’ ]{2,40})/i.exec(after)?.[1];
    if (agent && ['other-agency', 'family'].includes(whoDecided(agent, note, lexicon))) continue;
    return true;
  }
  // A cell in a "Decision" or "Outcome" column of a table ("| NFA |").
  const row = tableRowOf(note, sentence);
  // A chronology table (Date | Event | ...): one line per past event, not a record of the decision.
  if (row && row.header.some((h) => /^date/i.test(h)) && row.header.some((h) => /^(?:event|incident|what\s+happened)/i.test(h))) return false;
  if (row) {
    const column = row.cells.findIndex((c) => sentence.start >= c.start && sentence.start < Math.max(c.end, c.start + 1));
    const heading = row.header[column] ?? '';
    if (heading && isDecisionLabel(heading, lexicon) && !findAll(lexicon.notMadeFar, text).length && !/^\s*(?:none|n\/a|nil|-|tbc|pending|awaited|to\s+follow)\s*$/i.test(text)) {
      return !/outcome/i.test(heading) || caseDecision(text, lexicon) || findAll(lexicon.decisions, text).length > 0;
    }
  }
  // The first sentence under a "Decision" or "Outcome" label or heading is the decision itself.
  const label = sentence.label;
  if (label && isDecisionLabel(label, lexicon) && scope.sentences[index - 1]?.label !== label) {
    if (findAll(lexicon.notMadeFar, text).length) return false;
    if (/^\s*(?:none|n\/a|nil|not\s+applicable|tbc|to\s+follow|pending|awaited)\b/i.test(text)) return false;
    const subject = /^\s*((?:[\w'’]+\s+){1,3}?)(?:decided|agreed|chose|wants|wanted|said|asked|will\s+decide)\b/i.exec(text)?.[1] ?? '';
    if (subject && ['family', 'other-agency'].includes(whoDecided(subject, note, lexicon))) return false;
    if (/outcome/i.test(label) && !/decision/i.test(label) && !caseDecision(text, lexicon)) return false;
    return true;
  }
  return false;
}

/** Finds reasons around a decision, testing each sentence of the entry at most once. */
class ReasonFinder {
  private readonly hasMemo = new Map<Sentence, boolean>();
  private readonly explainsMemo = new Map<Sentence, boolean>();
  private readonly byBlock = new Map<TextBlock, Sentence[]>();
  private readonly byLine = new Map<number, Sentence[]>();
  private readonly position = new Map<Sentence, number>();

  constructor(private readonly scope: Scope, private readonly note: CaseNote, private readonly lexicon: Lexicon) {
    for (const s of scope.sentences) {
      const list = this.byBlock.get(s.block) ?? [];
      this.position.set(s, list.length);
      list.push(s);
      this.byBlock.set(s.block, list);
      if (s.block.kind === 'cell') {
        const line = note.lines.lineOf(s.block.start);
        const row = this.byLine.get(line) ?? [];
        row.push(s);
        this.byLine.set(line, row);
      }
    }
  }

  /** A reason word: "because", "as", "due to", "so that", "rationale"... */
  private has(s: Sentence): boolean {
    let v = this.hasMemo.get(s);
    if (v === undefined) this.hasMemo.set(s, (v = findAll(this.lexicon.reasons, maskQuotes(s.text)).length > 0));
    return v;
  }

  /**
   * A sentence of evidence or judgement ("Zara has not been seen for nine weeks", "Panel felt
   * that 6 hours would meet his needs") gives the reason without a "because".
   */
  private explains(s: Sentence): boolean {
    let v = this.explainsMemo.get(s);
    if (v === undefined) {
      const t = maskQuotes(s.text);
      const l = this.lexicon;
      v = findAll(l.explanatory, t).length > 0 && !findAll(l.notExplanatory, t).length && !findAll(l.decisions, t).length && !findAll(l.decisionVerbs, t).length;
      this.explainsMemo.set(s, v);
    }
    return v;
  }

  /** A reason in the sentence, its paragraph or list item (or table row), or the next sentence. */
  nearby(sentence: Sentence, index: number): boolean {
    if (this.has(sentence)) return true;
    const row = tableRowOf(this.note, sentence);
    if (row) {
      if ((this.byLine.get(this.note.lines.lineOf(sentence.block.start)) ?? []).some((o) => o !== sentence && this.has(o))) return true;
      // A "Rationale" or "Reason" column filled in for this row.
      const column = row.header.findIndex((h) => /\b(?:rationale|reasons?|why|justification)\b/i.test(h));
      return column >= 0 && !!row.cells[column]?.text && !/^(?:-|n\/a|none|tbc)$/i.test(row.cells[column].text);
    }
    const paragraph = this.byBlock.get(sentence.block) ?? [];
    // A dictated paragraph can run for pages: only the sentences near the decision count as "its" paragraph.
    const at = this.position.get(sentence) ?? 0;
    if (paragraph.slice(Math.max(0, at - 8), at + 9).some((o) => o !== sentence && (this.has(o) || this.explains(o)))) return true;
    const next = this.scope.sentences[index + 1];
    return next ? this.has(next) || this.explains(next) : false;
  }
}

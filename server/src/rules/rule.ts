/**
 * What a rule is: one typed object with its id, documentation, default severity, word lists and
 * a `check` over the analysed note. Rules report offsets; `lint` turns them into ranges.
 */
import type { CaseNote } from '../core/document';
import type { Lexicon, RuleDocs, Severity } from '../core/types';

/** An edit in offsets of the original text (UTF-16), converted to a range by `lint`. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export interface FixSpec {
  title: string;
  edits: OffsetEdit[];
  isPreferred?: boolean;
}

export interface RuleReport {
  start: number;
  end: number;
  message: string;
  /** Needed when `message` quotes the note (a word, a name): the message without those words. */
  redactedMessage?: string;
  fixes?: FixSpec[];
}

/** A setting a rule reads besides its word lists, such as how many working days count as late. */
export interface RuleOption {
  default: number | string | boolean;
  /** What the setting changes, in plain words, for the rule's documentation. */
  description: string;
}

export type RuleOptionValues = Record<string, number | string | boolean>;

export interface RuleContext {
  note: CaseNote;
  /** The rule's word lists, with any configured additions merged in and lower-cased. */
  lexicon: Lexicon;
  /** The rule's settings: each default, overridden by `.caselintrc.json` `options`. */
  options: RuleOptionValues;
}

export interface RuleDefinition {
  id: string;
  defaultSeverity: Severity;
  docs: RuleDocs;
  lexicon: Lexicon;
  /** Settings the rule reads, with their defaults; most rules have none. */
  options?: Record<string, RuleOption>;
  check(context: RuleContext): RuleReport[];
}

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

export interface RuleContext {
  note: CaseNote;
  /** The rule's word lists, with any configured additions merged in and lower-cased. */
  lexicon: Lexicon;
}

export interface RuleDefinition {
  id: string;
  defaultSeverity: Severity;
  docs: RuleDocs;
  lexicon: Lexicon;
  check(context: RuleContext): RuleReport[];
}

/**
 * The shapes every part of Caselint agrees on: findings, ranges, fixes and rule definitions.
 * The core (`lint`) produces these; the CLI and the language server only translate them.
 * Positions are LSP-style: 0-based line, 0-based UTF-16 character, end exclusive.
 */

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A quick fix offered for a finding, carried as plain data so editors need no server state. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix a practitioner most likely wants; editors may apply it first. */
  isPreferred?: boolean;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /**
   * The same message without any words from the note (no names, no quoted wording), for logs and
   * reports that are not cleared to hold personal data (`caselint --redact`).
   */
  redactedMessage: string;
  range: Range;
  /** UTF-16 offsets of the range in the original text. */
  startOffset: number;
  endOffset: number;
  fixes: Fix[];
}

/** Where in the guidance a rule's requirement comes from, for hovers and documentation. */
export interface GuidanceRef {
  /** Short name of the source, as a practitioner would know it. */
  source: string;
  /** The passage, quoted or closely paraphrased. */
  passage: string;
}

export interface RuleDocs {
  /** One plain-English sentence: what the rule looks for. */
  description: string;
  /** Why it matters, in the words of practice. Shown in hovers. */
  why: string;
  guidance: GuidanceRef[];
  /** Sentences (or short notes) the rule flags and the better way to write them. */
  examples: { poor: string; good: string }[];
}

/** Word lists a rule uses; configuration may add to any list by name. */
export type Lexicon = Record<string, readonly string[]>;

export interface LintOptions {
  /** Per-rule severity; rules not named use their default. */
  rules?: Record<string, SeveritySetting>;
  /** Per-rule lexicon extensions: `{ "opinion-as-fact": { "labels": ["feckless"] } }`. */
  lexicons?: Record<string, Record<string, string[]>>;
  /** Per-rule settings: `{ "late-recording": { "workingDays": 5 } }`. */
  options?: Record<string, Record<string, number | string | boolean>>;
}

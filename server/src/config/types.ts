/**
 * The shape of a `.caselintrc.json` once it has been read and checked, and the result type every
 * loader returns. Kept apart from the loaders so the language server can import the types alone.
 */
import type { SeveritySetting } from '../core/types';

export const CONFIG_FILE_NAME = '.caselintrc.json';

export interface CaselintConfig {
  /** Severity by rule id; rules not named keep their default. */
  rules?: Record<string, SeveritySetting>;
  /** Extra words by rule id and then word-list name. */
  lexicons?: Record<string, Record<string, string[]>>;
  /** Settings by rule id and then setting name, e.g. { "late-recording": { "workingDays": 5 } }. */
  options?: Record<string, Record<string, number | string | boolean>>;
  /** Glob patterns, relative to the config file's folder, of files the CLI skips. */
  ignore?: string[];
  /** Marks the top of a project's settings (see find.ts: the nearest file always wins). */
  root?: boolean;
}

/** A config, or one line saying what is wrong with it, naming the file and the key. */
export type ConfigResult = { ok: true; config: CaselintConfig } | { ok: false; error: string };

/**
 * The editor settings, with one typed definition. They are asked for per document (a workspace
 * may have folders with different settings) and cached until the editor says they changed;
 * nothing is kept in globals.
 */
import type { SeveritySetting } from '../core/types';

export interface EditorSettings {
  /** Check case notes at all. */
  enable: boolean;
  /** Per-rule severity; wins over `.caselintrc.json`. */
  rules: Record<string, SeveritySetting>;
  /** Globs (relative to the workspace folder) of Markdown files to treat as case notes. */
  caseNoteGlobs: string[];
}

export const DEFAULT_SETTINGS: EditorSettings = { enable: true, rules: {}, caseNoteGlobs: [] };

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

/** Reads whatever the client sent, keeping only well-formed values. */
export function readSettings(raw: unknown): EditorSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, SeveritySetting> = {};
  if (value.rules && typeof value.rules === 'object') {
    for (const [id, severity] of Object.entries(value.rules as Record<string, unknown>)) {
      if (typeof severity === 'string' && SEVERITIES.has(severity)) rules[id] = severity as SeveritySetting;
    }
  }
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    rules,
    caseNoteGlobs: Array.isArray(value.caseNoteGlobs) ? value.caseNoteGlobs.filter((g): g is string => typeof g === 'string') : [],
  };
}

/**
 * Which Markdown files are case notes. Caselint is opt-in, so ordinary Markdown (a README, a
 * project plan) is never nagged. A file is a case note when:
 *   1. a `.caselintrc.json` is in its folder or any folder above it (the file the CLI reads), or
 *   2. its front matter says `caselint: true`, or
 *   3. it matches one of the `caselint.caseNoteGlobs` settings.
 * The first found `.caselintrc.json` also supplies the note's rule settings.
 */
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import { findConfigFile, loadConfigFile, toLintOptions } from '../config';
import type { LintOptions } from '../core/types';
import type { EditorSettings } from './settings';

export interface CaseNoteDecision {
  isCaseNote: boolean;
  /** Options from the `.caselintrc.json` that applies, merged with the editor's rule settings. */
  options: LintOptions;
  /** Set when the settings file exists but cannot be used; the message names file and key. */
  configError: string | null;
  configPath: string | null;
}

const FRONT_MATTER_OPT_IN = /^---\r?\n(?:[^\n]*\r?\n)*?caselint:\s*(?:true|yes)\s*\r?\n/;

export function filePathOf(uri: string): string | null {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : null;
  } catch {
    return null;
  }
}

export function decideCaseNote(uri: string, text: string, settings: EditorSettings, workspaceFolders: string[]): CaseNoteDecision {
  const path = filePathOf(uri);
  let configPath: string | null = null;
  let configError: string | null = null;
  let options: LintOptions = {};
  if (path) {
    const found = configFor(dirname(path));
    configPath = found.path;
    options = found.options;
    configError = found.error;
  }
  const optedIn = configPath !== null || FRONT_MATTER_OPT_IN.test(text.slice(0, 4000)) || matchesGlobs(path, settings.caseNoteGlobs, workspaceFolders);
  return {
    isCaseNote: optedIn,
    options: { ...options, rules: { ...options.rules, ...settings.rules } },
    configError,
    configPath,
  };
}

interface FolderConfig {
  path: string | null;
  options: LintOptions;
  error: string | null;
}

/**
 * Settings-file lookups per folder, kept until a `.caselintrc.json` changes (the server calls
 * `forgetConfigs`), so typing does not touch the disk.
 */
const folderConfigs = new Map<string, FolderConfig>();

function configFor(folder: string): FolderConfig {
  let found = folderConfigs.get(folder);
  if (!found) {
    const path = findConfigFile(folder);
    const loaded = path ? loadConfigFile(path) : null;
    found = {
      path,
      options: loaded && loaded.ok ? toLintOptions(loaded.config) : {},
      error: loaded && !loaded.ok ? loaded.error : null,
    };
    folderConfigs.set(folder, found);
  }
  return found;
}

export function forgetConfigs(): void {
  folderConfigs.clear();
}

function matchesGlobs(path: string | null, globs: string[], folders: string[]): boolean {
  if (!path || !globs.length) return false;
  const isMatch = picomatch(globs, { dot: true });
  const candidates = folders.length ? folders.map((f) => relative(f, path)).filter((r) => !r.startsWith('..')) : [path];
  return candidates.some((r) => isMatch(r.split('\\').join('/')));
}

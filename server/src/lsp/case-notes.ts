/**
 * Which Markdown files are case notes. Caselint is opt-in, so ordinary Markdown (a README, a
 * project plan) is never nagged. A file is a case note when:
 *   1. a `.caselintrc.json` is in its folder or any folder above it (the file the CLI reads), or
 *   2. its front matter has the line `caselint: true`, or
 *   3. it matches one of the `caselint.caseNoteGlobs` settings (relative to a workspace folder).
 * A file covered by the settings file's `ignore` patterns is not a case note, as in the CLI.
 * The nearest `.caselintrc.json` also supplies the note's rule settings; the editor's
 * `caselint.rules` setting wins over it.
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

export interface DecideOptions {
  /**
   * Reuse settings-file lookups between checks. Only safe when the editor tells the server about
   * `.caselintrc.json` changes (file watching); otherwise every check looks again, which costs a
   * few file-system calls and means a new or edited settings file applies at the next keystroke.
   */
  cacheConfigs: boolean;
}

export function filePathOf(uri: string): string | null {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : null;
  } catch {
    return null;
  }
}

export function decideCaseNote(
  uri: string,
  text: string,
  settings: EditorSettings,
  workspaceFolders: string[],
  decide: DecideOptions = { cacheConfigs: true },
): CaseNoteDecision {
  const path = filePathOf(uri);
  const found = path ? configFor(dirname(path), decide.cacheConfigs) : NO_CONFIG;
  const ignored = path !== null && found.ignores(path);
  const optedIn = found.path !== null || hasFrontMatterOptIn(text) || matchesGlobs(path, settings.caseNoteGlobs, workspaceFolders);
  return {
    isCaseNote: optedIn && !ignored,
    options: { ...found.options, rules: { ...found.options.rules, ...settings.rules } },
    configError: found.error,
    configPath: found.path,
  };
}

/**
 * True when the note starts with YAML front matter holding the line `caselint: true`. Only the
 * front matter is read (up to its closing `---` or `...`), so the words in the body never opt a
 * file in, and only the explicit `true` counts.
 */
export function hasFrontMatterOptIn(text: string): boolean {
  const head = text.charCodeAt(0) === 0xfeff ? text.slice(1, 8001) : text.slice(0, 8000);
  const lines = head.split(/\r?\n/);
  if (lines[0].trimEnd() !== '---') return false;
  for (let i = 1; i < lines.length; i++) {
    if (/^(?:---|\.\.\.)\s*$/.test(lines[i])) return false;
    if (/^caselint:[ \t]*true[ \t]*(?:#.*)?$/.test(lines[i])) return true;
  }
  return false;
}

interface FolderConfig {
  path: string | null;
  options: LintOptions;
  error: string | null;
  ignores(file: string): boolean;
}

const NO_CONFIG: FolderConfig = { path: null, options: {}, error: null, ignores: () => false };

/**
 * Settings-file lookups per folder, kept until a `.caselintrc.json` changes (the server calls
 * `forgetConfigs`), so typing does not touch the disk.
 */
const folderConfigs = new Map<string, FolderConfig>();

function configFor(folder: string, useCache: boolean): FolderConfig {
  let found = useCache ? folderConfigs.get(folder) : undefined;
  if (!found) {
    found = loadFolderConfig(folder);
    if (useCache) folderConfigs.set(folder, found);
  }
  return found;
}

function loadFolderConfig(folder: string): FolderConfig {
  const path = findConfigFile(folder);
  if (!path) return NO_CONFIG;
  const loaded = loadConfigFile(path);
  if (!loaded.ok) return { path, options: {}, error: loaded.error, ignores: () => false };
  const patterns = loaded.config.ignore ?? [];
  return {
    path,
    options: toLintOptions(loaded.config),
    error: null,
    ignores: patterns.length ? ignoreMatcher(patterns, dirname(path)) : () => false,
  };
}

export function forgetConfigs(): void {
  folderConfigs.clear();
}

/**
 * The settings file's `ignore` patterns, relative to its folder. The CLI expands them with
 * tinyglobby, which also matches everything inside a folder named by a pattern ("drafts" covers
 * "drafts/visit.md"); matching `pattern/**` as well keeps the editor and the CLI in agreement.
 */
function ignoreMatcher(patterns: string[], folder: string): (file: string) => boolean {
  const expanded = patterns.flatMap((p) => [p, `${p.replace(/\/+$/, '')}/**`]);
  const isMatch = picomatch(expanded, { dot: true });
  return (file) => {
    const rel = relative(folder, file);
    return !rel.startsWith('..') && isMatch(rel.split('\\').join('/'));
  };
}

function matchesGlobs(path: string | null, globs: string[], folders: string[]): boolean {
  if (!path || !globs.length) return false;
  const isMatch = picomatch(globs, { dot: true });
  const candidates = folders.length ? folders.map((f) => relative(f, path)).filter((r) => !r.startsWith('..')) : [path];
  return candidates.some((r) => isMatch(r.split('\\').join('/')));
}

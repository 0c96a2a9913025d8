/**
 * Turns the command line's paths into the list of files to check. A file is taken as named; a
 * folder is searched for Markdown notes (`.md`, `.markdown`), skipping node_modules and .git; a
 * quoted glob is expanded as the shell would have. Anything that yields no file becomes a
 * problem reported against that argument, so a typo in CI is never a silent success.
 */
import { statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export const SKIPPED_FOLDERS = ['**/node_modules/**', '**/.git/**'];
const NOTE_PATTERNS = ['**/*.md', '**/*.markdown'];

export interface Target {
  /** Absolute path of the file (or of the argument, when it yielded nothing). */
  path: string;
  /** True when the user named this file directly rather than through a folder or glob. */
  named: boolean;
  /** Why nothing could be checked for this argument. */
  problem?: string;
}

export async function findTargets(args: readonly string[], cwd: string): Promise<Target[]> {
  const targets: Target[] = [];
  const seen = new Set<string>();
  const add = (path: string, named: boolean) => {
    if (seen.has(path)) return;
    seen.add(path);
    targets.push({ path, named });
  };
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const stats = statOrNull(path);
    if (stats?.isFile()) {
      add(path, true);
    } else if (stats?.isDirectory()) {
      const found = await search(NOTE_PATTERNS, path, { caseSensitiveMatch: false });
      if (found.length === 0) targets.push({ path, named: true, problem: 'No case notes (.md or .markdown files) were found in this folder.' });
      for (const file of found) add(file, false);
    } else if (isDynamicPattern(arg)) {
      const found = await search([arg], cwd, {});
      if (found.length === 0) targets.push({ path, named: true, problem: 'No files match this pattern.' });
      for (const file of found) add(file, false);
    } else {
      targets.push({ path, named: true, problem: 'File not found.' });
    }
  }
  return targets;
}

async function search(patterns: string[], cwd: string, options: { caseSensitiveMatch?: boolean }): Promise<string[]> {
  const found = await glob(patterns, { cwd, absolute: true, ignore: SKIPPED_FOLDERS, ...options });
  // Sorted so reports and exit codes never depend on the order the disk returns entries in.
  return found.map((f) => resolve(f)).sort();
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * Finding the settings that apply to a note: the nearest `.caselintrc.json` in the note's folder
 * or any folder above it. The nearest file wins outright; settings are never merged from several
 * files, so what applies to a note can always be read in one place. `"root": true` is accepted
 * to mark the top of a project, and is what stops the search if merging is ever added.
 */
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAME } from './types';

export function findConfigFile(startDir: string): string | null {
  let dir = resolve(startDir);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (isFile(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

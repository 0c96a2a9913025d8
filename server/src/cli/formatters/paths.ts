/**
 * How reports name files: relative to the working folder when the file is inside it (shorter,
 * and the same on every machine that checks out the same repository), otherwise absolute.
 */
import { isAbsolute, relative, sep } from 'node:path';

export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** The display path with forward slashes, as CI systems (GitHub, JUnit readers) expect. */
export function reportPath(path: string, cwd: string): string {
  return displayPath(path, cwd).split(sep).join('/');
}

/**
 * Where each rule's documentation lives: `docs/rules/<id>.md` in the project (and in the packaged
 * extension). Editors link to it from every finding (`codeDescription.href`). The pages are
 * generated from the registry by `npm run docs`; a test fails when they drift.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

let cachedRoot: string | null = null;

/** The folder holding `docs/rules`: found by walking up from this file (source or bundle). */
export function projectRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = resolve(__dirname);
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'docs', 'rules'))) return (cachedRoot = dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return (cachedRoot = resolve(__dirname, '..', '..'));
}

export function docsPath(ruleId: string): string {
  return join(projectRoot(), 'docs', 'rules', `${ruleId}.md`);
}

export function docsUrl(ruleId: string): string {
  return pathToFileURL(docsPath(ruleId)).href;
}

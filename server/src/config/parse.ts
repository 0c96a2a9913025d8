/**
 * Reading a `.caselintrc.json`: `parseConfig` is pure (text in, config or one-line error out) so
 * the language server can check unsaved text; `loadConfigFile` adds the file system. Every error
 * names the file first, so a CI log line is enough to find and fix the mistake.
 */
import { readFileSync } from 'node:fs';
import { LineIndex, toOneBased } from '../core/positions';
import { findJsonSyntaxError } from './json-syntax';
import type { CaselintConfig, ConfigResult } from './types';
import { describeProblem } from './validate';

export function parseConfig(text: string, source: string): ConfigResult {
  // Editors on Windows sometimes save JSON with a byte-order mark; it is not a mistake worth reporting.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return { ok: false, error: syntaxError(body, source) };
  }
  const problem = describeProblem(data);
  if (problem) return { ok: false, error: `${source}: ${problem}` };
  const { $schema: _ignored, ...config } = data as CaselintConfig & { $schema?: string };
  return { ok: true, config };
}

export function loadConfigFile(path: string): ConfigResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, error: `${path}: ${readProblem(e)}` };
  }
  return parseConfig(text, path);
}

function syntaxError(text: string, source: string): string {
  const found = findJsonSyntaxError(text);
  // JSON.parse and the scanner agree on valid JSON; the fallback only guards against a scanner bug.
  if (!found) return `${source}: this is not valid JSON`;
  const { line, column } = toOneBased(new LineIndex(text).positionAt(found.offset));
  return `${source}:${line}:${column}: this is not valid JSON: ${found.reason}`;
}

function readProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'the settings file does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'Caselint is not allowed to read this settings file';
  if (code === 'EISDIR') return 'this is a folder, not a settings file';
  return `the settings file could not be read (${code ?? 'unknown error'})`;
}

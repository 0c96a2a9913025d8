/**
 * All the work for one file: read it, decode it, lint it, and express the findings in 1-based
 * positions. It takes and returns plain data so it can later run in a worker thread unchanged.
 * Failures become a message on the file's result, never an exception, so one bad file cannot
 * stop the others being checked, and never echo the note's content.
 */
import { readFileSync } from 'node:fs';
import { lint } from '../core/lint';
import { toOneBased } from '../core/positions';
import type { Finding, LintOptions } from '../core/types';
import { decodeNote } from './decode';
import { fileProblem, type FileMessage, type FileResult } from './result';

export interface LintFileOptions {
  lintOptions: LintOptions;
}

export function lintFile(path: string, options: LintFileOptions): FileResult {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return fileProblem(path, readProblem(e));
  }
  const decoded = decodeNote(bytes);
  if (!decoded.ok) return fileProblem(path, decoded.reason);
  let findings: Finding[];
  try {
    findings = lint(decoded.text, options.lintOptions);
  } catch {
    // The error may quote the note, so it is not shown; the file is reported as not checked.
    return fileProblem(path, 'Caselint could not check this file because of a fault in Caselint itself. Please report it, without sending the note.');
  }
  return { filePath: path, messages: findings.map(toMessage) };
}

function toMessage(finding: Finding): FileMessage {
  const start = toOneBased(finding.range.start);
  const end = toOneBased(finding.range.end);
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
  };
}

export function readProblem(e: unknown): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'File not found.';
    case 'EACCES':
    case 'EPERM':
      return 'Caselint is not allowed to read this file.';
    case 'EISDIR':
      return 'This is a folder, not a file.';
    default:
      return `This file could not be read (${(e as NodeJS.ErrnoException).code ?? 'unknown error'}).`;
  }
}

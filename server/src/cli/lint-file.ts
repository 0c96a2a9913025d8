/**
 * All the work for one file: read it, decode it, lint it, and express the findings in 1-based
 * positions, each with its redacted wording and the date of the entry it lies in. It takes and
 * returns plain data, so it runs unchanged in a worker thread (pool.ts), and `lintText` serves
 * the language server's report too. Failures become a message on the file's result, never an
 * exception, so one bad file cannot stop the others being checked, and never echo the note's
 * content.
 */
import { readFileSync } from 'node:fs';
import { analyse } from '../core/document';
import { lintNote } from '../core/lint';
import { toOneBased } from '../core/positions';
import type { Finding, LintOptions } from '../core/types';
import { decodeNote } from './decode';
import { entryDateLookup } from './entry-dates';
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
  return lintText(path, decoded.text, options);
}

/** Lints text already in memory (an open editor's copy, or a decoded file) as the note at `path`. */
export function lintText(path: string, text: string, options: LintFileOptions): FileResult {
  let findings: Finding[];
  let dateAt: (offset: number) => string | undefined;
  try {
    // Analysed once and shared: the rules need the entries, and so does the report's timeline.
    const note = analyse(text);
    findings = lintNote(note, options.lintOptions);
    dateAt = entryDateLookup(note);
  } catch {
    // The error may quote the note, so it is not shown; the file is reported as not checked.
    return fileProblem(path, 'Caselint could not check this file because of a fault in Caselint itself. Please report it, without sending the note.');
  }
  return { filePath: path, messages: findings.map((finding) => toMessage(finding, dateAt(finding.startOffset))) };
}

function toMessage(finding: Finding, entryDate: string | undefined): FileMessage {
  const start = toOneBased(finding.range.start);
  const end = toOneBased(finding.range.end);
  const message: FileMessage = {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    redactedMessage: finding.redactedMessage,
  };
  if (entryDate) message.entryDate = entryDate;
  return message;
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

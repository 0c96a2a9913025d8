/**
 * The case-file report for the editor ("Caselint: Show case-file report"). It checks each file
 * the client names that is a case note, exactly as the `caselint` command would (`lintText`, the
 * same rules and settings), and renders the same HTML page (`renderHtmlReport`), so the editor's
 * report and the one a CI job writes never differ. The server's handler passes in how to read a
 * file and how to decide whether it is a case note, so this module has no LSP state of its own.
 */
import { dirname, sep } from 'node:path';
import pkg from '../../package.json';
import { ruleInfos } from '../cli/formatters';
import { renderHtmlReport } from '../cli/formatters/html';
import { lintText } from '../cli/lint-file';
import { fileProblem, type FileResult } from '../cli/result';
import type { LintOptions } from '../core/types';
import { docsUrl } from '../rules/docs';
import { Commands, type ReportParams } from './protocol';

export interface ReportDeps {
  /** The note's text: the editor's copy when it is open, else the file decoded; undefined if unreadable. */
  textOf(uri: string): Promise<string | undefined>;
  /** Whether the file is a case note and with which settings; null to leave it out of the report. */
  decide(uri: string, text: string): Promise<{ options: LintOptions; configError: string | null } | null>;
  pathOf(uri: string): string | null;
  /** File names in the report are shown relative to this folder (the first workspace folder). */
  folder: string | undefined;
  /** Checked between files, so a cancelled request stops early. */
  cancelled(): boolean;
  now(): Date;
}

export async function buildReport(params: ReportParams, deps: ReportDeps): Promise<string> {
  const results: FileResult[] = [];
  for (const uri of params.uris) {
    if (deps.cancelled()) break;
    const path = deps.pathOf(uri);
    if (!path) continue;
    const text = await deps.textOf(uri);
    if (text === undefined) {
      results.push(fileProblem(path, 'This file could not be read, or is not a text file saved as UTF-8 or UTF-16.'));
      continue;
    }
    const decision = await deps.decide(uri, text);
    if (!decision) continue;
    if (decision.configError) {
      results.push(fileProblem(path, `Not checked: Caselint could not use the settings file for this note (${decision.configError}).`));
      continue;
    }
    results.push(lintText(path, text, { lintOptions: decision.options }));
  }
  results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  return renderHtmlReport(results, {
    cwd: deps.folder ?? commonFolder(results.map((r) => r.filePath)),
    version: pkg.version,
    generatedAt: deps.now(),
    rules: ruleInfos(params.ruleLinks === 'command' ? commandLink : docsUrl),
    nonce: params.nonce,
  });
}

/** Without a workspace folder, names are shown relative to the folder all the notes share. */
function commonFolder(paths: string[]): string {
  if (paths.length === 0) return sep;
  let folder = dirname(paths[0]);
  while (!paths.every((p) => p.startsWith(folder.endsWith(sep) ? folder : folder + sep)) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}

/** A link the VS Code webview turns into running "Show rule documentation" for the check. */
function commandLink(ruleId: string): string {
  return `command:${Commands.showDocumentation}?${encodeURIComponent(JSON.stringify([ruleId]))}`;
}

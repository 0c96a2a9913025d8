/**
 * Quick fixes for each Caselint diagnostic, always the same predictable set: the rule's own
 * template fixes, "Disable RULE for this line", and "Show documentation for RULE".
 *
 * There is deliberately no "fix all": every template needs the practitioner's own words, so
 * inserting them in bulk would only fill a record with placeholders.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DiagnosticData } from './diagnostics';
import { Commands, DIAGNOSTIC_SOURCE } from './protocol';

export function codeActionsFor(document: TextDocument, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
    const ruleId = diagnostic.code;
    const data = diagnostic.data as DiagnosticData | undefined;
    for (const fix of data?.fixes ?? []) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.isPreferred,
        edit: { changes: { [document.uri]: fix.edits as TextEdit[] } },
      });
    }
    actions.push({
      title: `Disable ${ruleId} for this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [document.uri]: [disableLineEdit(document, diagnostic.range.start.line, ruleId)] } },
    });
    actions.push({
      title: `Show documentation for ${ruleId}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: `Show documentation for ${ruleId}`, command: Commands.showDocumentation, arguments: [ruleId] },
    });
  }
  return actions;
}

/**
 * Inserts `<!-- caselint-disable-next-line RULE -->` on its own line above the finding, with the
 * same indentation and list or quote markers' indentation, so the Markdown around it stays valid.
 */
export function disableLineEdit(document: TextDocument, line: number, ruleId: string): TextEdit {
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*(?:>[ \t]?)*/.exec(text)?.[0] ?? '';
  const eol = document.getText().includes('\r\n') ? '\r\n' : '\n';
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- caselint-disable-next-line ${ruleId} -->${eol}` };
}

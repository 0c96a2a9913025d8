/**
 * Quick fixes for each Caselint diagnostic, always the same predictable set (as in vscode-eslint):
 * the rule's own template fixes, "Disable RULE for this line", and "Show documentation for RULE".
 *
 * The handler is stateless: a rule's fixes travel in `Diagnostic.data` with the document version
 * they were computed for. When the editor sends a diagnostic from an older version (or one whose
 * `data` it dropped), the fixes' positions may no longer fit the text, so the same finding is
 * looked up in the server's diagnostics for the current version instead; if it is not there, only
 * the two actions that need no positions from the lint are offered.
 *
 * There is deliberately no `source.fixAll.caselint`: every template needs the practitioner's own
 * words, so inserting them in bulk would only fill a record with placeholders.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fix } from '../core/types';
import { dataOf } from './diagnostics';
import { disableCommentEdit } from './disable-comment';
import { Commands, DIAGNOSTIC_SOURCE } from './protocol';

export interface CodeActionRequest {
  document: TextDocument;
  /** The range the editor asked about. */
  range: Range;
  /** The diagnostics the editor sent with the request. */
  sent: Diagnostic[];
  /** The server's own diagnostics for the document's current version, if it has them. */
  current: Diagnostic[] | undefined;
  /** The editor applies versioned edits (`documentChanges`), so it refuses them on changed text. */
  versionedEdits: boolean;
}

/** Rules whose findings cannot be silenced line by line (the whole file is the finding). */
const NOT_LINE_BASED = new Set(['file-too-large']);

export function codeActionsFor(request: CodeActionRequest): CodeAction[] {
  const { document } = request;
  const actions: CodeAction[] = [];
  for (const diagnostic of findingsAsked(request)) {
    const ruleId = diagnostic.code as string;
    for (const fix of currentFixes(diagnostic, request)) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.isPreferred,
        edit: editOf(request, fix.edits),
      });
    }
    const disable = NOT_LINE_BASED.has(ruleId) ? null : disableCommentEdit(document.getText(), diagnostic.range.start.line, ruleId);
    if (disable) {
      actions.push({ title: `Disable ${ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: editOf(request, [disable]) });
    }
    actions.push({
      title: `Show documentation for ${ruleId}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: `Show documentation for ${ruleId}`, command: Commands.showDocumentation, arguments: [ruleId] },
    });
  }
  return actions;
}

function isFinding(diagnostic: Diagnostic): boolean {
  return diagnostic.source === DIAGNOSTIC_SOURCE && typeof diagnostic.code === 'string';
}

/**
 * The findings the editor sent; when it sent none of ours (some editors send only the
 * diagnostics under the cursor, some none at all), every current finding touching the range.
 */
function findingsAsked(request: CodeActionRequest): Diagnostic[] {
  const sent = request.sent.filter(isFinding);
  if (sent.length) return sent;
  return (request.current ?? []).filter((d) => isFinding(d) && overlaps(d.range, request.range));
}

function currentFixes(diagnostic: Diagnostic, request: CodeActionRequest): Fix[] {
  const data = dataOf(diagnostic);
  if (data && data.version === request.document.version) return data.fixes;
  const match = (request.current ?? []).find((d) => d.code === diagnostic.code && d.message === diagnostic.message && overlaps(d.range, diagnostic.range));
  return (match && dataOf(match)?.fixes) || [];
}

function editOf(request: CodeActionRequest, edits: TextEdit[]): WorkspaceEdit {
  const { uri, version } = request.document;
  return request.versionedEdits ? { documentChanges: [{ textDocument: { uri, version }, edits }] } : { changes: { [uri]: edits } };
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** Ranges touch, counting an empty range (a cursor) at either end. */
function overlaps(a: Range, b: Range): boolean {
  return before(a.start, b.end) && before(b.start, a.end);
}

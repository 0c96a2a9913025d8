/**
 * The status bar item: how many Caselint problems the active case note has. It reads the
 * diagnostics VS Code already holds (filtered by source), so it never disagrees with the
 * Problems panel, and it only shows for Markdown files, where Caselint can have something to say.
 */
import * as vscode from 'vscode';
import { Commands, DIAGNOSTIC_SOURCE } from '../../server/src/lsp/protocol';
import { NOT_CHECKING_TEXT, statusBarText, type Counts } from './wording';

export function countCaselintDiagnostics(uri: vscode.Uri): Counts {
  const counts: Counts = { errors: 0, warnings: 0, suggestions: 0 };
  for (const d of vscode.languages.getDiagnostics(uri)) {
    if (d.source !== DIAGNOSTIC_SOURCE) continue;
    if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
    else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
    else counts.suggestions++;
  }
  return counts;
}

export interface StatusBar extends vscode.Disposable {
  /** Call when the language server starts or stops. */
  update(): void;
}

/** `isChecking` says whether the language server is running; if not, "no problems" would be untrue. */
export function createStatusBar(isChecking: () => boolean): StatusBar {
  const item = vscode.window.createStatusBarItem('caselint.status', vscode.StatusBarAlignment.Left, 0);
  item.name = 'Caselint';

  const update = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    const enabled = vscode.workspace.getConfiguration('caselint').get<boolean>('enable', true);
    if (!doc || doc.languageId !== 'markdown' || !enabled) {
      item.hide();
      return;
    }
    if (isChecking()) {
      item.text = statusBarText(countCaselintDiagnostics(doc.uri));
      item.tooltip = 'Caselint: recording problems in this case note. Click to open the Problems panel.';
      item.command = 'workbench.actions.view.problems';
    } else {
      item.text = NOT_CHECKING_TEXT;
      item.tooltip = 'Caselint is not checking this note at the moment. Click to restart it.';
      item.command = Commands.restartServer;
    }
    item.show();
  };

  update();
  const disposable = vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) update();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('caselint.enable')) update();
    }),
  );
  return { update, dispose: () => disposable.dispose() };
}

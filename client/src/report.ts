/**
 * "Caselint: Show case-file report", for supervisors: the same audit report as
 * `caselint --format html`, for every case note in the workspace, in a VS Code tab. The client
 * finds the Markdown files (as the workspace check does) and the server, which decides what is a
 * case note and does all the checking, answers `caselint/report` with the finished page.
 *
 * The webview is locked down: no local or remote resources at all, and the page's own
 * Content-Security-Policy lets in only its inline style and sorting script, by a fresh nonce
 * each time. Links to a check's documentation are command links limited to
 * "Show rule documentation", because a webview does not follow `file:` links.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { ErrorCodes, LSPErrorCodes, ResponseError, type LanguageClient } from 'vscode-languageclient/node';
import { Commands, REPORT_METHOD, type ReportParams, type ReportResult } from '../../server/src/lsp/protocol';

let panel: vscode.WebviewPanel | undefined;

export async function showReport(client: LanguageClient | undefined): Promise<void> {
  if (!client || !client.isRunning()) {
    void vscode.window.showWarningMessage('Caselint is turned off or still starting. Turn on the "Caselint: Enable" setting and try again.');
    return;
  }
  const files = await vscode.workspace.findFiles('**/*.{md,markdown}', '**/node_modules/**');
  if (files.length === 0) {
    void vscode.window.showInformationMessage('There are no Markdown files in this workspace, so there is nothing to report on.');
    return;
  }
  const params: ReportParams = { uris: files.map((u) => u.toString()), nonce: randomBytes(18).toString('base64'), ruleLinks: 'command' };
  let html: ReportResult | undefined;
  try {
    html = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Caselint', cancellable: true },
      async (progress, token) => {
        progress.report({ message: `Preparing the case-file report (${files.length} Markdown files)…` });
        const result = await client.sendRequest<ReportResult>(REPORT_METHOD, params, token);
        return token.isCancellationRequested ? undefined : result;
      },
    );
  } catch (error) {
    if (error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound) {
      void vscode.window.showErrorMessage('This version of the Caselint checker cannot make a case-file report. Update Caselint and try again.');
      return;
    }
    // Stopping is the person's choice, not a failure.
    if (error instanceof vscode.CancellationError || (error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled)) return;
    void vscode.window.showErrorMessage('Caselint could not make the case-file report. Details are in the "Caselint" output.');
    client.error('Case-file report failed', error, false);
    return;
  }
  if (!html) return;
  panel ??= createPanel();
  panel.webview.html = html;
  panel.reveal();
}

function createPanel(): vscode.WebviewPanel {
  const created = vscode.window.createWebviewPanel('caselint.report', 'Case-file audit', vscode.ViewColumn.Active, {
    enableScripts: true,
    enableCommandUris: [Commands.showDocumentation],
    localResourceRoots: [],
    enableFindWidget: true,
  });
  created.onDidDispose(() => (panel = undefined));
  return created;
}

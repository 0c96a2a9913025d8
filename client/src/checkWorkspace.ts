/**
 * "Caselint: Check all case notes in this workspace", for supervisors reviewing a caseload.
 * The client finds the Markdown files and hands them to the server in batches; the server
 * decides which are case notes (the same way it does for open files) and publishes their
 * diagnostics, so results land in the Problems panel like any other finding.
 */
import * as vscode from 'vscode';
import { ErrorCodes, LSPErrorCodes, ResponseError, type LanguageClient } from 'vscode-languageclient/node';
import { CHECK_BATCH_SIZE, CHECK_FILES_METHOD, type CheckFilesParams, type CheckFilesResult } from '../../server/src/lsp/protocol';
import { batches, checkSummary, progressMessage } from './wording';

export async function checkWorkspace(client: LanguageClient | undefined): Promise<void> {
  if (!client || !client.isRunning()) {
    void vscode.window.showWarningMessage('Caselint is turned off or still starting. Turn on the "Caselint: Enable" setting and try again.');
    return;
  }
  const files = await vscode.workspace.findFiles('**/*.{md,markdown}', '**/node_modules/**');
  const totals = { checked: 0, skipped: 0, findings: 0 };
  let cancelled = false;

  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Caselint', cancellable: true },
      async (progress, token) => {
        progress.report({ message: progressMessage(0, files.length) });
        let done = 0;
        for (const batch of batches(files, CHECK_BATCH_SIZE)) {
          if (token.isCancellationRequested) break;
          const params: CheckFilesParams = { uris: batch.map((u) => u.toString()) };
          const result = await client.sendRequest<CheckFilesResult | null>(CHECK_FILES_METHOD, params, token);
          // A server that honours cancellation may answer a cancelled batch with nothing.
          totals.checked += result?.checked ?? 0;
          totals.skipped += result?.skipped ?? 0;
          totals.findings += result?.findings ?? 0;
          done += batch.length;
          progress.report({ message: progressMessage(done, files.length), increment: (100 * batch.length) / files.length });
        }
        cancelled = token.isCancellationRequested;
      },
    );
  } catch (error) {
    if (error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound) {
      void vscode.window.showErrorMessage('This version of the Caselint checker cannot check a whole workspace yet. Open the case notes one at a time instead.');
      return;
    }
    // A cancelled request rejects; stopping is the person's choice, not a failure.
    const wasCancelled = error instanceof vscode.CancellationError
      || (error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
    if (!wasCancelled) {
      void vscode.window.showErrorMessage('Caselint could not finish checking the workspace. Details are in the "Caselint" output.');
      client.error('Workspace check failed', error, false);
      return;
    }
    cancelled = true;
  }

  void vscode.window.showInformationMessage(checkSummary(totals.checked, totals.skipped, totals.findings, cancelled));
  if (totals.checked > 0) await vscode.commands.executeCommand('workbench.actions.view.problems');
}

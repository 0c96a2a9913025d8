/**
 * "Caselint: Show rule documentation". The server's "show documentation" code action runs this
 * command with a rule id; from the Command Palette it asks which rule. Each rule's page is
 * `docs/rules/<id>.md`, shipped inside the extension, and opens in the Markdown preview.
 */
import * as vscode from 'vscode';
import { isRuleId } from './wording';

async function pickRule(docsFolder: vscode.Uri): Promise<string | undefined> {
  let entries: [string, vscode.FileType][] = [];
  try {
    entries = await vscode.workspace.fs.readDirectory(docsFolder);
  } catch {
    // No docs folder: fall through to the message below.
  }
  const ids = entries.map(([name]) => name).filter((n) => n.endsWith('.md')).map((n) => n.slice(0, -3)).sort();
  if (ids.length === 0) {
    void vscode.window.showWarningMessage('The Caselint rule pages are missing from this installation.');
    return undefined;
  }
  return vscode.window.showQuickPick(ids, { placeHolder: 'Which Caselint check would you like to read about?' });
}

export async function showDocumentation(extensionUri: vscode.Uri, ruleId?: unknown): Promise<void> {
  const docsFolder = vscode.Uri.joinPath(extensionUri, 'docs', 'rules');
  const id = isRuleId(ruleId) ? ruleId : await pickRule(docsFolder);
  if (!id) return;
  const page = vscode.Uri.joinPath(docsFolder, `${id}.md`);
  try {
    await vscode.workspace.fs.stat(page);
  } catch {
    void vscode.window.showWarningMessage(`There is no Caselint page for "${id}" in this installation.`);
    return;
  }
  await vscode.commands.executeCommand('markdown.showPreview', page);
}

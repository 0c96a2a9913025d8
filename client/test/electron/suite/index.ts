/**
 * The tests that run inside a real desktop VS Code (see ../runTest.ts): the extension activates
 * in a case-note workspace, the language server's findings appear as diagnostics, and a quick
 * fix can be applied. Every wait is on an editor event, bounded by the runner's time limit.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { runAll, withTimeLimit } from './runner';

const EXTENSION_ID = 'caselint.caselint-vscode';

/** A file in the test workspace, which runTest.ts opens as the window's only folder. */
function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

function caselintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'caselint');
}

function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Resolves with the file's Caselint diagnostics once `accept` holds, checking now and on every change. */
function diagnosticsWhen(uri: vscode.Uri, accept: (ds: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const ds = caselintDiagnostics(uri);
      if (!accept(ds)) return false;
      listener.dispose();
      resolve(ds);
      return true;
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
}

async function openNote(): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile('home-visit.md'));
  return vscode.window.showTextDocument(doc);
}

export async function run(): Promise<void> {
  await runAll([
    {
      name: 'activates when a case note is opened in a folder with a .caselintrc.json',
      async run() {
        await openNote();
        const extension = vscode.extensions.getExtension(EXTENSION_ID);
        assert.ok(extension, `${EXTENSION_ID} is installed`);
        await withTimeLimit(Promise.resolve(extension.activate()), 20_000, 'activation');
        assert.equal(extension.isActive, true);
      },
    },
    {
      name: 'reports "The house was filthy." as an opinion written as fact',
      async run() {
        const editor = await openNote();
        const ds = await diagnosticsWhen(editor.document.uri, (all) => all.some((d) => ruleOf(d) === 'opinion-as-fact'));
        const finding = ds.find((d) => ruleOf(d) === 'opinion-as-fact')!;
        assert.match(editor.document.getText(finding.range), /filthy/);
      },
    },
    {
      name: 'applies the professional-judgement quick fix, leaving a placeholder to fill in',
      async run() {
        const editor = await openNote();
        const uri = editor.document.uri;
        const [finding] = (await diagnosticsWhen(uri, (all) => all.some((d) => ruleOf(d) === 'opinion-as-fact')))
          .filter((d) => ruleOf(d) === 'opinion-as-fact');
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider', uri, finding.range, vscode.CodeActionKind.QuickFix.value,
        );
        const fix = actions.find((a) => a.title.startsWith('Mark as your professional judgement'));
        assert.ok(fix?.edit, `a "Mark as your professional judgement" fix is offered (got: ${actions.map((a) => a.title).join(' | ')})`);
        assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
        assert.match(editor.document.getText(), /In my professional judgement, the house was filthy\. This is based on \[/);
        // The template's placeholder is itself a finding until it is filled in.
        await diagnosticsWhen(uri, (all) => all.some((d) => ruleOf(d) === 'unfilled-placeholder'));
        await vscode.commands.executeCommand('workbench.action.files.revert');
      },
    },
    {
      name: "opens a rule's documentation page in the Markdown preview",
      async run() {
        const isRulePage = (tab: vscode.Tab): boolean => tab.label.includes('opinion-as-fact');
        const opened = new Promise<void>((resolve) => {
          const listener = vscode.window.tabGroups.onDidChangeTabs((e) => {
            if (e.opened.some(isRulePage) || e.changed.some(isRulePage)) {
              listener.dispose();
              resolve();
            }
          });
        });
        await vscode.commands.executeCommand('caselint.showDocumentation', 'opinion-as-fact');
        const alreadyOpen = vscode.window.tabGroups.all.some((g) => g.tabs.some(isRulePage));
        if (!alreadyOpen) await opened;
      },
    },
  ]);
}

/**
 * The Caselint extension: starts the bundled language server, which does all the checking, and
 * adds the few things only an editor can: a status bar count, a workspace-wide check, the
 * case-file report, rule documentation and a restart command. Case-note logic never lives here (see server/src).
 *
 * The "Caselint: Enable" setting starts and stops the server, so turning Caselint off clears its
 * diagnostics at once and costs nothing while it is off.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { checkWorkspace } from './checkWorkspace';
import { showDocumentation } from './documentation';
import { showReport } from './report';
import { Commands, type InitializationOptions } from '../../server/src/lsp/protocol';
import { createStatusBar, type StatusBar } from './statusBar';

let client: LanguageClient | undefined;
let statusBar: StatusBar | undefined;

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('server/out/server.js');
  // The client only listens to the watcher, so the extension must dispose it.
  const configWatcher = vscode.workspace.createFileSystemWatcher('**/.caselintrc.json');
  context.subscriptions.push(configWatcher);
  const serverOptions: ServerOptions = { module, transport: TransportKind.ipc };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    // The extension opens rule pages itself (in the Markdown preview), so the server must not
    // also claim the `caselint.showDocumentation` command.
    initializationOptions: { clientShowsDocumentation: true } satisfies InitializationOptions,
    synchronize: {
      configurationSection: 'caselint',
      fileEvents: configWatcher,
    },
  };
  return new LanguageClient('caselint', 'Caselint', serverOptions, clientOptions);
}

function isEnabled(): boolean {
  return vscode.workspace.getConfiguration('caselint').get<boolean>('enable', true);
}

async function startServer(context: vscode.ExtensionContext): Promise<void> {
  if (client) return;
  client = createClient(context);
  client.onDidChangeState(() => statusBar?.update());
  try {
    await client.start();
  } catch {
    // The client has already logged the details to its output channel.
    void vscode.window.showErrorMessage('Caselint could not start, so case notes are not being checked. Try "Caselint: Restart".');
  }
}

async function stopServer(): Promise<void> {
  const running = client;
  client = undefined;
  // Stopping disposes the client's diagnostics, so findings disappear when Caselint is turned off.
  if (running) await running.stop().catch(() => undefined);
  statusBar?.update();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  statusBar = createStatusBar(() => client?.isRunning() ?? false);
  context.subscriptions.push(
    statusBar,
    vscode.commands.registerCommand(Commands.checkWorkspace, () => checkWorkspace(client)),
    vscode.commands.registerCommand(Commands.showReport, () => showReport(client)),
    vscode.commands.registerCommand(Commands.showDocumentation, (ruleId?: unknown) =>
      showDocumentation(context.extensionUri, ruleId),
    ),
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      await stopServer();
      if (isEnabled()) await startServer(context);
      else void vscode.window.showInformationMessage('Caselint is turned off in your settings ("Caselint: Enable").');
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('caselint.enable')) return;
      if (isEnabled()) await startServer(context);
      else await stopServer();
    }),
  );
  if (isEnabled()) await startServer(context);
}

export function deactivate(): Promise<void> {
  return stopServer();
}

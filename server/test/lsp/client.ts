/**
 * A small LSP client for protocol tests: spawns the bundled server over stdio and speaks raw
 * JSON-RPC. Waiting is always on events (a diagnostics notification for a given version), never
 * on timers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

const SERVER = resolve(__dirname, '../../out/server.js');

export interface ClientOptions {
  /** Answer workspace/configuration with these settings (per request item). */
  settings?: () => unknown;
  /** Advertise pull diagnostics support. */
  pull?: boolean;
  rootPath?: string;
  /** Extra arguments for node, before the server script (e.g. a --require guard). */
  nodeArgs?: string[];
  /** Extra environment variables for the server process. */
  env?: Record<string, string>;
}

export class TestClient {
  readonly connection: MessageConnection;
  private readonly process: ChildProcess;
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();

  /** Every diagnostics notification received for a uri, in order. */
  publishedFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.get(uri) ?? [];
  }
  private readonly waiters: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly shownDocuments: string[] = [];
  readonly messages: string[] = [];
  stderr = '';

  constructor(private readonly options: ClientOptions = {}) {
    this.process = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    this.process.stderr!.on('data', (chunk) => (this.stderr += String(chunk)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      for (const w of [...this.waiters]) {
        if (w.uri === params.uri && (w.version === undefined || w.version === params.version)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(params);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.options.settings?.() ?? {}));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/showDocument', (params: { uri: string }) => {
      this.shownDocuments.push(params.uri);
      return { success: true };
    });
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.onNotification('window/showMessage', (p: { message: string }) => this.messages.push(p.message));
    this.connection.onNotification('window/logMessage', (p: { message: string }) => this.messages.push(p.message));
    this.connection.listen();
  }

  async initialize(): Promise<Record<string, unknown>> {
    const rootUri = this.options.rootPath ? pathToFileURL(this.options.rootPath).href : null;
    const result = (await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'notes' }] : null,
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { ...(this.options.pull ? { diagnostic: {} } : {}), publishDiagnostics: { versionSupport: true } },
        window: { showDocument: { support: true } },
      },
    })) as { capabilities: Record<string, unknown> };
    await this.connection.sendNotification('initialized', {});
    return result.capabilities;
  }

  /** Resolves with the next diagnostics published for the uri (and version, if given). */
  nextDiagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  async change(uri: string, version: number, text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  codeActions(uri: string, diagnostics: Diagnostic[]) {
    const range = diagnostics[0].range;
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } }) as Promise<
      { title: string; edit?: { changes: Record<string, { range: Diagnostic['range']; newText: string }[]> }; command?: { command: string; arguments: unknown[] } }[]
    >;
  }

  async shutdown(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
  }
}

/**
 * A small LSP client for protocol tests: spawns the bundled server (`server/out/server.js
 * --stdio`, exactly as editors run it) and speaks raw JSON-RPC over its stdio. Waiting is always
 * on events (diagnostics published for a given version, a refresh request from the server),
 * never on timers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic, Hover, PublishDiagnosticsParams, Range, TextEdit } from 'vscode-languageserver-protocol';
import { FURTHER_CHECKS } from '../helpers';

const SERVER = resolve(__dirname, '../../out/server.js');

export interface ClientOptions {
  /** Answer workspace/configuration with these settings (per request item). */
  settings?: () => unknown;
  /** Advertise pull diagnostics support (and `workspace/diagnostic/refresh`). */
  pull?: boolean;
  /** Advertise versioned workspace edits (`documentChanges`), as VS Code does. */
  documentChanges?: boolean;
  /** Advertise workspace folder support (the server then follows folders added and removed). */
  workspaceFolders?: boolean;
  /** Sent as `initializationOptions`. */
  initializationOptions?: unknown;
  rootPath?: string;
  /** Extra arguments for node, before the server script (e.g. a --require guard). */
  nodeArgs?: string[];
  /** Extra environment variables for the server process. */
  env?: Record<string, string>;
  /**
   * Turn the nine further checks off in the settings the client answers with (unless a test sets
   * them), for tests about the server's behaviour with short notes such as "Mum was hostile.".
   */
  coreChecksOnly?: boolean;
}

interface Waiter<T> {
  matches(value: T): boolean;
  resolve(value: T): void;
}

export class TestClient {
  readonly connection: MessageConnection;
  private readonly process: ChildProcess;
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly diagnosticWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private readonly refreshWaiters: Waiter<void>[] = [];
  /** URIs the server asked the editor to show (`window/showDocument`). */
  readonly shownDocuments: string[] = [];
  readonly shownDocumentParams: { uri: string; external?: boolean }[] = [];
  /** Messages shown to the user (`window/showMessage`) and logged (`window/logMessage`), in order. */
  readonly messages: string[] = [];
  /** Only the messages shown to the user. */
  readonly shownMessages: string[] = [];
  /** How many `workspace/diagnostic/refresh` requests the server sent. */
  refreshes = 0;
  stderr = '';

  constructor(private readonly options: ClientOptions = {}) {
    this.process = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    this.process.stderr!.on('data', (chunk) => (this.stderr += String(chunk)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      settle(this.diagnosticWaiters, params);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings()));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/showDocument', (params: { uri: string; external?: boolean }) => {
      this.shownDocuments.push(params.uri);
      this.shownDocumentParams.push(params);
      return { success: true };
    });
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      settle(this.refreshWaiters, undefined);
      return null;
    });
    this.connection.onNotification('window/showMessage', (p: { message: string }) => {
      this.messages.push(p.message);
      this.shownMessages.push(p.message);
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => this.messages.push(p.message));
    this.connection.listen();
  }

  private settings(): unknown {
    const settings = (this.options.settings?.() ?? {}) as { rules?: Record<string, string> };
    if (!this.options.coreChecksOnly) return settings;
    const off = Object.fromEntries([...FURTHER_CHECKS].map((id) => [id, 'off']));
    return { ...settings, rules: { ...off, ...settings.rules } };
  }

  /** Every diagnostics notification received for a uri, in order. */
  publishedFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.get(uri) ?? [];
  }

  async initialize(): Promise<Record<string, unknown>> {
    const rootUri = this.options.rootPath ? pathToFileURL(this.options.rootPath).href : null;
    const result = (await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'notes' }] : null,
      initializationOptions: this.options.initializationOptions,
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: !!this.options.workspaceFolders,
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: !!this.options.documentChanges },
          ...(this.options.pull ? { diagnostics: { refreshSupport: true } } : {}),
        },
        textDocument: { ...(this.options.pull ? { diagnostic: {} } : {}), publishDiagnostics: { versionSupport: true } },
        window: { showDocument: { support: true } },
      },
    })) as { capabilities: Record<string, unknown> };
    await this.connection.sendNotification('initialized', {});
    return result.capabilities;
  }

  /** Resolves with the next diagnostics published for the uri (and version, if given). */
  nextDiagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) =>
      this.diagnosticWaiters.push({ matches: (p) => p.uri === uri && (version === undefined || p.version === version), resolve }),
    );
  }

  /** Resolves when the server next asks a pull client to pull diagnostics again. */
  nextRefresh(): Promise<void> {
    return new Promise((resolve) => this.refreshWaiters.push({ matches: () => true, resolve }));
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  /** Opens a note and resolves with the diagnostics published for it (push clients only). */
  async openAndWait(uri: string, text: string, version = 1): Promise<Diagnostic[]> {
    const published = this.nextDiagnostics(uri, version);
    await this.open(uri, text, version);
    return (await published).diagnostics;
  }

  async change(uri: string, version: number, text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Replaces a note's text and resolves with the diagnostics published for that version. */
  async changeAndWait(uri: string, version: number, text: string): Promise<Diagnostic[]> {
    const published = this.nextDiagnostics(uri, version);
    await this.change(uri, version, text);
    return (await published).diagnostics;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Asks for code actions with the given diagnostics as context, for their range unless one is given. */
  codeActions(uri: string, diagnostics: Diagnostic[], options: { range?: Range; only?: string[] } = {}): Promise<CodeAction[]> {
    const range = options.range ?? diagnostics[0].range;
    return this.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(options.only ? { only: options.only } : {}) },
    }) as Promise<CodeAction[]>;
  }

  hover(uri: string, position: Range['start']): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }) as Promise<Hover | null>;
  }

  /** A pull client's request for one document's diagnostics. */
  async pull(uri: string): Promise<Diagnostic[]> {
    const report = (await this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; items: Diagnostic[] };
    if (report.kind !== 'full') throw new Error(`expected a full report, got ${report.kind}`);
    return report.items;
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

/** The text edits of a code action for one document, whether sent as `changes` or `documentChanges`. */
export function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const edit = action.edit;
  if (!edit) return [];
  if (edit.changes) return edit.changes[uri] ?? [];
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...(change.edits as TextEdit[]));
  return edits;
}

function settle<T>(waiters: Waiter<T>[], value: T): void {
  for (const waiter of [...waiters]) {
    if (!waiter.matches(value)) continue;
    waiters.splice(waiters.indexOf(waiter), 1);
    waiter.resolve(value);
  }
}

/**
 * The Caselint language server. Any LSP editor can run it (`caselint-language-server --stdio`);
 * VS Code starts it over IPC. It checks Markdown case notes (see case-notes.ts for the opt-in)
 * as they are opened and changed, pushes diagnostics (or answers pull requests from clients that
 * ask), offers quick fixes and hovers, and checks whole folders for the supervisor's command.
 *
 * Privacy: it reads only the files the editor names, writes nothing to disk, opens no network
 * connection, and logs file names, counts and rule ids — never note text.
 */
import { readFile } from 'node:fs/promises';
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  MessageType,
  ShowMessageNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../core/lint';
import { decodeNote } from '../cli/decode';
import { docsUrl } from '../rules/docs';
import { ruleById } from '../rules';
import { decideCaseNote, filePathOf, forgetConfigs } from './case-notes';
import { codeActionsFor } from './code-actions';
import { failureDiagnostic, toDiagnostic } from './diagnostics';
import { hoverFor } from './hover';
import { CHECK_FILES_METHOD, Commands, type CheckFilesParams, type CheckFilesResult, type InitializationOptions } from './protocol';
import { DEFAULT_SETTINGS, readSettings, type EditorSettings } from './settings';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let canPullConfiguration = false;
let canWatchFiles = false;
let usePull = false;
let workspaceFolders: string[] = [];
let globalSettings: EditorSettings = DEFAULT_SETTINGS;
const settingsCache = new Map<string, Promise<EditorSettings>>();
/** The diagnostics last computed for each open document, for hovers and pull requests. */
const current = new Map<string, { version: number; diagnostics: Diagnostic[] }>();
const reportedConfigErrors = new Set<string>();

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  canPullConfiguration = !!caps.workspace?.configuration;
  canWatchFiles = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  usePull = !!caps.textDocument?.diagnostic;
  workspaceFolders = (params.workspaceFolders ?? []).map((f) => filePathOf(f.uri)).filter((p): p is string => !!p);
  if (!workspaceFolders.length && params.rootUri) workspaceFolders = [filePathOf(params.rootUri)].filter((p): p is string => !!p);
  const init = (params.initializationOptions ?? {}) as InitializationOptions;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      hoverProvider: true,
      ...(init.clientShowsDocumentation ? {} : { executeCommandProvider: { commands: [Commands.showDocumentation] } }),
      ...(usePull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'caselint-language-server' },
  };
});

connection.onInitialized(() => {
  if (canWatchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.caselintrc.json' }] });
  }
});

function settingsFor(uri: string): Promise<EditorSettings> {
  if (!canPullConfiguration) return Promise.resolve(globalSettings);
  let cached = settingsCache.get(uri);
  if (!cached) {
    cached = connection.workspace.getConfiguration({ scopeUri: uri, section: 'caselint' }).then(readSettings, () => DEFAULT_SETTINGS);
    settingsCache.set(uri, cached);
  }
  return cached;
}

/** Lints one text as a case note, or returns null when it is not one (or Caselint is off). */
async function diagnose(uri: string, text: string): Promise<Diagnostic[] | null> {
  const settings = await settingsFor(uri);
  if (!settings.enable) return null;
  const decision = decideCaseNote(uri, text, settings, workspaceFolders);
  if (!decision.isCaseNote) return null;
  if (decision.configError) {
    if (decision.configPath && !reportedConfigErrors.has(decision.configError)) {
      reportedConfigErrors.add(decision.configError);
      // A notification, not a request: nothing waits on the practitioner dismissing it.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Caselint could not use its settings file: ${decision.configError}` });
    }
    return [failureDiagnostic(`Caselint could not use the settings file for this note, so it has not checked it: ${decision.configError}`)];
  }
  try {
    return lint(text, decision.options).map(toDiagnostic);
  } catch (error) {
    // Never the note text: only which file failed and the error's own message.
    connection.console.error(`Could not check ${uri}: ${error instanceof Error ? error.message : String(error)}`);
    return [failureDiagnostic('Caselint could not check this note. The rest of your notes are still being checked; please report this problem.')];
  }
}

async function validate(document: TextDocument): Promise<void> {
  const { uri, version } = document;
  const diagnostics = (await diagnose(uri, document.getText())) ?? [];
  // A newer version may have arrived while we waited for settings: never publish stale results.
  if (documents.get(uri)?.version !== version) return;
  current.set(uri, { version, diagnostics });
  if (usePull) return;
  void connection.sendDiagnostics({ uri, version, diagnostics });
}

function revalidateAll(): void {
  if (usePull) {
    current.clear();
    void connection.languages.diagnostics.refresh();
    return;
  }
  for (const document of documents.all()) void validate(document);
}

documents.onDidChangeContent((change) => {
  if (!usePull) void validate(change.document);
  else current.delete(change.document.uri);
});

documents.onDidOpen((event) => {
  // A pull client shows pulled diagnostics; clear any pushed by a workspace check for this file.
  if (usePull) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

documents.onDidClose((event) => {
  current.delete(event.document.uri);
  if (!usePull) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

connection.languages.diagnostics.on(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const cached = current.get(document.uri);
  if (cached && cached.version === document.version) return { kind: DocumentDiagnosticReportKind.Full, items: cached.diagnostics };
  const diagnostics = (await diagnose(document.uri, document.getText())) ?? [];
  current.set(document.uri, { version: document.version, diagnostics });
  return { kind: DocumentDiagnosticReportKind.Full, items: diagnostics };
});

connection.onDidChangeConfiguration((change) => {
  settingsCache.clear();
  forgetConfigs();
  if (!canPullConfiguration) globalSettings = readSettings((change.settings as { caselint?: unknown } | undefined)?.caselint);
  revalidateAll();
});

connection.onDidChangeWatchedFiles(() => {
  forgetConfigs();
  reportedConfigErrors.clear();
  revalidateAll();
});

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? codeActionsFor(document, params.context.diagnostics) : [];
});

connection.onHover((params) => {
  const diagnostics = current.get(params.textDocument.uri)?.diagnostics ?? [];
  return hoverFor(diagnostics, params.position);
});

connection.onExecuteCommand(async (params) => {
  if (params.command !== Commands.showDocumentation) return;
  const ruleId = String(params.arguments?.[0] ?? '');
  if (!ruleById(ruleId)) return;
  await connection.window.showDocument({ uri: docsUrl(ruleId), external: false });
});

/** The supervisor's whole-workspace check: lint case notes that are not open and publish them. */
connection.onRequest(CHECK_FILES_METHOD, async (params: CheckFilesParams): Promise<CheckFilesResult> => {
  const result: CheckFilesResult = { checked: 0, skipped: 0, findings: 0 };
  for (const uri of params.uris) {
    const open = documents.get(uri);
    let text = open?.getText();
    if (text === undefined) {
      const path = filePathOf(uri);
      const decoded = path ? await readFile(path).then((bytes) => decodeNote(bytes), () => null) : null;
      text = decoded && decoded.ok ? decoded.text : undefined;
    }
    const diagnostics = text === undefined ? null : await diagnose(uri, text);
    if (!diagnostics) {
      result.skipped++;
      continue;
    }
    result.checked++;
    result.findings += diagnostics.length;
    if (!open || !usePull) void connection.sendDiagnostics({ uri, diagnostics });
  }
  connection.console.log(`Checked ${result.checked} case notes (${result.skipped} other files skipped), ${result.findings} findings.`);
  return result;
});

// A failure in one request must never take the server down for every other note.
process.on('unhandledRejection', (reason) => {
  connection.console.error(`Caselint hit an unexpected problem and carried on: ${reason instanceof Error ? reason.message : String(reason)}`);
});

documents.listen(connection);
connection.listen();

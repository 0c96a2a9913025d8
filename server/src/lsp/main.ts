/**
 * The Caselint language server. Any LSP editor can run it (`caselint-language-server --stdio`);
 * VS Code starts it over IPC. It checks Markdown case notes (see case-notes.ts for the opt-in)
 * as they are opened and changed, pushes diagnostics (or answers pull requests from clients that
 * ask), offers quick fixes and hovers, and checks whole folders for the supervisor's command.
 *
 * Privacy: it reads only the files the editor names, writes nothing to disk, opens no network
 * connection, and logs file names, counts and rule ids — never note text.
 */
import '../startup';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  CodeActionKind,
  createConnection,
  type CodeActionParams,
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
import { describeFault } from './fault';
import { hoverFor } from './hover';
import {
  CHECK_FILES_METHOD,
  Commands,
  REPORT_METHOD,
  type CheckFilesParams,
  type CheckFilesResult,
  type InitializationOptions,
  type ReportParams,
  type ReportResult,
} from './protocol';
import { buildReport } from './report';
import { DEFAULT_SETTINGS, readSettings, type EditorSettings } from './settings';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

// What the client can do, read once from `initialize`.
let canPullConfiguration = false;
let canWatchFiles = false;
let canRefreshPull = false;
let versionedEdits = false;
let tracksWorkspaceFolders = false;
/**
 * Diagnostics are pushed (`textDocument/publishDiagnostics`, with the document version) to every
 * client, unless the client says it pulls them (`textDocument.diagnostic`, as VS Code does); then,
 * as in vscode-eslint, the server only answers `textDocument/diagnostic` and pushes nothing for
 * open notes, so the editor never shows the same finding twice.
 */
let usePull = false;
let workspaceFolders: string[] = [];
/** Only for clients that cannot answer `workspace/configuration`: the settings they last sent. */
let clientSentSettings: EditorSettings = DEFAULT_SETTINGS;
/** Settings per document resource, asked for once and forgotten when the editor says they changed. */
const settingsCache = new Map<string, Promise<EditorSettings>>();
/** Goes up whenever settings or a settings file change, so results from before are not reused. */
let settingsGeneration = 0;

interface Checked {
  version: number;
  generation: number;
  diagnostics: Diagnostic[];
  published: boolean;
}
/** The one result kept per open document: the diagnostics of its latest checked version. */
const current = new Map<string, Checked>();
const reportedConfigErrors = new Set<string>();

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  canPullConfiguration = !!caps.workspace?.configuration;
  canWatchFiles = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  canRefreshPull = !!caps.workspace?.diagnostics?.refreshSupport;
  versionedEdits = !!caps.workspace?.workspaceEdit?.documentChanges;
  usePull = !!caps.textDocument?.diagnostic;
  tracksWorkspaceFolders = !!caps.workspace?.workspaceFolders;
  workspaceFolders = (params.workspaceFolders ?? []).map((f) => filePathOf(f.uri)).filter((p): p is string => !!p);
  if (!workspaceFolders.length && params.rootUri) workspaceFolders = [filePathOf(params.rootUri)].filter((p): p is string => !!p);
  const init = (params.initializationOptions ?? {}) as InitializationOptions;
  if (init.caselint !== undefined) clientSentSettings = readSettings(init.caselint);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      hoverProvider: true,
      ...(init.clientShowsDocumentation ? {} : { executeCommandProvider: { commands: [Commands.showDocumentation] } }),
      ...(usePull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      // caseNoteGlobs are relative to the workspace folders, so the server follows folders being added and removed.
      ...(tracksWorkspaceFolders ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
    },
    serverInfo: { name: 'caselint-language-server' },
  };
});

connection.onInitialized(() => {
  if (canWatchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.caselintrc.json' }] });
  }
  if (tracksWorkspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((f) => filePathOf(f.uri)));
      const added = event.added.map((f) => filePathOf(f.uri)).filter((p): p is string => !!p);
      workspaceFolders = [...workspaceFolders.filter((f) => !removed.has(f)), ...added];
      revalidateAll();
    });
  }
});

function settingsFor(uri: string): Promise<EditorSettings> {
  if (!canPullConfiguration) return Promise.resolve(clientSentSettings);
  let cached = settingsCache.get(uri);
  if (!cached) {
    cached = connection.workspace.getConfiguration({ scopeUri: uri, section: 'caselint' }).then(readSettings, () => DEFAULT_SETTINGS);
    settingsCache.set(uri, cached);
  }
  return cached;
}

/**
 * Checks one text as a case note: its diagnostics, or null when it is not a case note (or
 * Caselint is off). Synchronous, so the result always belongs to exactly the text given. A
 * failure anywhere here costs this one note a single diagnostic, never the server.
 */
function check(uri: string, text: string, settings: EditorSettings, version?: number): Diagnostic[] | null {
  try {
    if (!settings.enable) return null;
    const decision = decideCaseNote(uri, text, settings, workspaceFolders, { cacheConfigs: canWatchFiles });
    if (!decision.isCaseNote) return null;
    if (decision.configError) {
      reportConfigError(decision.configError);
      return [failureDiagnostic(`Caselint could not read the settings file for this note, so it has not checked it: ${decision.configError}`)];
    }
    return lint(text, decision.options).map((finding) => toDiagnostic(finding, version));
  } catch (error) {
    // Never the note text: only which file failed, and the error with any words from the note removed.
    connection.console.error(`Could not check ${fileNameOf(uri)}: ${describeFault(error, text)}`);
    return [failureDiagnostic('Caselint could not check this note because of a fault in Caselint itself. Your other notes are still being checked. Please report it, without sending the note.')];
  }
}

function fileNameOf(uri: string): string {
  const path = filePathOf(uri);
  return path ? basename(path) : 'a note that is not a file';
}

/** Tells the practitioner once per distinct problem; each affected note also shows it on line 1. */
function reportConfigError(error: string): void {
  if (reportedConfigErrors.has(error)) return;
  reportedConfigErrors.add(error);
  // A notification, not a request: nothing waits on the practitioner dismissing it.
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Caselint could not read its settings file: ${error}` });
}

/** Checks a text that is not an open document (the workspace check). */
async function diagnose(uri: string, text: string): Promise<Diagnostic[] | null> {
  return check(uri, text, await settingsFor(uri));
}

/**
 * The diagnostics of an open document's latest version, linting it at most once per version and
 * settings generation. The text is read only after the settings have arrived and is linted at
 * once, so a version that was superseded while waiting is never linted at all.
 */
async function checkedDocument(uri: string): Promise<Checked | null> {
  const generation = settingsGeneration;
  const settings = await settingsFor(uri);
  const document = documents.get(uri);
  if (!document) return null;
  const cached = current.get(uri);
  if (cached && cached.version === document.version && cached.generation === generation) return cached;
  const result: Checked = { version: document.version, generation, diagnostics: check(uri, document.getText(), settings, document.version) ?? [], published: false };
  current.set(uri, result);
  return result;
}

/** Pushes an open document's diagnostics for its latest version, once. */
async function validate(uri: string): Promise<void> {
  const result = await checkedDocument(uri);
  if (!result || result.published || usePull) return;
  // Publish only while that version is still the document's latest: an older result never follows a newer one.
  if (documents.get(uri)?.version !== result.version) return;
  result.published = true;
  void connection.sendDiagnostics({ uri, version: result.version, diagnostics: result.diagnostics });
}

/** After a settings change: every open note again, at once (pull clients are asked to pull). */
function revalidateAll(): void {
  settingsGeneration++;
  if (usePull) {
    if (canRefreshPull) void connection.languages.diagnostics.refresh();
    return;
  }
  for (const document of documents.all()) void validate(document.uri);
}

documents.onDidChangeContent((change) => {
  if (!usePull) void validate(change.document.uri);
});

documents.onDidOpen((event) => {
  // A pull client shows pulled diagnostics; clear any pushed by a workspace check for this file.
  if (usePull) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

documents.onDidClose((event) => {
  current.delete(event.document.uri);
  settingsCache.delete(event.document.uri);
  if (!usePull) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

connection.languages.diagnostics.on(async (params) => {
  const result = await checkedDocument(params.textDocument.uri);
  return { kind: DocumentDiagnosticReportKind.Full, items: result?.diagnostics ?? [] };
});

connection.onDidChangeConfiguration((change) => {
  settingsCache.clear();
  forgetConfigs();
  if (!canPullConfiguration && change.settings && typeof change.settings === 'object') {
    clientSentSettings = readSettings((change.settings as { caselint?: unknown }).caselint);
  }
  revalidateAll();
});

connection.onDidChangeWatchedFiles(() => {
  forgetConfigs();
  reportedConfigErrors.clear();
  revalidateAll();
});

/** Every action offered is a quick fix; a request for other kinds only (say fix-all on save) gets none. */
function wantsQuickFixes(params: CodeActionParams): boolean {
  const only = params.context.only;
  return !only || only.some((kind) => kind === '' || kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`));
}

connection.onCodeAction(async (params) => {
  if (!wantsQuickFixes(params)) return [];
  const checked = await checkedDocument(params.textDocument.uri);
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  return codeActionsFor({ document, range: params.range, sent: params.context.diagnostics, current: checked?.diagnostics, versionedEdits });
});

connection.onHover(async (params) => {
  const checked = await checkedDocument(params.textDocument.uri);
  return hoverFor(checked?.diagnostics ?? [], params.position);
});

connection.onExecuteCommand(async (params) => {
  if (params.command !== Commands.showDocumentation) return;
  const ruleId = String(params.arguments?.[0] ?? '');
  if (!ruleById(ruleId)) return;
  await connection.window.showDocument({ uri: docsUrl(ruleId), external: false });
});

/** An open note's current text, else the file on disk decoded; undefined when it cannot be read. */
async function textOf(uri: string): Promise<string | undefined> {
  const open = documents.get(uri);
  if (open) return open.getText();
  const path = filePathOf(uri);
  const decoded = path ? await readFile(path).then((bytes) => decodeNote(bytes), () => null) : null;
  return decoded && decoded.ok ? decoded.text : undefined;
}

/** The supervisor's whole-workspace check: lint case notes that are not open and publish them. */
connection.onRequest(CHECK_FILES_METHOD, async (params: CheckFilesParams): Promise<CheckFilesResult> => {
  const result: CheckFilesResult = { checked: 0, skipped: 0, findings: 0 };
  for (const uri of params.uris) {
    const open = documents.get(uri);
    const text = await textOf(uri);
    const diagnostics = text === undefined ? null : await diagnose(uri, text);
    if (!diagnostics) {
      result.skipped++;
      continue;
    }
    result.checked++;
    result.findings += diagnostics.length;
    // An open note already has its own diagnostics, for its latest version; only closed files are published here.
    if (!open) void connection.sendDiagnostics({ uri, diagnostics });
  }
  connection.console.log(`Checked ${result.checked} case notes (${result.skipped} other files skipped), ${result.findings} findings.`);
  return result;
});

/** "Show case-file report": the same HTML audit report as `caselint --format html`, for the client's files. */
connection.onRequest(REPORT_METHOD, (params: ReportParams, token): Promise<ReportResult> =>
  buildReport(params, {
    textOf,
    decide: async (uri, text) => {
      const settings = await settingsFor(uri);
      const decision = settings.enable ? decideCaseNote(uri, text, settings, workspaceFolders) : null;
      return decision?.isCaseNote ? decision : null;
    },
    pathOf: filePathOf,
    folder: workspaceFolders[0],
    cancelled: () => token.isCancellationRequested,
    now: () => new Date(),
  }),
);

// A failure in one request must never take the server down for every other note.
process.on('unhandledRejection', (reason) => {
  // Which note was involved is unknown here, so the error's message (which might quote one) is left out.
  connection.console.error(`Caselint hit an unexpected problem and carried on: ${describeFault(reason)}`);
});

documents.listen(connection);
connection.listen();

/**
 * Everything the VS Code client and the language server agree on beyond standard LSP, in one
 * file: the custom `caselint/checkFiles` and `caselint/report` requests and the command ids. No `vscode` imports, so the
 * server, the client and tests can all import it.
 */

/** The method name of the workspace check request. */
export const CHECK_FILES_METHOD = 'caselint/checkFiles';

/**
 * Sent by "Caselint: Check all case notes in this workspace", a batch of files at a time. The
 * server reads each file, decides whether it is a case note, lints it and publishes its
 * diagnostics as it would for an open document.
 */
export interface CheckFilesParams {
  /** `file:` URIs, as strings. */
  uris: string[];
}

export interface CheckFilesResult {
  /** Files that were case notes and were checked. */
  checked: number;
  /** Files that were not case notes, or could not be read. */
  skipped: number;
  /** Findings across the checked files, after severity settings. */
  findings: number;
}

/** The method name of the case-file report request. */
export const REPORT_METHOD = 'caselint/report';

/**
 * Sent by "Caselint: Show case-file report" with every Markdown file in the workspace. The server
 * checks those that are case notes (the same opt-in and settings as for open files, using the
 * editor's unsaved text where a note is open) and answers with the audit report as one HTML page,
 * the same page `caselint --format html` writes.
 */
export interface ReportParams {
  /** `file:` URIs, as strings. */
  uris: string[];
  /** For a webview: the page's Content-Security-Policy allows its inline style and script by this nonce. */
  nonce?: string;
  /**
   * How the page links to each check's documentation: `file` URLs of the pages shipped with
   * Caselint (the default), or `command` URIs running `caselint.showDocumentation`, for a VS Code
   * webview, which does not follow `file:` links.
   */
  ruleLinks?: 'file' | 'command';
}

/** The report, a complete HTML page. */
export type ReportResult = string;

/** Command ids. The server's "show documentation" code action sends `showDocumentation` with a rule id. */
export const Commands = {
  checkWorkspace: 'caselint.checkWorkspace',
  showDocumentation: 'caselint.showDocumentation',
  showReport: 'caselint.showReport',
  restartServer: 'caselint.restartServer',
} as const;

/** The `source` every Caselint diagnostic carries; the status bar counts only these. */
export const DIAGNOSTIC_SOURCE = 'caselint';

/** How many files each `caselint/checkFiles` request carries, so the progress shown is real. */
export const CHECK_BATCH_SIZE = 20;

/**
 * Sent by a client in `initializationOptions` when it shows rule documentation itself (the VS Code
 * extension does, in a Markdown preview). Other editors get the server's `window/showDocument`.
 */
export interface InitializationOptions {
  clientShowsDocumentation?: boolean;
  /**
   * The `caselint` settings as an editor's server `config` (Helix sends its `config` table here).
   * Used only when the editor cannot answer `workspace/configuration`; otherwise it is asked.
   */
  caselint?: unknown;
}

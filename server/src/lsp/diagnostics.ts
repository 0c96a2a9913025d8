/**
 * Findings become LSP diagnostics here. Each carries `source`, `code` (the rule id) and
 * `codeDescription.href` (the rule's page), and its quick fixes travel in `data` together with
 * the document version they were computed for, so the code-action handler needs no memory of
 * earlier lints and can tell when a fix's positions no longer fit the text.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding, Fix } from '../core/types';
import { docsUrl } from '../rules/docs';
import { DIAGNOSTIC_SOURCE } from './protocol';

export interface DiagnosticData {
  fixes: Fix[];
  /** The document version the fixes' ranges refer to; absent for files checked while closed. */
  version?: number;
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toDiagnostic(finding: Finding, version?: number): Diagnostic {
  const data: DiagnosticData = version === undefined ? { fixes: finding.fixes } : { fixes: finding.fixes, version };
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    message: finding.message,
    data,
  };
}

/** Reads `Diagnostic.data` back, accepting only the shape this server wrote. */
export function dataOf(diagnostic: Diagnostic): DiagnosticData | null {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (!data || !Array.isArray(data.fixes)) return null;
  return { fixes: data.fixes, ...(typeof data.version === 'number' ? { version: data.version } : {}) };
}

/**
 * One diagnostic on the first line for a note that could not be checked, with no note text in
 * it. It has no rule id, so no rule's quick fixes or hover apply to it.
 */
export function failureDiagnostic(message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    message,
  };
}

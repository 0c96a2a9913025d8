/**
 * Findings become LSP diagnostics here. Each carries `source`, `code` (the rule id) and
 * `codeDescription.href` (the rule's page), and its quick fixes travel in `data`, so the
 * code-action handler needs no memory of earlier lints.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding, Fix } from '../core/types';
import { docsUrl } from '../rules/docs';
import { DIAGNOSTIC_SOURCE } from './protocol';

export interface DiagnosticData {
  fixes: Fix[];
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    message: finding.message,
    data: { fixes: finding.fixes } satisfies DiagnosticData,
  };
}

/** One diagnostic for a note that could not be checked, with no note text in it. */
export function failureDiagnostic(message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    message,
  };
}

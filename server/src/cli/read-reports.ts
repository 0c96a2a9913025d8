/**
 * Reads Caselint's own JSON and SARIF reports back into results, for `caselint merge`. Both are
 * checked field by field, since a report is a file from elsewhere: anything that is not the shape
 * Caselint writes makes the whole report unusable (null) rather than half-read.
 */
import { fileURLToPath } from 'node:url';
import type * as Sarif from 'sarif';
import type { Severity } from '../core/types';
import type { FileMessage, FileResult } from './result';

export function fromJsonReport(data: unknown[]): FileResult[] | null {
  const results: FileResult[] = [];
  for (const item of data) {
    if (!isObject(item) || typeof item.filePath !== 'string' || !Array.isArray(item.messages)) return null;
    const messages: FileMessage[] = [];
    for (const m of item.messages) {
      if (!isObject(m) || typeof m.message !== 'string' || (m.ruleId !== null && typeof m.ruleId !== 'string') || (m.severity !== 1 && m.severity !== 2)) return null;
      const severity: Severity = m.severity === 2 ? 'error' : m.caselintSeverity === 'info' ? 'info' : 'warning';
      const message: FileMessage = { ruleId: m.ruleId as string | null, severity, message: m.message };
      if (typeof m.line === 'number') Object.assign(message, { line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn });
      if (m.fatal === true) message.fatal = true;
      if (typeof m.entryDate === 'string') message.entryDate = m.entryDate;
      messages.push(message);
    }
    results.push({ filePath: item.filePath, messages });
  }
  return results;
}

export function fromSarifLog(data: object): FileResult[] | null {
  const log = data as Sarif.Log;
  if (!Array.isArray(log.runs)) return null;
  const byPath = new Map<string, FileMessage[]>();
  const add = (path: string | null, message?: FileMessage) => {
    if (path === null) return false;
    const list = byPath.get(path) ?? [];
    if (message) list.push(message);
    byPath.set(path, list);
    return true;
  };
  for (const run of log.runs) {
    const bases = run.originalUriBaseIds ?? {};
    const pathOf = (location: Sarif.ArtifactLocation | undefined) => toPath(location, bases);
    // Every file checked is listed as an artifact, so files with nothing to report are kept.
    for (const artifact of run.artifacts ?? []) if (!add(pathOf(artifact.location))) return null;
    for (const result of run.results ?? []) {
      const physical = result.locations?.[0]?.physicalLocation;
      const region = physical?.region;
      if (typeof result.ruleId !== 'string' || typeof result.message?.text !== 'string') return null;
      const message: FileMessage = { ruleId: result.ruleId, severity: severityOf(result.level), message: result.message.text };
      if (region?.startLine !== undefined) {
        Object.assign(message, { line: region.startLine, column: region.startColumn ?? 1, endLine: region.endLine ?? region.startLine, endColumn: region.endColumn ?? region.startColumn ?? 1 });
      }
      const date = (result.properties as { entryDate?: unknown } | undefined)?.entryDate;
      if (typeof date === 'string') message.entryDate = date;
      if (!add(pathOf(physical?.artifactLocation), message)) return null;
    }
    for (const invocation of run.invocations ?? []) {
      for (const notification of invocation.toolExecutionNotifications ?? []) {
        const text = notification.message?.text ?? 'Not checked.';
        const fatal = notification.level === 'error';
        const message: FileMessage = fatal ? { ruleId: null, severity: 'error', message: text, fatal: true } : { ruleId: null, severity: 'warning', message: text };
        if (!add(pathOf(notification.locations?.[0]?.physicalLocation?.artifactLocation), message)) return null;
      }
    }
  }
  return [...byPath].map(([filePath, messages]) => ({ filePath, messages: messages.sort(byPosition) }));
}

function toPath(location: Sarif.ArtifactLocation | undefined, bases: Record<string, Sarif.ArtifactLocation>): string | null {
  if (!location?.uri) return null;
  try {
    const base = location.uriBaseId ? bases[location.uriBaseId]?.uri : undefined;
    const url = base ? new URL(location.uri, base) : new URL(location.uri);
    return url.protocol === 'file:' ? fileURLToPath(url) : null;
  } catch {
    return null;
  }
}

function severityOf(level: Sarif.Result.level | undefined): Severity {
  return level === 'error' ? 'error' : level === 'note' || level === 'none' ? 'info' : 'warning';
}

/** File problems first, then findings in the order of the note, as Caselint reports them. */
function byPosition(a: FileMessage, b: FileMessage): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

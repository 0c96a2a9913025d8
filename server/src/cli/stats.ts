/**
 * `--stats`: counts instead of a report, as JSON, for dashboards that track recording quality
 * over time. Every rule in the registry is listed (with zeros), so a dashboard's columns never
 * come and go; rules found only in merged reports from another version are listed too. Files are
 * named as in the other reports (relative to the working folder) and only counts are given, so
 * the output holds no text from any note.
 */
import type { Severity } from '../core/types';
import type { FileResult } from './result';
import { reportPath } from './formatters/paths';

export interface SeverityCounts {
  errors: number;
  warnings: number;
  info: number;
  findings: number;
}

export interface FileStats extends SeverityCounts {
  path: string;
  /** False for a file that could not be checked, or that an "ignore" pattern skipped. */
  checked: boolean;
}

export interface Stats {
  totals: SeverityCounts & { files: number; checked: number; notChecked: number; filesWithFindings: number };
  rules: Record<string, SeverityCounts>;
  files: FileStats[];
}

export function computeStats(results: readonly FileResult[], ruleIds: readonly string[], cwd: string): Stats {
  const rules: Record<string, SeverityCounts> = Object.fromEntries(ruleIds.map((id) => [id, zero()]));
  const totals = { files: results.length, checked: 0, notChecked: 0, filesWithFindings: 0, ...zero() };
  const files: FileStats[] = [];
  for (const result of results) {
    const file: FileStats = { path: reportPath(result.filePath, cwd), checked: !result.messages.some((m) => m.ruleId === null), ...zero() };
    for (const m of result.messages) {
      if (m.ruleId === null) continue;
      add(file, m.severity);
      add(totals, m.severity);
      add((rules[m.ruleId] ??= zero()), m.severity);
    }
    if (file.checked) totals.checked++;
    else totals.notChecked++;
    if (file.findings > 0) totals.filesWithFindings++;
    files.push(file);
  }
  return { totals, rules, files };
}

export function formatStats(stats: Stats): string {
  return JSON.stringify(stats, null, 2);
}

function zero(): SeverityCounts {
  return { errors: 0, warnings: 0, info: 0, findings: 0 };
}

function add(counts: SeverityCounts, severity: Severity): void {
  if (severity === 'error') counts.errors++;
  else if (severity === 'warning') counts.warnings++;
  else counts.info++;
  counts.findings++;
}

/**
 * What the audit report shows, worked out before any markup is written: the counts per check and
 * per file (the same numbers `--stats` gives), the timeline, the files that could not be checked,
 * and each file's findings. Keeping this apart from the HTML keeps both small and lets the tests
 * check the numbers without parsing markup.
 */
import type { FileMessage, FileResult } from '../../result';
import { computeStats, type FileStats, type SeverityCounts } from '../../stats';
import { reportPath } from '../paths';
import { buildTimeline, type Timeline } from './timeline';

/** What the report says about a check: its one-line description and where its page is. */
export interface RuleInfo {
  id: string;
  description: string;
  /** Link to the check's documentation page; omitted when there is none to link to. */
  href?: string;
}

export interface RuleRow extends SeverityCounts {
  id: string;
  description?: string;
  href?: string;
}

export interface FileRow extends FileStats {
  /** Anchor of the file's findings in the report. */
  anchor: string;
  findingsList: FileMessage[];
  /** Why the file was not checked, when it was not. */
  problem?: string;
}

export interface ReportModel {
  totals: ReturnType<typeof computeStats>['totals'];
  /** Every known check, most findings first. */
  rules: RuleRow[];
  /** Every file, most findings first (then by name), as the sortable table starts. */
  files: FileRow[];
  /** Null when dates are withheld (a redacted report). */
  timeline: Timeline | null;
}

export function buildReportModel(results: readonly FileResult[], rules: readonly RuleInfo[], cwd: string, withDates: boolean): ReportModel {
  const stats = computeStats(results, rules.map((r) => r.id), cwd);
  const info = new Map(rules.map((r) => [r.id, r]));
  const ruleRows = Object.entries(stats.rules)
    .map(([id, counts]) => ({ id, description: info.get(id)?.description, href: info.get(id)?.href, ...counts }))
    .sort((a, b) => b.findings - a.findings || b.errors - a.errors || a.id.localeCompare(b.id));
  const files = results
    .map((result, i): FileRow => ({
      ...stats.files[i],
      path: reportPath(result.filePath, cwd),
      anchor: `file-${i + 1}`,
      findingsList: result.messages.filter((m) => m.ruleId !== null),
      problem: result.messages.find((m) => m.ruleId === null)?.message,
    }))
    .sort(byFindings);
  const findings = results.flatMap((r) => r.messages.filter((m) => m.ruleId !== null));
  return {
    totals: stats.totals,
    rules: ruleRows,
    files,
    timeline: withDates ? buildTimeline(findings.map((m) => m.entryDate)) : null,
  };
}

/** Most findings first, then most errors, then by name, so the order never depends on the disk. */
export function byFindings(a: FileRow, b: FileRow): number {
  return b.findings - a.findings || b.errors - a.errors || a.path.localeCompare(b.path, 'en-GB', { numeric: true });
}

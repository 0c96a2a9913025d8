/**
 * The SARIF 2.1.0 report, for GitHub code scanning and other code-review tools. Every rule in
 * the registry is described (with its guidance as help text) so results can point at it by
 * index; findings carry a fingerprint that survives lines moving, so an alert keeps its history
 * as a note is edited. Files that could not be checked are reported as tool notifications, not
 * results, because they are not findings about the note.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Severity } from '../../core/types';
import type { RuleDefinition } from '../../rules/rule';
import type { FileMessage, FileResult } from '../result';

export interface SarifOptions {
  /** Paths under this folder become URIs relative to %SRCROOT%. */
  cwd: string;
  /** The rules to describe, normally the whole registry. */
  rules: readonly RuleDefinition[];
  version: string;
}

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json';
const FINGERPRINT_KEY = 'caselintFindingHash/v1';

export function formatSarif(results: readonly FileResult[], options: SarifOptions): string {
  return JSON.stringify(toSarifLog(results, options), null, 2);
}

export function toSarifLog(results: readonly FileResult[], options: SarifOptions): Sarif.Log {
  const ruleIndex = new Map(options.rules.map((rule, i) => [rule.id, i]));
  const sarifResults: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];
  for (const file of results) {
    const artifact = artifactLocation(file.filePath, options.cwd);
    const seen = new Map<string, number>();
    for (const m of file.messages) {
      if (m.ruleId === null || m.line === undefined) {
        notifications.push({
          level: m.fatal ? 'error' : 'warning',
          message: { text: m.message },
          locations: [{ physicalLocation: { artifactLocation: artifact } }],
        });
        continue;
      }
      sarifResults.push(toResult(m, m.ruleId, artifact, ruleIndex, seen));
    }
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Caselint',
            version: options.version,
            semanticVersion: options.version,
            rules: options.rules.map(describeRule),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(options.cwd.endsWith(sep) ? options.cwd : options.cwd + sep).href } },
        invocations: [
          {
            executionSuccessful: !notifications.some((n) => n.level === 'error'),
            toolExecutionNotifications: notifications,
          },
        ],
        // Every file checked, including those with nothing to report, so `caselint merge` can
        // count them when it combines the reports of several shards.
        artifacts: results.map((file) => ({ location: artifactLocation(file.filePath, options.cwd) })),
        results: sarifResults,
      },
    ],
  };
}

function toResult(
  m: FileMessage,
  ruleId: string,
  artifact: Sarif.ArtifactLocation,
  ruleIndex: Map<string, number>,
  seen: Map<string, number>,
): Sarif.Result {
  // The same message for the same rule can occur more than once in a note; counting
  // occurrences keeps each fingerprint unique without using the note's text or line numbers.
  const key = `${ruleId}\u0000${m.message}`;
  const occurrence = (seen.get(key) ?? 0) + 1;
  seen.set(key, occurrence);
  const fingerprint = createHash('sha256').update(`${artifact.uri}\u0000${key}\u0000${occurrence}`).digest('hex').slice(0, 32);
  const result: Sarif.Result = {
    ruleId,
    level: level(m.severity),
    message: { text: m.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact,
          region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
  };
  // The date of the entry the finding is in, so a merged HTML report can still show the timeline.
  if (m.entryDate) result.properties = { entryDate: m.entryDate };
  const index = ruleIndex.get(ruleId);
  if (index !== undefined) result.ruleIndex = index;
  return result;
}

function describeRule(rule: RuleDefinition): Sarif.ReportingDescriptor {
  return {
    id: rule.id,
    shortDescription: { text: rule.docs.description },
    fullDescription: { text: rule.docs.why },
    help: { text: helpText(rule), markdown: helpMarkdown(rule) },
    defaultConfiguration: { level: level(rule.defaultSeverity) },
  };
}

function helpText(rule: RuleDefinition): string {
  const lines = [rule.docs.description, '', `Why it matters: ${rule.docs.why}`];
  if (rule.docs.guidance.length) lines.push('', 'Guidance:', ...rule.docs.guidance.map((g) => `- ${g.source}: ${g.passage}`));
  for (const example of rule.docs.examples) lines.push('', 'Instead of:', indent(example.poor), 'Write:', indent(example.good));
  return lines.join('\n');
}

function helpMarkdown(rule: RuleDefinition): string {
  const lines = [rule.docs.description, '', `**Why it matters:** ${rule.docs.why}`];
  if (rule.docs.guidance.length) lines.push('', '**Guidance**', '', ...rule.docs.guidance.map((g) => `- *${g.source}*: ${g.passage}`));
  for (const example of rule.docs.examples) lines.push('', '**Instead of:**', '', fence(example.poor), '', '**Write:**', '', fence(example.good));
  return lines.join('\n');
}

// Examples are often several lines of a note, headings included, so they are shown verbatim.
function indent(text: string): string {
  return text.replace(/^/gm, '    ');
}

function fence(text: string): string {
  const marks = text.includes('```') ? '````' : '```';
  return `${marks}markdown\n${text}\n${marks}`;
}

function level(severity: Severity): Sarif.Result.level {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** A URI relative to %SRCROOT% for files under the working folder, else an absolute file URI. */
function artifactLocation(path: string, cwd: string): Sarif.ArtifactLocation {
  const rel = relative(cwd, path);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(path).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

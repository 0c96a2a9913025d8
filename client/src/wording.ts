/**
 * The words the extension shows people: status bar text and the workspace check summary.
 * Kept apart from `vscode` so that the wording can be tested with plain vitest.
 */

export interface Counts {
  errors: number;
  warnings: number;
  /** Findings at "info" severity. */
  suggestions: number;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2 errors, 3 warnings" or "no problems"; zero counts are left out so the text stays short. */
export function describeCounts({ errors, warnings, suggestions }: Counts): string {
  const parts: string[] = [];
  if (errors) parts.push(plural(errors, 'error', 'errors'));
  if (warnings) parts.push(plural(warnings, 'warning', 'warnings'));
  if (suggestions) parts.push(plural(suggestions, 'suggestion', 'suggestions'));
  return parts.length ? parts.join(', ') : 'no problems';
}

export function statusBarText(counts: Counts): string {
  return `$(checklist) Caselint: ${describeCounts(counts)}`;
}

export const NOT_CHECKING_TEXT = '$(circle-slash) Caselint: not checking';

export function progressMessage(done: number, total: number): string {
  return `Checking case notes… ${done} of ${total}`;
}

/** The message shown when the workspace check ends. */
export function checkSummary(checked: number, skipped: number, findings: number, cancelled: boolean): string {
  const start = cancelled ? 'Check stopped early. ' : '';
  if (checked === 0) {
    return `${start}No case notes were found. Caselint checks Markdown files in a folder with a .caselintrc.json file, files matching the "Case note globs" setting, and notes whose front matter says caselint: true.`;
  }
  const found = findings === 0 ? 'nothing to fix' : plural(findings, 'thing to look at', 'things to look at');
  const other = skipped ? ` (${plural(skipped, 'other Markdown file was', 'other Markdown files were')} not case notes)` : '';
  return `${start}Checked ${plural(checked, 'case note', 'case notes')}${other}: ${found}.`;
}

/** Splits a list into batches of at most `size`, keeping order. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Rule ids are lower-case words joined by hyphens; anything else is refused before it reaches a file path. */
export function isRuleId(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z]+(?:-[a-z]+)*$/.test(value);
}

/**
 * Picks a formatter by name. Every formatter is a pure function from results to text; the
 * caller decides where the text goes and whether colour is wanted.
 */
import type { FormatName } from '../args';
import type { FileResult } from '../result';
import { ruleList } from '../../rules';
import { docsUrl } from '../../rules/docs';
import { formatGithub } from './github';
import { renderHtmlReport, type RuleInfo } from './html';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export interface FormatContext {
  cwd: string;
  color: boolean;
  version: string;
  /** Messages are already redacted; the HTML report says so and leaves out entry dates. */
  redacted?: boolean;
  /** When the check ran, for the HTML report. */
  generatedAt?: Date;
}

export function formatResults(format: FormatName, results: readonly FileResult[], context: FormatContext): string {
  switch (format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, { cwd: context.cwd, rules: ruleList, version: context.version });
    case 'stylish':
      return formatStylish(results, { cwd: context.cwd, color: context.color });
    case 'github':
      return formatGithub(results, { cwd: context.cwd });
    case 'junit':
      return formatJunit(results, { cwd: context.cwd });
    case 'html':
      return renderHtmlReport(results, {
        cwd: context.cwd,
        version: context.version,
        generatedAt: context.generatedAt ?? new Date(),
        rules: ruleInfos(),
        redacted: context.redacted,
      });
  }
}

/** Every rule's one-line description, linked to its documentation page shipped with Caselint. */
export function ruleInfos(link: (ruleId: string) => string = docsUrl): RuleInfo[] {
  return ruleList.map((rule) => ({ id: rule.id, description: rule.docs.description, href: link(rule.id) }));
}

/**
 * Picks a formatter by name. Every formatter is a pure function from results to text; the
 * caller decides where the text goes and whether colour is wanted.
 */
import type { FormatName } from '../args';
import type { FileResult } from '../result';
import { ruleList } from '../../rules';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export interface FormatContext {
  cwd: string;
  color: boolean;
  version: string;
}

export function formatResults(format: FormatName, results: readonly FileResult[], context: FormatContext): string {
  switch (format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, { cwd: context.cwd, rules: ruleList, version: context.version });
    case 'stylish':
      return formatStylish(results, { cwd: context.cwd, color: context.color });
  }
}

/**
 * Caselint's settings file, `.caselintrc.json`, for the CLI and the language server alike:
 * find it, read and check it, and turn it into the options the pure core takes.
 */
import type { LintOptions } from '../core/types';
import type { CaselintConfig } from './types';

export { CONFIG_FILE_NAME, type CaselintConfig, type ConfigResult } from './types';
export { findConfigFile } from './find';
export { loadConfigFile, parseConfig } from './parse';

/** The part of a config the core understands; `ignore` and `root` only concern file discovery. */
export function toLintOptions(config: CaselintConfig): LintOptions {
  const options: LintOptions = {};
  if (config.rules) options.rules = { ...config.rules };
  if (config.lexicons) options.lexicons = config.lexicons;
  if (config.options) options.options = config.options;
  return options;
}

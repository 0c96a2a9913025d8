/**
 * Which settings apply to each file: the nearest `.caselintrc.json` above it (looked up once per
 * folder), one file given with --config, or none with --no-config; then the --rule overrides on
 * top. A bad settings file stops the run with a ConfigError, because checking notes against
 * settings the user did not intend would give a misleading pass.
 */
import { dirname, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { findConfigFile, loadConfigFile, toLintOptions, type CaselintConfig } from '../config';
import type { LintOptions, SeveritySetting } from '../core/types';
import { SKIPPED_FOLDERS } from './files';

export class ConfigError extends Error {}

export type ConfigSource = { kind: 'nearest' } | { kind: 'file'; path: string } | { kind: 'none' };

export interface FileSettings {
  lintOptions: LintOptions;
  /** True when the settings' `ignore` patterns cover this file. */
  ignores(file: string): boolean;
}

const NO_IGNORES = (): boolean => false;

export class ConfigResolver {
  private readonly byFolder = new Map<string, string | null>();
  private readonly byConfig = new Map<string, FileSettings>();

  constructor(
    private readonly source: ConfigSource,
    private readonly overrides: Record<string, SeveritySetting>,
  ) {}

  /** Throws ConfigError with a one-line reason when the applicable settings file is unusable. */
  forFile(file: string): FileSettings {
    const configPath = this.configPathFor(file);
    const key = configPath ?? '';
    let settings = this.byConfig.get(key);
    if (!settings) {
      settings = this.load(configPath);
      this.byConfig.set(key, settings);
    }
    return settings;
  }

  private configPathFor(file: string): string | null {
    if (this.source.kind === 'none') return null;
    if (this.source.kind === 'file') return this.source.path;
    const folder = dirname(file);
    if (!this.byFolder.has(folder)) this.byFolder.set(folder, findConfigFile(folder));
    return this.byFolder.get(folder) ?? null;
  }

  private load(configPath: string | null): FileSettings {
    let config: CaselintConfig = {};
    if (configPath) {
      const result = loadConfigFile(configPath);
      if (!result.ok) throw new ConfigError(result.error);
      config = result.config;
    }
    const lintOptions = toLintOptions(config);
    if (Object.keys(this.overrides).length > 0) lintOptions.rules = { ...lintOptions.rules, ...this.overrides };
    const ignores = configPath && config.ignore?.length ? ignoreMatcher(config.ignore, dirname(configPath)) : NO_IGNORES;
    return { lintOptions, ignores };
  }
}

/**
 * Ignore patterns are globs relative to the settings file's folder. Expanding them once with
 * the same glob engine used for discovery keeps "what matches" identical in both places.
 */
function ignoreMatcher(patterns: string[], folder: string): (file: string) => boolean {
  let ignored: Set<string> | undefined;
  return (file) => {
    ignored ??= new Set(globSync(patterns, { cwd: folder, absolute: true, dot: true, ignore: SKIPPED_FOLDERS }).map((f) => resolve(f)));
    return ignored.has(resolve(file));
  };
}

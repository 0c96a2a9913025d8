import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIG_FILE_NAME, findConfigFile, loadConfigFile, parseConfig, toLintOptions } from '.';

const SOURCE = '/project/.caselintrc.json';

function errorOf(text: string): string {
  const result = parseConfig(text, SOURCE);
  if (result.ok) throw new Error('expected the config to be rejected');
  return result.error;
}

describe('parseConfig', () => {
  it('accepts a complete, valid settings file', () => {
    const text = JSON.stringify({
      $schema: './node_modules/caselint/src/config/caselintrc.schema.json',
      root: true,
      rules: { 'opinion-as-fact': 'error', 'unfilled-placeholder': 'off' },
      lexicons: { 'opinion-as-fact': { labels: ['feckless'] } },
      ignore: ['drafts/**'],
    });
    expect(parseConfig(text, SOURCE)).toEqual({
      ok: true,
      config: {
        root: true,
        rules: { 'opinion-as-fact': 'error', 'unfilled-placeholder': 'off' },
        lexicons: { 'opinion-as-fact': { labels: ['feckless'] } },
        ignore: ['drafts/**'],
      },
    });
  });

  it('accepts an empty object, which means the built-in settings', () => {
    expect(parseConfig('{}', SOURCE)).toEqual({ ok: true, config: {} });
  });

  it('accepts a file saved with a byte-order mark', () => {
    expect(parseConfig('\uFEFF{"root": true}', SOURCE)).toEqual({ ok: true, config: { root: true } });
  });

  it('reports the line and column of a trailing comma', () => {
    expect(errorOf('{\n  "rules": {\n    "opinion-as-fact": "error",\n  }\n}')).toBe(
      `${SOURCE}:3:31: this is not valid JSON: remove the comma after the last setting`,
    );
  });

  it('explains that comments are not allowed', () => {
    expect(errorOf('{\n  // stricter for the MASH\n  "root": true\n}')).toBe(`${SOURCE}:2:3: this is not valid JSON: comments are not allowed in JSON`);
  });

  it('reports a file that ends too early', () => {
    expect(errorOf('{"rules": {"opinion-as-fact": "error"}')).toMatch(/^\/project\/\.caselintrc\.json:1:39: this is not valid JSON: the file ends too early/);
  });

  it('reports an empty file', () => {
    expect(errorOf('')).toMatch(/:1:1: this is not valid JSON: the file is empty/);
  });

  it('rejects a file that is not an object', () => {
    expect(errorOf('["opinion-as-fact"]')).toMatch(/^\/project\/\.caselintrc\.json: the file must hold one JSON object/);
  });

  it('names an unknown setting and suggests the one meant', () => {
    expect(errorOf('{"rule": {}}')).toBe(`${SOURCE}: "rule" is not a Caselint setting (did you mean "rules"?)`);
  });

  it('lists the settings when an unknown one is nothing like them', () => {
    expect(errorOf('{"colourScheme": "dark"}')).toBe(
      `${SOURCE}: "colourScheme" is not a Caselint setting (the settings are root, rules, lexicons, options and ignore)`,
    );
  });

  it('names the key path of a severity that is not allowed', () => {
    expect(errorOf('{"rules": {"opinion-as-fact": "high"}}')).toBe(`${SOURCE}: "rules.opinion-as-fact" must be one of off, info, warning, error`);
  });

  it('names the key path and expected type of a wrongly typed value', () => {
    expect(errorOf('{"ignore": "drafts/**"}')).toBe(`${SOURCE}: "ignore" must be a list in square brackets [ ]`);
    expect(errorOf('{"root": "yes"}')).toBe(`${SOURCE}: "root" must be true or false`);
    expect(errorOf('{"lexicons": {"opinion-as-fact": {"labels": ["feckless", 3]}}}')).toBe(
      `${SOURCE}: "lexicons.opinion-as-fact.labels[1]" must be text in double quotes`,
    );
  });

  it('rejects an unknown rule id and suggests the nearest', () => {
    expect(errorOf('{"rules": {"opinon-as-fact": "error"}}')).toBe(
      `${SOURCE}: "rules.opinon-as-fact" is not a Caselint rule (did you mean "opinion-as-fact"?)`,
    );
  });

  it('rejects word lists for an unknown rule', () => {
    expect(errorOf('{"lexicons": {"spelling": {"words": ["x"]}}}')).toMatch(/"lexicons\.spelling" is not a Caselint rule \(the rules are /);
  });

  it('rejects a word list the rule does not have, suggesting the nearest', () => {
    expect(errorOf('{"lexicons": {"opinion-as-fact": {"label": ["feckless"]}}}')).toBe(
      `${SOURCE}: "lexicons.opinion-as-fact.label" is not a word list of opinion-as-fact (did you mean "labels"?)`,
    );
  });

  it('accepts a rule setting of the right type, and passes it to the core', () => {
    const result = parseConfig('{ "options": { "late-recording": { "workingDays": 5 } } }', SOURCE);
    expect(result.ok && toLintOptions(result.config).options).toEqual({ 'late-recording': { workingDays: 5 } });
  });

  it('rejects a rule setting of the wrong type, a setting the rule does not have, and settings for a rule without any', () => {
    expect(errorOf('{ "options": { "late-recording": { "workingDays": "five" } } }')).toBe(`${SOURCE}: "options.late-recording.workingDays" must be a number, such as 5`);
    expect(errorOf('{ "options": { "late-recording": { "workingDay": 5 } } }')).toMatch(/"options.late-recording.workingDay" is not a setting of late-recording .*workingDays/);
    expect(errorOf('{ "options": { "opinion-as-fact": { "days": 5 } } }')).toBe(`${SOURCE}: "options.opinion-as-fact.days": the rule opinion-as-fact has no settings`);
  });

  it('keeps every error on one line', () => {
    for (const text of ['{', '{"a":1}', '{"rules": {"x": "error"}}', '{"rules": []}']) {
      expect(errorOf(text)).not.toContain('\n');
    }
  });
});

describe('toLintOptions', () => {
  it('passes rules and lexicons to the core and leaves file matters behind', () => {
    expect(
      toLintOptions({ rules: { 'opinion-as-fact': 'error' }, lexicons: { 'opinion-as-fact': { labels: ['feckless'] } }, ignore: ['x'], root: true }),
    ).toEqual({ rules: { 'opinion-as-fact': 'error' }, lexicons: { 'opinion-as-fact': { labels: ['feckless'] } } });
  });

  it('gives empty options for an empty config', () => {
    expect(toLintOptions({})).toEqual({});
  });
});

describe('finding and loading settings files', () => {
  const base = mkdtempSync(join(tmpdir(), 'caselint-config-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  const team = join(base, 'team');
  const visits = join(team, 'visits', '2024');
  const other = join(base, 'other');
  mkdirSync(visits, { recursive: true });
  mkdirSync(other, { recursive: true });
  writeFileSync(join(base, CONFIG_FILE_NAME), '{"root": true}');
  writeFileSync(join(team, CONFIG_FILE_NAME), '{"rules": {"opinion-as-fact": "error"}}');

  it('finds the settings file in a folder above the note', () => {
    expect(findConfigFile(visits)).toBe(join(team, CONFIG_FILE_NAME));
  });

  it('uses the nearest settings file when there are several', () => {
    expect(findConfigFile(team)).toBe(join(team, CONFIG_FILE_NAME));
    expect(findConfigFile(other)).toBe(join(base, CONFIG_FILE_NAME));
  });

  it('ignores a folder that happens to be named .caselintrc.json', () => {
    const odd = join(other, 'odd');
    mkdirSync(join(odd, CONFIG_FILE_NAME), { recursive: true });
    expect(findConfigFile(odd)).toBe(join(base, CONFIG_FILE_NAME));
  });

  it('loads a settings file from disk', () => {
    expect(loadConfigFile(join(team, CONFIG_FILE_NAME))).toEqual({ ok: true, config: { rules: { 'opinion-as-fact': 'error' } } });
  });

  it('says plainly when the settings file does not exist', () => {
    const missing = join(other, CONFIG_FILE_NAME);
    expect(loadConfigFile(missing)).toEqual({ ok: false, error: `${missing}: the settings file does not exist` });
  });
});

describe('the settings schema', () => {
  it('compiles without warnings, which would otherwise be printed to the command line', async () => {
    const { vi } = await import('vitest');
    vi.resetModules();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const { describeProblem } = await import('./validate');
    expect(describeProblem({ options: { 'late-recording': { workingDays: 2 } } })).toBeNull();
    expect([...warn.mock.calls, ...log.mock.calls]).toEqual([]);
    warn.mockRestore();
    log.mockRestore();
  });

  it('is a valid JSON schema (the checker skips this check at run time)', async () => {
    const { default: Ajv } = await import('ajv');
    const { default: schema } = await import('./caselintrc.schema.json');
    const ajv = new Ajv({ allowUnionTypes: true });
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    expect(ajv.validateSchema({ type: 'objekt' })).toBe(false);
  });
});

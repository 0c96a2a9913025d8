/**
 * Keeps the extension manifest (root package.json) in step with the code, rust-analyzer style:
 * the per-rule settings must name exactly the rules in the registry, and the commands the client
 * registers must be the ones the manifest contributes. Adding a rule without its setting fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleList } from '../../server/src/rules/index';
import { Commands } from '../../server/src/lsp/protocol';

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const settings = manifest.contributes.configuration.properties;

describe('the extension manifest', () => {
  it('offers a severity setting for every rule in the registry, and for no other rule', () => {
    const inManifest = Object.keys(settings['caselint.rules'].properties).sort();
    const inRegistry = ruleList.map((r) => r.id).sort();
    expect(
      inManifest,
      'package.json contributes.configuration "caselint.rules" must list exactly the rule ids in server/src/rules/index.ts',
    ).toEqual(inRegistry);
  });

  it('lets each rule be turned off or set to info, warning or error, with a plain description', () => {
    for (const [id, setting] of Object.entries<Record<string, unknown>>(settings['caselint.rules'].properties)) {
      expect(setting.enum, id).toEqual(['off', 'info', 'warning', 'error']);
      expect(String(setting.markdownDescription ?? setting.description), id).toMatch(/^[A-Z].{20,}\.$/);
    }
  });

  it('contributes exactly the commands the client registers, all in the Caselint category', () => {
    const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    expect(contributed).toEqual(Object.values(Commands).sort());
    for (const c of manifest.contributes.commands) expect(c.category).toBe('Caselint');
  });

  it('activates only for Markdown or a workspace with a .caselintrc.json, never on start-up', () => {
    expect(manifest.activationEvents).toEqual(['onLanguage:markdown', 'workspaceContains:**/.caselintrc.json']);
  });

  it('validates .caselintrc.json against the schema the configuration loader uses', () => {
    const [validation] = manifest.contributes.jsonValidation;
    expect(validation).toEqual({ fileMatch: '.caselintrc.json', url: './server/src/config/caselintrc.schema.json' });
    expect(() => readFileSync(new URL(`../../${validation.url}`, import.meta.url))).not.toThrow();
  });
});

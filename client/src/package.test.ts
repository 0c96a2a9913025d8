/**
 * Checks what `npm run package` would put in the .vsix, using `vsce ls` (which applies the
 * .vscodeignore allowlist without building an archive). The bundles are built by vitest's global
 * setup first. A .vsix is installed on practitioners' machines: it must carry the bundles, the
 * schema, the grammar and the rule pages, and never sources, tests, fixtures (which hold case-note
 * text), source maps or node_modules.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const vsce = `${root}node_modules/@vscode/vsce/vsce`;

function packagedFiles(): string[] {
  const out = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
  return out.split('\n').map((l) => l.trim()).filter(Boolean);
}

/** Files in `dir` (relative to the root) whose names end with `suffix`, as packaged paths. */
function filesIn(dir: string, suffix: string): string[] {
  if (!existsSync(`${root}${dir}`)) return [];
  return readdirSync(`${root}${dir}`).filter((f) => f.endsWith(suffix)).map((f) => `${dir}/${f}`);
}

describe('the packaged extension', () => {
  const files = packagedFiles();

  it('contains the manifest, licence, readme, both bundles, the icon and the settings schema', () => {
    const required = [
      'package.json',
      'LICENSE',
      'README.md',
      'client/out/extension.js',
      'client/media/icon.png',
      'server/out/server.js',
      'server/src/config/caselintrc.schema.json',
    ];
    expect(required.filter((f) => !files.includes(f)), 'these files must be in the .vsix').toEqual([]);
  });

  it('contains every rule page and grammar the project has', () => {
    const wanted = [...filesIn('docs/rules', '.md'), ...filesIn('grammars', '.tmLanguage.json')];
    expect(wanted.filter((f) => !files.includes(f)), 'these files must be in the .vsix').toEqual([]);
  });

  it('leaves out sources, tests, fixtures, source maps and node_modules', () => {
    const unwanted = files.filter((f) =>
      /\.ts$|\.map$|(^|\/)node_modules\/|(^|\/)(test|tests|e2e|test-fixtures|fixtures)\/|\.test\.|\.vsix$/.test(f),
    );
    expect(unwanted).toEqual([]);
  });
});

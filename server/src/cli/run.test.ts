import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ruleList } from '../rules';
import type { JsonResult } from './formatters/json';
import { run } from './run';

const OPINION = '# Home visit 12/03/2024\n\nThe house was filthy and Mum was hostile throughout the visit.\n';
const PLAIN = '# Home visit 12/03/2024\n\nI visited at 10am. Amy showed me her bedroom.\n';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A temporary folder holding the given files (text or raw bytes). */
function workspace(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'caselint-cli-'));
  roots.push(root);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

/** `--rule` options turning every rule off except those given, so tests do not depend on rule details. */
function only(settings: Record<string, string> = {}): string[] {
  return ruleList.flatMap((rule) => ['--rule', `${rule.id}=${settings[rule.id] ?? 'off'}`]);
}

async function caselint(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    cwd,
    env: {},
    stdout: { write: (t: string) => (stdout += t), isTTY: false },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

async function jsonReport(cwd: string, ...argv: string[]) {
  const result = await caselint(cwd, '--format', 'json', ...argv);
  return { ...result, report: JSON.parse(result.stdout) as JsonResult[] };
}

describe('exit codes', () => {
  it('exits 0 when nothing is found', async () => {
    const cwd = workspace({ 'visit.md': OPINION });
    const { code, stdout, stderr } = await caselint(cwd, ...only(), 'visit.md');
    expect(code).toBe(0);
    expect(stdout).toBe('✔ No problems found in 1 note.\n');
    expect(stderr).toBe('');
  });

  it('exits 1 when an opinion is written as fact and the rule is set to error', async () => {
    const cwd = workspace({ 'visit.md': OPINION });
    const { code, report } = await jsonReport(cwd, ...only({ 'opinion-as-fact': 'error' }), 'visit.md');
    expect(report[0].messages.map((m) => m.ruleId)).toContain('opinion-as-fact');
    expect(code).toBe(1);
  });

  it('exits 0 with warnings when no limit is set, and 1 when they exceed --max-warnings', async () => {
    const cwd = workspace({ 'visit.md': OPINION });
    const args = [...only({ 'opinion-as-fact': 'warning' }), 'visit.md'];
    const unlimited = await jsonReport(cwd, ...args);
    const warnings = unlimited.report[0].warningCount;
    expect(warnings).toBeGreaterThan(0);
    expect(unlimited.code).toBe(0);
    expect((await caselint(cwd, '--max-warnings', String(warnings), ...args)).code).toBe(0);
    const over = await caselint(cwd, '--max-warnings', String(warnings - 1), ...args);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe(`caselint: too many warnings (${warnings}; --max-warnings allows ${warnings - 1})\n`);
  });

  it('does not count info findings as warnings', async () => {
    const cwd = workspace({ 'visit.md': OPINION });
    const { code, report } = await jsonReport(cwd, '--max-warnings', '0', ...only({ 'opinion-as-fact': 'info' }), 'visit.md');
    expect(report[0].infoCount).toBeGreaterThan(0);
    expect(report[0].warningCount).toBe(0);
    expect(code).toBe(0);
  });

  it('exits 2 for an unknown option, with one line on stderr', async () => {
    const { code, stdout, stderr } = await caselint(tmpdir(), '--colour');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe("caselint: unknown option '--colour' (did you mean --color?)\n");
  });

  it('points to the help when an option is mistyped beyond recognition', async () => {
    const { code, stderr } = await caselint(tmpdir(), '--frobnicate');
    expect(code).toBe(2);
    expect(stderr).toBe("caselint: unknown option '--frobnicate' (see caselint --help)\n");
  });

  it('exits 2 for a mistyped rule in --rule, suggesting the right one', async () => {
    const { code, stderr } = await caselint(tmpdir(), '--rule', 'opinon-as-fact=error', 'x.md');
    expect(code).toBe(2);
    expect(stderr).toContain('"opinon-as-fact" is not a Caselint rule (did you mean "opinion-as-fact"?)');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('exits 2 for a --max-warnings that is not a number', async () => {
    expect((await caselint(tmpdir(), '--max-warnings', 'lots', 'x.md')).code).toBe(2);
  });

  it('exits 0 for --help and --version, printing to stdout', async () => {
    const help = await caselint(tmpdir(), '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: caselint [options] [files, folders or globs...]');
    expect(help.stdout).toContain('--max-warnings <number>');
    const version = await caselint(tmpdir(), '--version');
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('files that cannot be checked', () => {
  it('reports a missing file, still checks the others, and exits 2', async () => {
    const cwd = workspace({ 'visit.md': OPINION });
    const { code, report, stderr } = await jsonReport(cwd, ...only({ 'opinion-as-fact': 'error' }), 'missing.md', 'visit.md');
    expect(code).toBe(2);
    expect(report[0]).toEqual({
      filePath: join(cwd, 'missing.md'),
      messages: [{ ruleId: null, severity: 2, fatal: true, message: 'File not found.' }],
      errorCount: 1,
      fatalErrorCount: 1,
      warningCount: 0,
      infoCount: 0,
    });
    expect(report[1].messages.length).toBeGreaterThan(0);
    expect(stderr).toBe('');
  });

  it('reports a binary file under its name in the stylish report', async () => {
    const cwd = workspace({ 'referral.md': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]) });
    const { code, stdout } = await caselint(cwd, 'referral.md');
    expect(code).toBe(2);
    expect(stdout).toContain('\nreferral.md\n');
    expect(stdout).toContain('error  This is not a text file');
  });

  it('reports a file that is not valid UTF-8', async () => {
    const cwd = workspace({ 'visit.md': new Uint8Array(Buffer.from('Caf\u00e9 visit.\n', 'latin1')) });
    const { code, report } = await jsonReport(cwd, 'visit.md');
    expect(code).toBe(2);
    expect(report[0].messages[0]).toMatchObject({ ruleId: null, fatal: true, message: expect.stringContaining('UTF-8') });
  });

  it('checks a UTF-16 note with the same positions as its UTF-8 copy', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(OPINION, 'utf16le')]);
    const cwd = workspace({ 'utf8.md': OPINION, 'utf16.md': utf16, 'bom.md': '\uFEFF' + OPINION });
    const { code, report } = await jsonReport(cwd, ...only({ 'opinion-as-fact': 'error' }), 'utf8.md', 'utf16.md', 'bom.md');
    expect(code).toBe(1);
    expect(report[0].messages.length).toBeGreaterThan(0);
    expect(report[1].messages).toEqual(report[0].messages);
    expect(report[2].messages).toEqual(report[0].messages);
  });

  it('reports a folder with no notes in it', async () => {
    const cwd = workspace({ 'empty/readme.txt': 'not a note' });
    const { code, report } = await jsonReport(cwd, 'empty');
    expect(code).toBe(2);
    expect(report[0].messages[0].message).toBe('No case notes (.md or .markdown files) were found in this folder.');
  });

  it('reports a glob that matches nothing', async () => {
    const cwd = workspace({ 'visit.md': PLAIN });
    const { code, report } = await jsonReport(cwd, 'notes/**/*.md');
    expect(code).toBe(2);
    expect(report[0].messages[0].message).toBe('No files match this pattern.');
  });
});

describe('finding notes', () => {
  it('searches folders for .md and .markdown notes, skipping node_modules and .git', async () => {
    const cwd = workspace({
      'notes/a.md': PLAIN,
      'notes/sub/b.markdown': PLAIN,
      'notes/sub/c.txt': PLAIN,
      'notes/node_modules/pkg/readme.md': PLAIN,
      'notes/.git/description.md': PLAIN,
    });
    const { report } = await jsonReport(cwd, ...only(), 'notes');
    expect(report.map((r) => r.filePath)).toEqual([join(cwd, 'notes/a.md'), join(cwd, 'notes/sub/b.markdown')]);
  });

  it('expands a quoted glob and checks each note once', async () => {
    const cwd = workspace({ 'notes/a.md': PLAIN, 'notes/b.md': PLAIN });
    const { report } = await jsonReport(cwd, ...only(), 'notes/*.md', 'notes/a.md');
    expect(report.map((r) => r.filePath)).toEqual([join(cwd, 'notes/a.md'), join(cwd, 'notes/b.md')]);
  });

  it('checks the current folder when no paths are given', async () => {
    const cwd = workspace({ 'a.md': PLAIN });
    const { report } = await jsonReport(cwd, ...only());
    expect(report.map((r) => r.filePath)).toEqual([join(cwd, 'a.md')]);
  });
});

describe('settings files', () => {
  const offAll = JSON.stringify({ rules: Object.fromEntries(ruleList.map((r) => [r.id, 'off'])) });
  const opinionError = JSON.stringify({ rules: { ...JSON.parse(offAll).rules, 'opinion-as-fact': 'error' } });

  it('uses the nearest settings file above each note', async () => {
    const cwd = workspace({
      '.caselintrc.json': offAll,
      'strict/.caselintrc.json': opinionError,
      'relaxed/visit.md': OPINION,
      'strict/deep/visit.md': OPINION,
    });
    const { code, report } = await jsonReport(cwd, 'relaxed', 'strict');
    expect(report[0].messages).toEqual([]);
    expect(report[1].errorCount).toBeGreaterThan(0);
    expect(code).toBe(1);
  });

  it('lets --rule override the settings file', async () => {
    const cwd = workspace({ '.caselintrc.json': opinionError, 'visit.md': OPINION });
    const { code, report } = await jsonReport(cwd, '--rule', 'opinion-as-fact=off', 'visit.md');
    expect(report[0].messages).toEqual([]);
    expect(code).toBe(0);
  });

  it('uses the file given with --config for every note', async () => {
    const cwd = workspace({ 'ci/strict.json': opinionError, '.caselintrc.json': offAll, 'visit.md': OPINION });
    expect((await caselint(cwd, '--config', 'ci/strict.json', 'visit.md')).code).toBe(1);
  });

  it('ignores settings files with --no-config', async () => {
    const cwd = workspace({ '.caselintrc.json': '{ broken', 'visit.md': PLAIN });
    expect((await caselint(cwd, '--no-config', ...only(), 'visit.md')).code).toBe(0);
  });

  it('stops with exit 2 and the one-line reason when a settings file is wrong', async () => {
    const cwd = workspace({ '.caselintrc.json': '{"rules": {"opinon-as-fact": "error"}}', 'visit.md': OPINION });
    const { code, stdout, stderr } = await caselint(cwd, 'visit.md');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `caselint: ${join(cwd, '.caselintrc.json')}: "rules.opinon-as-fact" is not a Caselint rule (did you mean "opinion-as-fact"?)\n`,
    );
  });

  it('stops with exit 2 when the --config file does not exist', async () => {
    const cwd = workspace({ 'visit.md': PLAIN });
    const { code, stderr } = await caselint(cwd, '--config', 'nowhere.json', 'visit.md');
    expect(code).toBe(2);
    expect(stderr).toBe(`caselint: ${join(cwd, 'nowhere.json')}: the settings file does not exist\n`);
  });

  it('skips notes matching "ignore" quietly when searching, and warns when one is named', async () => {
    const config = JSON.stringify({ ...JSON.parse(offAll), ignore: ['drafts/**'] });
    const cwd = workspace({ '.caselintrc.json': config, 'visit.md': PLAIN, 'drafts/visit.md': PLAIN });
    const searched = await jsonReport(cwd, '.');
    expect(searched.report.map((r) => r.filePath)).toEqual([join(cwd, 'visit.md')]);
    const named = await jsonReport(cwd, 'drafts/visit.md');
    expect(named.report[0].messages).toEqual([
      { ruleId: null, severity: 1, message: 'Not checked: this file matches an "ignore" pattern in the settings file.' },
    ]);
    expect(named.code).toBe(0);
  });
});

describe('report options', () => {
  it('shows only errors with --quiet but still counts warnings for --max-warnings', async () => {
    const cwd = workspace({ 'visit.md': OPINION });
    const { code, report } = await jsonReport(cwd, '--quiet', '--max-warnings', '0', ...only({ 'opinion-as-fact': 'warning' }), 'visit.md');
    expect(report[0].messages).toEqual([]);
    expect(code).toBe(1);
  });

  it('writes the report to --output-file and nothing to stdout', async () => {
    const cwd = workspace({ 'visit.md': OPINION });
    const { code, stdout } = await caselint(cwd, '--format', 'sarif', '--output-file', 'out/caselint.sarif', ...only({ 'opinion-as-fact': 'error' }), 'visit.md');
    expect(stdout).toBe('');
    expect(code).toBe(2); // the folder "out" does not exist
    mkdirSync(join(cwd, 'out'));
    const again = await caselint(cwd, '--format', 'sarif', '--output-file', 'out/caselint.sarif', ...only({ 'opinion-as-fact': 'error' }), 'visit.md');
    expect(again.code).toBe(1);
    const sarif = JSON.parse(readFileSync(join(cwd, 'out/caselint.sarif'), 'utf8'));
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'opinion-as-fact', level: 'error' });
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'visit.md', uriBaseId: '%SRCROOT%' });
  });

  it('never writes the note to stderr', async () => {
    const cwd = workspace({ 'visit.md': OPINION, 'bad.md': new Uint8Array([0xff, 0x00, 0x41]) });
    const { stderr } = await caselint(cwd, '--max-warnings', '0', 'visit.md', 'bad.md', 'missing.md');
    expect(stderr).not.toMatch(/filthy|hostile/);
  });

  it('uses colour on a terminal unless NO_COLOR is set', async () => {
    const cwd = workspace({ 'visit.md': OPINION });
    const onTerminal = async (env: Record<string, string>) => {
      let stdout = '';
      await run([...only({ 'opinion-as-fact': 'error' }), 'visit.md'], {
        cwd,
        env,
        stdout: { write: (t: string) => (stdout += t), isTTY: true },
        stderr: { write: () => undefined },
      });
      return stdout;
    };
    expect(await onTerminal({})).toContain('\u001b[31merror');
    expect(await onTerminal({ NO_COLOR: '1' })).not.toContain('\u001b[');
  });

  it('uses no colour when stdout is not a terminal', async () => {
    const cwd = workspace({ 'visit.md': OPINION });
    const { stdout } = await caselint(cwd, ...only({ 'opinion-as-fact': 'error' }), 'visit.md');
    expect(stdout).not.toContain('\u001b[');
  });
});

/**
 * End-to-end: spawns the bundled command exactly as `npx caselint` runs it (the vitest global
 * setup builds server/out/cli.js first), and awaits the process's exit rather than any timer.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json';
import { ruleList } from '../rules';

const BIN = resolve(__dirname, '../../bin/caselint.js');
const cwd = mkdtempSync(join(tmpdir(), 'caselint-e2e-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

writeFileSync(join(cwd, 'visit.md'), '# Home visit 12/03/2024\n\nThe house was filthy and Mum was hostile throughout the visit.\n');
const allOff = ruleList.flatMap((rule) => ['--rule', `${rule.id}=off`]);

function caselint(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('the caselint command', () => {
  it('prints its version', async () => {
    expect(await caselint(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('exits 0 for a note with nothing to report', async () => {
    const { code, stdout } = await caselint([...allOff, 'visit.md']);
    expect(code).toBe(0);
    expect(stdout).toContain('No problems found');
  });

  it('exits 1 and prints a stylish report when an error is found', async () => {
    const { code, stdout, stderr } = await caselint([...allOff, '--rule', 'opinion-as-fact=error', 'visit.md'], { NO_COLOR: '1' });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^visit\.md$/m);
    expect(stdout).toMatch(/^\s+3:\d+\s+error\s+.+\s+opinion-as-fact$/m);
    expect(stdout).toMatch(/✖ \d+ problems? \(\d+ errors?, 0 warnings\)/);
    expect(stderr).toBe('');
  });

  it('exits 2 with a one-line reason for a usage mistake', async () => {
    const { code, stderr } = await caselint(['--format', 'xml', 'visit.md']);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain('xml');
  });

  it('prints valid JSON for --format json', async () => {
    const { code, stdout } = await caselint([...allOff, '--format', 'json', 'visit.md', 'missing.md']);
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toHaveLength(2);
  });
});

/**
 * Privacy guarantees, checked on the real bundles: no network connection is ever attempted by
 * the command line or by a language-server session, and no note text reaches a log.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../lsp/client';

const GUARD = resolve(__dirname, 'no-network.cjs');
const CLI = resolve(__dirname, '../../out/cli.js');
const NOTE = '## 14/03/2026 Home visit\n\nZebedee Quixote was hostile. I rang the school and spoke to Mrs Okoro, the DSL.\n';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'caselint-privacy-'));
  mkdirSync(join(dir, 'notes'));
  writeFileSync(join(dir, 'notes', '.caselintrc.json'), '{}');
  writeFileSync(join(dir, 'notes', 'visit.md'), NOTE);
  mkdirSync(join(dir, 'broken'));
  writeFileSync(join(dir, 'broken', '.caselintrc.json'), '{ "rules": { "opinion-as-fact": "loud" } }');
  writeFileSync(join(dir, 'broken', 'visit.md'), NOTE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('privacy', () => {
  it('the guard itself catches a connection attempt (so the tests below can fail)', () => {
    const run = spawnSync(process.execPath, ['--require', GUARD, '-e', "try { require('http').get('http://127.0.0.1:9') } catch {}"], { encoding: 'utf8' });
    expect(run.stderr).toContain('NETWORK ATTEMPT');
  });

  it('the command line opens no network connection, in every format', () => {
    const corpus = resolve(__dirname, '../../../test-fixtures/corpus');
    for (const format of ['stylish', 'json', 'sarif']) {
      const run = spawnSync(process.execPath, ['--require', GUARD, CLI, '--format', format, corpus], { encoding: 'utf8', maxBuffer: 1 << 26 });
      expect(run.stderr).not.toContain('NETWORK ATTEMPT');
      expect([0, 1]).toContain(run.status);
    }
  });

  it('the command line never writes note text to its error stream', () => {
    const run = spawnSync(process.execPath, [CLI, join(dir, 'broken', 'visit.md')], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(/Zebedee|Quixote|hostile|Okoro/);
  });

  it('a language-server session opens no network connection and logs no note text', async () => {
    const client = new TestClient({ rootPath: dir, nodeArgs: ['--require', GUARD] });
    try {
      await client.initialize();
      for (const folder of ['notes', 'broken']) {
        const uri = pathToFileURL(join(dir, folder, 'visit.md')).href;
        const published = client.nextDiagnostics(uri, 1);
        await client.open(uri, NOTE);
        const { diagnostics } = await published;
        if (diagnostics.length) await client.codeActions(uri, diagnostics);
        await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 2 } });
      }
      await client.connection.sendRequest('caselint/checkFiles', { uris: [pathToFileURL(join(dir, 'notes', 'visit.md')).href] });
    } finally {
      await client.shutdown();
    }
    expect(client.stderr).not.toContain('NETWORK ATTEMPT');
    for (const message of client.messages) expect(message).not.toMatch(/Zebedee|Quixote|hostile|Okoro/);
  });

  it('the language server writes nothing to disk, not even to its temporary folder', async () => {
    const before = readdirSync(dir, { recursive: true }).sort();
    const ownTmp = join(dir, 'server-tmp');
    mkdirSync(ownTmp);
    const client = new TestClient({ rootPath: dir, env: { TMPDIR: ownTmp, TMP: ownTmp, TEMP: ownTmp } });
    try {
      await client.initialize();
      const uri = pathToFileURL(join(dir, 'notes', 'visit.md')).href;
      const published = client.nextDiagnostics(uri, 1);
      await client.open(uri, NOTE);
      await published;
    } finally {
      await client.shutdown();
    }
    expect(readdirSync(ownTmp)).toEqual([]);
    expect(readdirSync(dir, { recursive: true }).filter((p) => !String(p).startsWith('server-tmp')).sort()).toEqual(before);
  });
});

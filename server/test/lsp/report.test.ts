/**
 * The `caselint/report` request behind VS Code's "Show case-file report", spoken over stdio to
 * the bundled server: it reports on the case notes it is given (and only those), uses an open
 * note's unsaved text, honours the settings file, allows its style and script by the client's
 * nonce, and links each check to the "Show rule documentation" command.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_METHOD, type ReportParams } from '../../src/lsp/protocol';
import { TestClient } from './client';

let dir: string;
let client: TestClient;
const uriOf = (...parts: string[]) => pathToFileURL(join(dir, ...parts)).href;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caselint-report-lsp-'));
  mkdirSync(join(dir, 'notes'));
  mkdirSync(join(dir, 'other'));
  mkdirSync(join(dir, 'strict'));
  // Only opinion-as-fact runs, so the counts below do not depend on the other rules.
  writeFileSync(join(dir, 'notes', '.caselintrc.json'), '{ "rules": { "child-voice-missing": "off" } }');
  writeFileSync(join(dir, 'notes', 'visit.md'), '## 14/03/2026 Home visit\n\nThe house was filthy.\n');
  writeFileSync(join(dir, 'notes', 'clean.md'), '## 15/03/2026 Home visit\n\nI visited at 10am.\n');
  writeFileSync(join(dir, 'other', 'readme.md'), 'The house was filthy.\n');
  writeFileSync(join(dir, 'strict', '.caselintrc.json'), '{ "rules": { "opinion-as-fact": "error", "child-voice-missing": "off" } }');
  writeFileSync(join(dir, 'strict', 'call.md'), '## 16/03/2026 Home visit\n\nDad was aggressive.\n');
  client = new TestClient({ rootPath: dir, coreChecksOnly: true, settings: () => ({ enable: true, rules: {}, caseNoteGlobs: [] }) });
  await client.initialize();
});

afterAll(async () => {
  await client.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

function report(params: ReportParams): Promise<string> {
  return client.connection.sendRequest(REPORT_METHOD, params) as Promise<string>;
}

describe('the case-file report request', () => {
  it('answers with the audit page for the case notes it is given, leaving other Markdown out', async () => {
    const html = await report({ uris: [uriOf('notes', 'visit.md'), uriOf('notes', 'clean.md'), uriOf('other', 'readme.md'), uriOf('strict', 'call.md')] });
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<h1>Case-file audit</h1>');
    expect(html).toContain('Caselint checked 3 case notes and found 2 points to review in 2 of them: 1 error, 1 warning');
    expect(html).toContain('notes/visit.md');
    expect(html).not.toContain('readme.md');
  });

  it('reports an open note as it is in the editor, not as saved', async () => {
    const uri = uriOf('notes', 'clean.md');
    const published = client.nextDiagnostics(uri, 1);
    await client.open(uri, '## 15/03/2026 Home visit\n\nI visited at 10am. Mum was hostile.\n');
    await published;
    const html = await report({ uris: [uri] });
    // The saved file has nothing to review; the editor's copy has one opinion written as fact.
    expect(html).toContain('Caselint checked 1 case note and found 1 point to review');
  });

  it('allows only its own style and script, by the nonce the client sends', async () => {
    const html = await report({ uris: [uriOf('notes', 'visit.md')], nonce: 'abc123XYZ' });
    expect(html).toContain(`content="default-src 'none'; style-src 'nonce-abc123XYZ'; script-src 'nonce-abc123XYZ'; base-uri 'none'; form-action 'none'"`);
    expect(html).toContain('<style nonce="abc123XYZ">');
    expect(html).toContain('<script nonce="abc123XYZ">');
  });

  it('links each check to the "Show rule documentation" command for a webview', async () => {
    const html = await report({ uris: [uriOf('notes', 'visit.md')], ruleLinks: 'command' });
    expect(html).toContain(`href="command:caselint.showDocumentation?${encodeURIComponent('["opinion-as-fact"]')}"`);
    expect(html).not.toContain('file://');
  });

  it('says which files could not be checked because their settings file is broken', async () => {
    mkdirSync(join(dir, 'broken'));
    writeFileSync(join(dir, 'broken', '.caselintrc.json'), '{ "rules": { "opinion-as-fact": "loud" } }');
    writeFileSync(join(dir, 'broken', 'note.md'), 'Mum was hostile.\n');
    const html = await report({ uris: [uriOf('broken', 'note.md')] });
    expect(html).toContain('Files that could not be checked');
    expect(html).toContain('could not use the settings file');
    expect(html).not.toContain('hostile');
  });
});

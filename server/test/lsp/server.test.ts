import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from './client';

const NOTE = [
  '---',
  'child: Jamie K. (7)',
  '---',
  '',
  '## 14/03/2026 Home visit',
  '',
  'Jamie was present. The house was filthy.',
  '',
  '## 15/03/2026 Telephone call — school',
  '',
  'I rang the school and spoke to Mrs Okoro, the DSL. I passed the concerns on to the health visitor.',
  '',
].join('\n');

let dir: string;
let notes: string;
let settings: Record<string, unknown>;

function uriOf(name: string, folder = notes): string {
  return pathToFileURL(join(folder, name)).href;
}

function applyEdits(text: string, edits: { range: Diagnostic['range']; newText: string }[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), edits);
}

describe('language server over stdio', () => {
  let client: TestClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caselint-lsp-'));
    notes = join(dir, 'notes');
    mkdirSync(notes);
    writeFileSync(join(notes, '.caselintrc.json'), '{}');
    mkdirSync(join(dir, 'other'));
    settings = { enable: true, rules: {}, caseNoteGlobs: [] };
    client = new TestClient({ rootPath: dir, settings: () => settings });
    const capabilities = await client.initialize();
    expect(capabilities.codeActionProvider).toBeTruthy();
    expect(capabilities.hoverProvider).toBe(true);
  });

  afterAll(async () => {
    // No request may have failed unexpectedly inside the server.
    expect(client.messages.filter((m) => /unexpected problem/.test(m))).toEqual([]);
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes diagnostics with source, code and a documentation link when a case note opens', async () => {
    const uri = uriOf('visit.md');
    const published = client.nextDiagnostics(uri, 1);
    await client.open(uri, NOTE);
    const { diagnostics } = await published;
    const codes = diagnostics.map((d) => d.code).sort();
    expect(codes).toEqual(['child-voice-missing', 'opinion-as-fact', 'oral-followup-missing', 'sharing-rationale-missing']);
    for (const d of diagnostics) {
      expect(d.source).toBe('caselint');
      expect(d.codeDescription?.href).toMatch(new RegExp(`docs/rules/${d.code}\\.md$`));
    }
  });

  it('leaves Markdown alone unless it has opted in', async () => {
    const uri = uriOf('readme.md', join(dir, 'other'));
    const published = client.nextDiagnostics(uri, 1);
    await client.open(uri, NOTE);
    expect((await published).diagnostics).toEqual([]);
  });

  it('opts a note in with caselint: true in its front matter', async () => {
    const uri = uriOf('flagged.md', join(dir, 'other'));
    const published = client.nextDiagnostics(uri, 1);
    await client.open(uri, `---\ncaselint: true\n---\n\nMum was hostile.\n`);
    expect((await published).diagnostics.map((d) => d.code)).toEqual(['opinion-as-fact']);
  });

  it('re-checks on every change, for that version', async () => {
    const uri = uriOf('change.md');
    const first = client.nextDiagnostics(uri, 1);
    await client.open(uri, 'Mum was hostile.\n');
    expect((await first).diagnostics).toHaveLength(1);
    const second = client.nextDiagnostics(uri, 2);
    await client.change(uri, 2, 'Mum said she was tired.\n');
    expect((await second).diagnostics).toEqual([]);
  });

  it('offers each rule fix, a disable comment and the documentation; applying a fix clears the finding and leaves a placeholder', async () => {
    const uri = uriOf('fixes.md');
    let text = NOTE;
    let version = 1;
    let published = client.nextDiagnostics(uri, version);
    await client.open(uri, text, version);
    let { diagnostics } = await published;
    for (const rule of ['opinion-as-fact', 'child-voice-missing', 'sharing-rationale-missing', 'oral-followup-missing']) {
      const target = diagnostics.find((d) => d.code === rule)!;
      const actions = await client.codeActions(uri, [target]);
      const titles = actions.map((a) => a.title);
      expect(titles).toContain(`Disable ${rule} for this line`);
      expect(titles).toContain(`Show documentation for ${rule}`);
      const fix = actions.find((a) => a.edit && !a.title.startsWith('Disable'))!;
      text = applyEdits(text, fix.edit!.changes[uri]);
      version++;
      published = client.nextDiagnostics(uri, version);
      await client.change(uri, version, text);
      diagnostics = (await published).diagnostics;
      expect(diagnostics.filter((d) => d.code === rule), `${rule} after "${fix.title}"`).toEqual([]);
      expect(diagnostics.some((d) => d.code === 'unfilled-placeholder')).toBe(true);
    }
  });

  it('disables a rule for one line with the inserted comment', async () => {
    const uri = uriOf('disable.md');
    const published = client.nextDiagnostics(uri, 1);
    await client.open(uri, 'Intro.\n\nMum was hostile.\n');
    const { diagnostics } = await published;
    const actions = await client.codeActions(uri, diagnostics);
    const disable = actions.find((a) => a.title.startsWith('Disable'))!;
    const next = client.nextDiagnostics(uri, 2);
    await client.change(uri, 2, applyEdits('Intro.\n\nMum was hostile.\n', disable.edit!.changes[uri]));
    expect((await next).diagnostics).toEqual([]);
  });

  it('shows documentation through the editor', async () => {
    await client.connection.sendRequest('workspace/executeCommand', { command: 'caselint.showDocumentation', arguments: ['opinion-as-fact'] });
    expect(client.shownDocuments.at(-1)).toMatch(/docs\/rules\/opinion-as-fact\.md$/);
  });

  it('explains a finding on hover with the guidance it rests on', async () => {
    const uri = uriOf('hover.md');
    const published = client.nextDiagnostics(uri, 1);
    await client.open(uri, 'Mum was hostile.\n');
    const [d] = (await published).diagnostics;
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: d.range.start })) as { contents: { value: string } };
    expect(hover.contents.value).toMatch(/professional judgement/);
    expect(hover.contents.value).toMatch(/serious case reviews/);
  });

  it('applies a settings change to open notes without reopening them', async () => {
    const uri = uriOf('settings.md');
    const published = client.nextDiagnostics(uri, 1);
    await client.open(uri, 'Mum was hostile.\n');
    expect((await published).diagnostics).toHaveLength(1);
    settings = { ...settings, rules: { 'opinion-as-fact': 'off' } };
    const after = client.nextDiagnostics(uri, 1);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    expect((await after).diagnostics).toEqual([]);
    settings = { ...settings, rules: {} };
  });

  it('reports a broken settings file on the note instead of crashing', async () => {
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, '.caselintrc.json'), '{ "rules": { "opinion-as-fact": "loud" } }');
    const uri = uriOf('note.md', broken);
    const published = client.nextDiagnostics(uri, 1);
    await client.open(uri, 'Mum was hostile.\n');
    const { diagnostics } = await published;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0].message).toMatch(/settings file/);
    expect(diagnostics[0].message).not.toMatch(/hostile/);
  });

  it('checks files that are not open for the workspace command', async () => {
    writeFileSync(join(notes, 'closed.md'), 'Dad was aggressive.\n');
    const uri = uriOf('closed.md');
    const published = client.nextDiagnostics(uri);
    const result = await client.connection.sendRequest('caselint/checkFiles', { uris: [uri, uriOf('x.md', join(dir, 'other'))] });
    expect(result, client.stderr).toEqual({ checked: 1, skipped: 1, findings: 1 });
    expect((await published).diagnostics.map((d) => d.code)).toEqual(['opinion-as-fact']);
  });
});

describe('language server for a client that pulls diagnostics', () => {
  it('answers textDocument/diagnostic', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'caselint-pull-'));
    writeFileSync(join(folder, '.caselintrc.json'), '{}');
    const client = new TestClient({ rootPath: folder, pull: true });
    try {
      const capabilities = await client.initialize();
      expect(capabilities.diagnosticProvider).toBeTruthy();
      const uri = pathToFileURL(join(folder, 'n.md')).href;
      await client.open(uri, 'Mum was hostile.\n');
      const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; items: Diagnostic[] };
      expect(report.kind).toBe('full');
      expect(report.items.map((d) => d.code)).toEqual(['opinion-as-fact']);
    } finally {
      await client.shutdown();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

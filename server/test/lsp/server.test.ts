/**
 * Protocol tests: the bundled language server, spawned as editors run it, spoken to in raw LSP.
 * Each test is one behaviour a practitioner's editor relies on, with real case-note sentences.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { loadConfigFile } from '../../src/config';
import { ruleById } from '../../src/rules';
import { editsOf, TestClient } from './client';
import { coreOnly } from '../helpers';

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

const NOTE_RULES = ['child-voice-missing', 'opinion-as-fact', 'oral-followup-missing', 'sharing-rationale-missing'];
const FAULT_INJECTION = resolve(__dirname, 'fault-injection.cjs');

let dir: string;
let notes: string;
let other: string;
let settings: Record<string, unknown>;
let client: TestClient;
let capabilities: Record<string, unknown>;
let versions = 0;

function uriOf(name: string, folder = notes): string {
  return pathToFileURL(join(folder, name)).href;
}

/** A fresh document name per test, so no test sees another's diagnostics. */
function freshUri(folder = notes): string {
  return uriOf(`note-${++versions}.md`, folder);
}

function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), edits);
}

function codes(diagnostics: Diagnostic[]): string[] {
  return coreOnly(diagnostics.map((d) => String(d.code))).sort();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caselint-lsp-'));
  notes = join(dir, 'notes');
  other = join(dir, 'other');
  mkdirSync(notes);
  mkdirSync(other);
  writeFileSync(join(notes, '.caselintrc.json'), '{}');
  settings = { enable: true, rules: {}, caseNoteGlobs: [] };
  client = new TestClient({ rootPath: dir, settings: () => settings, coreChecksOnly: true });
  capabilities = await client.initialize();
});

afterAll(async () => {
  // No request may have failed unexpectedly inside the server.
  expect(client.messages.filter((m) => /unexpected problem/.test(m))).toEqual([]);
  await client.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

describe('language server, for an editor that takes pushed diagnostics', () => {
  it('announces incremental sync, quick fixes, hovers and the documentation command, and pushes diagnostics', () => {
    expect(capabilities.textDocumentSync).toBe(2);
    expect(capabilities.codeActionProvider).toEqual({ codeActionKinds: ['quickfix'] });
    expect(capabilities.hoverProvider).toBe(true);
    expect(capabilities.executeCommandProvider).toEqual({ commands: ['caselint.showDocumentation'] });
    expect(capabilities.diagnosticProvider).toBeUndefined();
  });

  it('publishes diagnostics for the opened version, each with source, rule id, documentation link and its fixes', async () => {
    const uri = uriOf('visit.md');
    const published = client.nextDiagnostics(uri, 1);
    await client.open(uri, NOTE);
    const { diagnostics, version } = await published;
    expect(version).toBe(1);
    expect(codes(diagnostics)).toEqual(NOTE_RULES);
    for (const d of diagnostics) {
      expect(d.source).toBe('caselint');
      expect(d.severity).toBe(2);
      expect(d.codeDescription?.href).toMatch(new RegExp(`^file://.*/docs/rules/${d.code}\\.md$`));
      expect((d.data as { fixes: unknown[] }).fixes.length, String(d.code)).toBeGreaterThan(0);
    }
    expect(diagnostics.find((d) => d.code === 'opinion-as-fact')!.range.start.line).toBe(6);
    expect(diagnostics.find((d) => d.code === 'oral-followup-missing')!.range.start.line).toBe(10);
  });

  it('leaves Markdown alone unless it has opted in', async () => {
    expect(await client.openAndWait(freshUri(other), NOTE)).toEqual([]);
  });

  it('opts a note in with caselint: true in its front matter', async () => {
    expect(codes(await client.openAndWait(freshUri(other), '---\ncaselint: true\n---\n\nMum was hostile.\n'))).toEqual(['opinion-as-fact']);
  });

  it('does not opt a note in for the same words outside its front matter', async () => {
    expect(await client.openAndWait(freshUri(other), '---\nchild: Jamie K. (7)\n---\n\ncaselint: true\n\nMum was hostile.\n')).toEqual([]);
  });

  it('opts notes in by the caseNoteGlobs setting, relative to the workspace folder', async () => {
    settings = { ...settings, caseNoteGlobs: ['other/case-notes/**/*.md'] };
    try {
      mkdirSync(join(other, 'case-notes'), { recursive: true });
      expect(codes(await client.openAndWait(freshUri(join(other, 'case-notes')), 'Mum was hostile.\n'))).toEqual(['opinion-as-fact']);
      expect(await client.openAndWait(freshUri(other), 'Mum was hostile.\n')).toEqual([]);
    } finally {
      settings = { ...settings, caseNoteGlobs: [] };
    }
  });

  it('follows workspace folders added later when matching caseNoteGlobs', async () => {
    const first = join(dir, 'first');
    const second = join(dir, 'second');
    mkdirSync(join(first, 'case-notes'), { recursive: true });
    mkdirSync(join(second, 'case-notes'), { recursive: true });
    const multiRoot = new TestClient({ rootPath: first, workspaceFolders: true, coreChecksOnly: true, settings: () => ({ caseNoteGlobs: ['case-notes/*.md'] }) });
    try {
      const capabilities = await multiRoot.initialize();
      expect(capabilities.workspace).toEqual({ workspaceFolders: { supported: true, changeNotifications: true } });
      const uri = freshUri(join(second, 'case-notes'));
      expect(await multiRoot.openAndWait(uri, 'Mum was hostile.\n')).toEqual([]);
      const after = multiRoot.nextDiagnostics(uri, 1);
      await multiRoot.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: pathToFileURL(second).href, name: 'second' }], removed: [] } });
      expect(codes((await after).diagnostics)).toEqual(['opinion-as-fact']);
    } finally {
      await multiRoot.shutdown();
    }
  });

  it("leaves out notes the settings file's ignore patterns cover, as the command line does", async () => {
    const team = join(dir, 'team');
    mkdirSync(join(team, 'drafts'), { recursive: true });
    writeFileSync(join(team, '.caselintrc.json'), '{ "ignore": ["drafts"] }');
    expect(await client.openAndWait(freshUri(join(team, 'drafts')), 'Mum was hostile.\n')).toEqual([]);
    expect(codes(await client.openAndWait(freshUri(team), 'Mum was hostile.\n'))).toEqual(['opinion-as-fact']);
  });

  it('re-checks on every change and publishes for that version', async () => {
    const uri = freshUri();
    expect(codes(await client.openAndWait(uri, 'Mum was hostile.\n'))).toEqual(['opinion-as-fact']);
    expect(await client.changeAndWait(uri, 2, 'Mum said she was tired.\n')).toEqual([]);
    expect(codes(await client.changeAndWait(uri, 3, 'Mum said she was tired. Dad was aggressive.\n'))).toEqual(['opinion-as-fact']);
  });

  it('offers for every finding its own fixes, a disable comment and the documentation, in that order', async () => {
    const uri = freshUri();
    const diagnostics = await client.openAndWait(uri, NOTE);
    for (const diagnostic of diagnostics) {
      const rule = String(diagnostic.code);
      const fixes = (diagnostic.data as { fixes: { title: string }[] }).fixes.map((f) => f.title);
      const actions = await client.codeActions(uri, [diagnostic]);
      expect(actions.map((a) => a.title)).toEqual([...fixes, `Disable ${rule} for this line`, `Show documentation for ${rule}`]);
      for (const action of actions) expect(action.kind).toBe('quickfix');
      expect(actions.at(-1)!.command).toEqual({ title: `Show documentation for ${rule}`, command: 'caselint.showDocumentation', arguments: [rule] });
    }
  });

  it('applying any rule fix clears that finding and leaves a placeholder to fill in', async () => {
    const uri = freshUri();
    let version = 1;
    await client.openAndWait(uri, NOTE, version);
    for (const rule of NOTE_RULES) {
      let before = await client.changeAndWait(uri, ++version, NOTE);
      const fixCount = (await client.codeActions(uri, [before.find((d) => d.code === rule)!])).length - 2;
      expect(fixCount, rule).toBeGreaterThan(0);
      for (let i = 0; i < fixCount; i++) {
        // Start each fix from the original note, as a practitioner choosing this fix would.
        if (i > 0) before = await client.changeAndWait(uri, ++version, NOTE);
        const fix = (await client.codeActions(uri, [before.find((d) => d.code === rule)!]))[i];
        const after = await client.changeAndWait(uri, ++version, applyEdits(NOTE, editsOf(fix, uri)));
        expect(after.filter((d) => d.code === rule), `${rule} after "${fix.title}"`).toEqual([]);
        expect(after.some((d) => d.code === 'unfilled-placeholder'), `a placeholder after "${fix.title}"`).toBe(true);
      }
    }
  });

  it('silences one finding with the inserted disable comment and keeps the others', async () => {
    const uri = freshUri();
    const diagnostics = await client.openAndWait(uri, NOTE);
    const target = diagnostics.find((d) => d.code === 'opinion-as-fact')!;
    const disable = (await client.codeActions(uri, [target])).find((a) => a.title === 'Disable opinion-as-fact for this line')!;
    const edits = editsOf(disable, uri);
    expect(edits).toEqual([{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, newText: '<!-- caselint-disable-next-line opinion-as-fact -->\n' }]);
    expect(codes(await client.changeAndWait(uri, 2, applyEdits(NOTE, edits)))).toEqual(NOTE_RULES.filter((r) => r !== 'opinion-as-fact'));
  });

  it('sends versioned edits to an editor that applies them, so a fix never lands on changed text', async () => {
    const versioned = new TestClient({ rootPath: dir, documentChanges: true, coreChecksOnly: true });
    try {
      await versioned.initialize();
      const uri = freshUri();
      const [diagnostic] = await versioned.openAndWait(uri, 'Mum was hostile.\n', 4);
      const [fix] = await versioned.codeActions(uri, [diagnostic]);
      expect(fix.edit!.changes).toBeUndefined();
      expect(fix.edit!.documentChanges).toEqual([{ textDocument: { uri, version: 4 }, edits: editsOf(fix, uri) }]);
    } finally {
      await versioned.shutdown();
    }
  });

  it('gives fixes for the current text when the editor sends a finding from an older version', async () => {
    const uri = freshUri();
    const [old] = await client.openAndWait(uri, 'Mum was hostile.\n');
    await client.changeAndWait(uri, 2, 'Intro.\n\nMum was hostile.\n');
    // The editor moved the old finding down two lines as the text was typed; its data still has version 1's positions.
    const moved = { ...old, range: { start: { ...old.range.start, line: 2 }, end: { ...old.range.end, line: 2 } } };
    const [fix] = await client.codeActions(uri, [moved]);
    expect(editsOf(fix, uri).every((e) => e.range.start.line === 2)).toBe(true);
  });

  it('still offers the fixes when the editor drops the diagnostic data or sends no diagnostics at all', async () => {
    const uri = freshUri();
    const [diagnostic] = await client.openAndWait(uri, 'Mum was hostile.\n');
    const withData = (await client.codeActions(uri, [diagnostic])).map((a) => a.title);
    const withoutData = (await client.codeActions(uri, [{ ...diagnostic, data: undefined }])).map((a) => a.title);
    const noneSent = (await client.codeActions(uri, [], { range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } } })).map((a) => a.title);
    expect(withoutData).toEqual(withData);
    expect(noneSent).toEqual(withData);
  });

  it('offers nothing when the editor asks only for fix-all actions, because templates need the practitioner', async () => {
    const uri = freshUri();
    const diagnostics = await client.openAndWait(uri, 'Mum was hostile.\n');
    expect(await client.codeActions(uri, diagnostics, { only: ['source.fixAll'] })).toEqual([]);
  });

  it('shows documentation through the editor, inside it', async () => {
    await client.connection.sendRequest('workspace/executeCommand', { command: 'caselint.showDocumentation', arguments: ['opinion-as-fact'] });
    expect(client.shownDocumentParams.at(-1)).toEqual({ uri: expect.stringMatching(/^file:.*\/docs\/rules\/opinion-as-fact\.md$/), external: false });
  });

  it('explains a finding on hover with why it matters, the guidance it rests on and a better example', async () => {
    const uri = freshUri();
    const diagnostics = await client.openAndWait(uri, NOTE);
    const target = diagnostics.find((d) => d.code === 'opinion-as-fact')!;
    const hover = await client.hover(uri, target.range.start);
    const value = (hover!.contents as { kind: string; value: string }).value;
    const docs = ruleById('opinion-as-fact')!.docs;
    expect(value).toContain(docs.why);
    for (const g of docs.guidance) {
      expect(value).toContain(g.passage);
      expect(value).toContain(g.source);
    }
    expect(value).toContain(docs.examples[0].good);
    expect(hover!.range).toEqual(target.range);
    expect(await client.hover(uri, { line: 0, character: 0 })).toBeNull();
  });

  it('applies a settings change to open notes at once, without reopening them', async () => {
    const uri = freshUri();
    expect(codes(await client.openAndWait(uri, NOTE))).toEqual(NOTE_RULES);
    settings = { ...settings, rules: { 'opinion-as-fact': 'off', 'oral-followup-missing': 'error' } };
    try {
      const after = client.nextDiagnostics(uri, 1);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      const { diagnostics } = await after;
      expect(codes(diagnostics)).toEqual(NOTE_RULES.filter((r) => r !== 'opinion-as-fact'));
      expect(diagnostics.find((d) => d.code === 'oral-followup-missing')!.severity).toBe(1);
    } finally {
      settings = { ...settings, rules: {} };
      const restored = client.nextDiagnostics(uri, 1);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      expect(codes((await restored).diagnostics)).toEqual(NOTE_RULES);
    }
  });

  it('stops checking when Caselint is turned off in the settings', async () => {
    const uri = freshUri();
    expect(await client.openAndWait(uri, 'Mum was hostile.\n')).toHaveLength(1);
    settings = { ...settings, enable: false };
    try {
      const after = client.nextDiagnostics(uri, 1);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      expect((await after).diagnostics).toEqual([]);
    } finally {
      settings = { ...settings, enable: true };
    }
  });

  it('re-checks open notes when a settings file changes on disk', async () => {
    const folder = join(dir, 'watched');
    mkdirSync(folder);
    const config = join(folder, '.caselintrc.json');
    writeFileSync(config, '{}');
    const uri = freshUri(folder);
    expect(codes(await client.openAndWait(uri, 'Mum was hostile.\n'))).toEqual(['opinion-as-fact']);
    writeFileSync(config, '{ "rules": { "opinion-as-fact": "info" } }');
    const after = client.nextDiagnostics(uri, 1);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
    expect((await after).diagnostics.map((d) => d.severity)).toEqual([3]);
  });

  it('puts a broken settings file on line 1 of each note it covers, and tells the practitioner once', async () => {
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    const config = join(broken, '.caselintrc.json');
    writeFileSync(config, '{ "rules": { "opinion-as-fact": "loud" } }');
    const reason = (loadConfigFile(config) as { error: string }).error;
    const shownBefore = client.shownMessages.length;
    for (const uri of [freshUri(broken), freshUri(broken)]) {
      const diagnostics = await client.openAndWait(uri, 'Mum was hostile.\n');
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0].range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      expect(diagnostics[0].message).toContain('could not read the settings file');
      expect(diagnostics[0].message).toContain(reason);
      expect(diagnostics[0].message).not.toMatch(/hostile/);
    }
    expect(client.shownMessages.slice(shownBefore)).toEqual([`Caselint could not read its settings file: ${reason}`]);
  });

  it('publishes closed files for the workspace check, and counts what it skipped', async () => {
    writeFileSync(join(notes, 'closed.md'), 'Dad was aggressive.\n');
    const uri = uriOf('closed.md');
    const published = client.nextDiagnostics(uri);
    const result = await client.connection.sendRequest('caselint/checkFiles', { uris: [uri, uriOf('x.md', other)] });
    expect(result, client.stderr).toEqual({ checked: 1, skipped: 1, findings: 1 });
    expect(codes((await published).diagnostics)).toEqual(['opinion-as-fact']);
  });

  it('clears a note’s diagnostics when it is closed', async () => {
    const uri = freshUri();
    await client.openAndWait(uri, 'Mum was hostile.\n');
    const cleared = client.nextDiagnostics(uri);
    await client.close(uri);
    expect((await cleared).diagnostics).toEqual([]);
  });
});

describe('language server, when checking a note fails', () => {
  it('shows one diagnostic on that note, logs no note text, and keeps checking other notes', async () => {
    const faulty = new TestClient({ rootPath: dir, coreChecksOnly: true, nodeArgs: ['--require', FAULT_INJECTION] });
    try {
      await faulty.initialize();
      const broken = freshUri();
      const diagnostics = await faulty.openAndWait(broken, 'Zebedee Quixote was hostile. CASELINT-TEST-FAULT\n');
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0].message).toMatch(/^Caselint could not check this note/);
      expect(diagnostics[0].message).not.toMatch(/Zebedee|Quixote|hostile/);
      const logged = faulty.messages.filter((m) => m.includes('Could not check'));
      expect(logged).toHaveLength(1);
      // The error quoted the note; the log keeps the error and where it happened, not the note's words.
      expect(logged[0]).toMatch(/^Could not check note-\d+\.md: TypeError: Injected … while reading: …/);
      expect(logged[0]).toContain('server.js');
      expect(logged[0]).not.toMatch(/Zebedee|Quixote|hostile/);
      expect(codes(await faulty.openAndWait(freshUri(), 'Mum was hostile.\n'))).toEqual(['opinion-as-fact']);
      expect(codes(await faulty.changeAndWait(broken, 2, 'Mum was hostile.\n'))).toEqual(['opinion-as-fact']);
    } finally {
      await faulty.shutdown();
    }
  });
});

describe('language server, for an editor that pulls diagnostics', () => {
  let pulling: TestClient;
  let pullCapabilities: Record<string, unknown>;
  let pullSettings: Record<string, unknown> = {};

  beforeAll(async () => {
    pulling = new TestClient({ rootPath: dir, pull: true, coreChecksOnly: true, settings: () => pullSettings });
    pullCapabilities = await pulling.initialize();
  });
  afterAll(() => pulling.shutdown());

  it('announces pull diagnostics', () => {
    expect(pullCapabilities.diagnosticProvider).toEqual({ interFileDependencies: false, workspaceDiagnostics: false });
  });

  it('answers textDocument/diagnostic for the latest version and pushes nothing for open notes', async () => {
    const uri = freshUri();
    await pulling.open(uri, NOTE);
    expect(codes(await pulling.pull(uri))).toEqual(NOTE_RULES);
    await pulling.change(uri, 2, 'Mum said she was tired.\n');
    expect(await pulling.pull(uri)).toEqual([]);
    expect(pulling.publishedFor(uri).every((p) => p.diagnostics.length === 0)).toBe(true);
  });

  it('asks the editor to pull again after a settings change, and the next pull follows the new settings', async () => {
    const uri = freshUri();
    await pulling.open(uri, 'Mum was hostile.\n');
    expect(codes(await pulling.pull(uri))).toEqual(['opinion-as-fact']);
    pullSettings = { rules: { 'opinion-as-fact': 'off' } };
    const refreshed = pulling.nextRefresh();
    await pulling.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await refreshed;
    expect(await pulling.pull(uri)).toEqual([]);
    pullSettings = {};
  });

  it('offers fixes and hovers for a note it has not been asked to pull yet', async () => {
    const uri = freshUri();
    await pulling.open(uri, 'Mum was hostile.\n');
    const actions = await pulling.codeActions(uri, [], { range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } } });
    expect(actions.map((a) => a.title)).toContain('Disable opinion-as-fact for this line');
    expect(await pulling.hover(uri, { line: 0, character: 10 })).not.toBeNull();
  });
});

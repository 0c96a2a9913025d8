/**
 * Which Markdown files the language server treats as case notes: only those that opt in, so a
 * README or meeting notes are never checked.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideCaseNote, hasFrontMatterOptIn } from '../../src/lsp/case-notes';
import { DEFAULT_SETTINGS, readSettings } from '../../src/lsp/settings';

describe('front matter opt-in', () => {
  it('accepts caselint: true in the front matter', () => {
    expect(hasFrontMatterOptIn('---\nchild: Jamie K. (7)\ncaselint: true\n---\n\nJamie was present.\n')).toBe(true);
  });

  it('accepts Windows line endings, a byte-order mark and a trailing comment', () => {
    expect(hasFrontMatterOptIn('\uFEFF---\r\ncaselint: true # checked by the team\r\n---\r\n')).toBe(true);
  });

  it('ignores the words in the body of the note', () => {
    expect(hasFrontMatterOptIn('---\nchild: Jamie K. (7)\n---\n\ncaselint: true\n')).toBe(false);
  });

  it('ignores anything but an explicit true', () => {
    expect(hasFrontMatterOptIn('---\ncaselint: yes\n---\n')).toBe(false);
    expect(hasFrontMatterOptIn('---\ncaselint: false\n---\n')).toBe(false);
    expect(hasFrontMatterOptIn('---\nrecord_type: case note\n---\n')).toBe(false);
  });

  it('ignores a note without front matter', () => {
    expect(hasFrontMatterOptIn('caselint: true\n')).toBe(false);
  });
});

describe('deciding whether a file is a case note', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'caselint-decide-'));
    mkdirSync(join(dir, 'team', 'drafts'), { recursive: true });
    mkdirSync(join(dir, 'misc'));
    writeFileSync(join(dir, 'team', '.caselintrc.json'), '{ "rules": { "oral-followup-missing": "info" }, "ignore": ["drafts"] }');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const uri = (...parts: string[]) => pathToFileURL(join(dir, ...parts)).href;

  it('takes a note below a settings file, with its rules under the editor settings', () => {
    const settings = readSettings({ rules: { 'opinion-as-fact': 'error' } });
    const decision = decideCaseNote(uri('team', 'visit.md'), 'Mum was hostile.\n', settings, [dir]);
    expect(decision.isCaseNote).toBe(true);
    expect(decision.options.rules).toEqual({ 'oral-followup-missing': 'info', 'opinion-as-fact': 'error' });
  });

  it("leaves out a note the settings file's ignore patterns cover", () => {
    expect(decideCaseNote(uri('team', 'drafts', 'visit.md'), '', DEFAULT_SETTINGS, [dir]).isCaseNote).toBe(false);
  });

  it('leaves other Markdown alone', () => {
    expect(decideCaseNote(uri('misc', 'README.md'), '# Team plan\n', DEFAULT_SETTINGS, [dir]).isCaseNote).toBe(false);
  });

  it('takes a file matched by caseNoteGlobs, relative to the workspace folder', () => {
    const settings = readSettings({ caseNoteGlobs: ['misc/**/*.md'] });
    expect(decideCaseNote(uri('misc', 'visit.md'), '', settings, [dir]).isCaseNote).toBe(true);
  });

  it('sees a settings file created after the first look when it is not caching', () => {
    const note = uri('misc', 'later.md');
    expect(decideCaseNote(note, '', DEFAULT_SETTINGS, [dir], { cacheConfigs: false }).isCaseNote).toBe(false);
    writeFileSync(join(dir, 'misc', '.caselintrc.json'), '{}');
    try {
      expect(decideCaseNote(note, '', DEFAULT_SETTINGS, [dir], { cacheConfigs: false }).isCaseNote).toBe(true);
    } finally {
      rmSync(join(dir, 'misc', '.caselintrc.json'));
    }
  });
});

describe('editor settings', () => {
  it('keeps only well-formed values and fills in the defaults', () => {
    expect(readSettings({ enable: 'yes', rules: { 'opinion-as-fact': 'loud', 'child-voice-missing': 'info' }, caseNoteGlobs: ['a/*.md', 3] })).toEqual({
      enable: true,
      rules: { 'child-voice-missing': 'info' },
      caseNoteGlobs: ['a/*.md'],
    });
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });
});

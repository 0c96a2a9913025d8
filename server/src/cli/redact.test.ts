/**
 * `--redact` leaves every word of the notes out of every report. The proof is differential: two
 * notes with the same structure, and so the same findings at the same places, but different
 * names, judgement words and placeholder text, must give byte-identical redacted reports in every
 * format, none containing any of those words; unredacted, the same reports do quote them (so
 * the test would notice redaction silently doing nothing). Entry dates are withheld too.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './run';
import { WITHHELD_MESSAGE, redactResults } from './redact';

const template = (child: string, label: string, state: string, professional: string, placeholder: string) =>
  [
    '---',
    `child: ${child} T. (7)`,
    '---',
    '',
    '## 14/03/2026 Home visit',
    '',
    `${child} was at home. Mum was ${label} and Dad was ${state}.`,
    '',
    '## 15/03/2026 Telephone call',
    '',
    `I rang the school and spoke to Mrs ${professional}, the DSL. [${placeholder} to follow]`,
    '',
  ].join('\n');

const NOTE_A = template('Zebedee', 'erratic', 'chaotic', 'Abara', 'Zorblax');
const NOTE_B = template('Xanthia', 'evasive', 'abusive', 'Ifeji', 'Quimbly');
const WORDS_OF_A = ['Zebedee', 'erratic', 'chaotic', 'Abara', 'Zorblax'];
const FORMATS = [['--format', 'stylish'], ['--format', 'json'], ['--format', 'sarif'], ['--format', 'html'], ['--format', 'github'], ['--format', 'junit'], ['--stats']];

const cwd = mkdtempSync(join(tmpdir(), 'caselint-redact-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

async function report(note: string, ...argv: string[]): Promise<string> {
  writeFileSync(join(cwd, 'note.md'), note);
  let stdout = '';
  await run([...argv, 'note.md'], { cwd, env: {}, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true }, now: () => new Date(2027, 5, 1, 12) });
  return stdout;
}

describe('redacted reports', () => {
  it('quote the note when not redacted (so the checks below can fail)', async () => {
    for (const format of FORMATS.slice(0, -1)) {
      const text = await report(NOTE_A, ...format);
      expect(WORDS_OF_A.filter((w) => text.includes(w)).length, format.join(' ')).toBeGreaterThanOrEqual(3);
    }
  });

  it('are the same whatever the note says, in every format', async () => {
    for (const format of FORMATS) {
      const a = await report(NOTE_A, '--redact', ...format);
      const b = await report(NOTE_B, '--redact', ...format);
      expect(a.length, format.join(' ')).toBeGreaterThan(50);
      expect(a, format.join(' ')).toBe(b);
    }
  });

  it('contain no word of the note, and no date of an entry, in any format', async () => {
    for (const format of FORMATS) {
      const text = await report(NOTE_A, '--redact', ...format);
      for (const word of WORDS_OF_A) expect(text.toLowerCase(), `${format.join(' ')}: ${word}`).not.toContain(word.toLowerCase());
      expect(text, format.join(' ')).not.toMatch(/2026-03-1[45]|March 2026|entryDate/);
    }
  });

  it('still report every finding, at the same place', async () => {
    const plain = JSON.parse(await report(NOTE_A, '--format', 'json'));
    const redacted = JSON.parse(await report(NOTE_A, '--redact', '--format', 'json'));
    const where = (r: { messages: { ruleId: string; line: number; column: number }[] }[]) => r[0].messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`);
    expect(where(redacted)).toEqual(where(plain));
    expect(where(plain).length).toBeGreaterThanOrEqual(4);
  });

  it('keep Caselint’s own reasons for files it could not check, and withhold a finding with no redacted wording', () => {
    const [result] = redactResults([
      {
        filePath: '/x.md',
        messages: [
          { ruleId: null, severity: 'error', message: 'File not found.', fatal: true },
          { ruleId: 'opinion-as-fact', severity: 'warning', message: '"Zebedee" is…', line: 1, column: 1, endLine: 1, endColumn: 2, entryDate: '2026-01-01' },
        ],
      },
    ]);
    expect(result.messages).toEqual([
      { ruleId: null, severity: 'error', message: 'File not found.', fatal: true },
      { ruleId: 'opinion-as-fact', severity: 'warning', message: WITHHELD_MESSAGE, line: 1, column: 1, endLine: 1, endColumn: 2 },
    ]);
  });
});

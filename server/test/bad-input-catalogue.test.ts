/**
 * The bad-input catalogue, each input through all three ways in: the core (`lint`), the command
 * line (`caselint --format json` on a file holding the bytes) and the language server (the text an
 * editor would send, then a normal note to show the server is still serving).
 *
 * Every input must give a clear message or correct findings, never a crash, and finish within
 * BOUND_MS through each way in (the slowest, 10,000 nested block quotes, takes about 20 s on a
 * 2-core machine through the core; most take well under a second). Settings files that are not
 * valid JSON, have unknown keys or have values of the wrong type are at the end.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../src/core/lint';
import { decodeNote } from '../src/cli/decode';
import { run } from '../src/cli/run';
import type { JsonResult } from '../src/cli/formatters/json';
import { TestClient } from './lsp/client';

const BOUND_MS = 90_000;
const OPINION = 'Mum was hostile.';
const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16le(text: string, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    out[(bom ? 2 : 0) + i * 2] = text.charCodeAt(i) & 0xff;
    out[(bom ? 2 : 0) + i * 2 + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

interface Case {
  name: string;
  bytes: Uint8Array;
  /** What the command line must do: check it (exit 0 or 1), or refuse it with this message (exit 2). */
  cli: { checked: true } | { refused: RegExp };
  /** Findings the core must report for the decoded text (rule ids), when it can be decoded. */
  rules?: string[];
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...Array.from({ length: 2000 }, (_, i) => (i * 37) % 256)]);

const CATALOGUE: Case[] = [
  { name: 'an empty file', bytes: new Uint8Array(), cli: { checked: true }, rules: [] },
  { name: 'a binary file (an image named .md)', bytes: PNG, cli: { refused: /not a text file/ } },
  { name: 'invalid UTF-8', bytes: new Uint8Array([...utf8('Mum was '), 0xc3, 0x28, ...utf8(' hostile.\n')]), cli: { refused: /not saved as UTF-8/ } },
  { name: 'UTF-8 with a byte-order mark', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(`${OPINION}\n`)]), cli: { checked: true }, rules: ['opinion-as-fact'] },
  { name: 'a UTF-16 file', bytes: utf16le(`${OPINION}\n`), cli: { checked: true }, rules: ['opinion-as-fact'] },
  { name: 'a UTF-16 file cut short', bytes: utf16le(`${OPINION}\n`).subarray(0, 9), cli: { refused: /damaged or cut short/ } },
  { name: 'CRLF line endings', bytes: utf8(`## 01/03/2026 Visit\r\n\r\n${OPINION}\r\n`), cli: { checked: true }, rules: ['opinion-as-fact'] },
  { name: 'lone CR line endings', bytes: utf8(`## 01/03/2026 Visit\r\r${OPINION}\r`), cli: { checked: true }, rules: ['opinion-as-fact'] },
  { name: 'a 50 MB file', bytes: utf8(`${OPINION} `.repeat(3_200_000)), cli: { checked: true }, rules: ['file-too-large'] },
  { name: 'a 1 MB single line', bytes: utf8(`I visited at 10am and sat with Amy. `.repeat(29_000) + OPINION), cli: { checked: true } },
  { name: '10,000 nested list items', bytes: utf8(`${'- '.repeat(10_000)}item\n\n${OPINION}\n`), cli: { checked: true }, rules: ['opinion-as-fact'] },
  { name: '10,000 nested block quotes', bytes: utf8(`${'>'.repeat(10_000)} deep\n\n${OPINION}\n`), cli: { checked: true }, rules: ['opinion-as-fact'] },
  { name: 'broken front matter', bytes: utf8(`---\nchild: [Amy\n---\n\n${OPINION}\n`), cli: { checked: true }, rules: ['front-matter-unreadable', 'opinion-as-fact'] },
  { name: 'an unterminated code fence', bytes: utf8(`Dad was aggressive.\n\n\`\`\`\n${OPINION}\n`), cli: { checked: true }, rules: ['opinion-as-fact'] },
  { name: 'HTML blocks', bytes: utf8(`<div>\n${OPINION}\n</div>\n\nDad was aggressive.\n`), cli: { checked: true }, rules: ['opinion-as-fact'] },
  { name: 'a table', bytes: utf8(`| Date | Note |\n| --- | --- |\n| 01/03/2026 | ${OPINION} |\n`), cli: { checked: true }, rules: ['opinion-as-fact'] },
  { name: 'emoji and combining characters', bytes: utf8(`## 01/03/2026 Visit 🏠\n\nCafe\u0301 👩‍👧 trip. ${OPINION}\n`), cli: { checked: true }, rules: ['opinion-as-fact'] },
];

/** Only the rules these inputs are about, so the catalogue does not depend on other checks. */
const ABOUT = ['opinion-as-fact', 'file-too-large', 'front-matter-unreadable'];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'caselint-bad-input-'));
  writeFileSync(join(dir, '.caselintrc.json'), '{}');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function caselint(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { cwd: dir, env: {}, stdout: { write: (t: string) => (stdout += t), isTTY: false }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

describe('bad input through the core', () => {
  for (const c of CATALOGUE) {
    it(c.name, () => {
      const decoded = decodeNote(c.bytes);
      if (!decoded.ok) {
        expect('refused' in c.cli).toBe(true);
        return;
      }
      const findings = lint(decoded.text);
      for (const f of findings) {
        expect(f.startOffset).toBeGreaterThanOrEqual(0);
        expect(f.endOffset).toBeLessThanOrEqual(decoded.text.length);
        expect(f.startOffset).toBeLessThanOrEqual(f.endOffset);
      }
      if (c.rules) expect([...new Set(findings.map((f) => f.ruleId).filter((id) => ABOUT.includes(id)))].sort()).toEqual([...c.rules].sort());
      if (c.name.startsWith('emoji')) {
        const opinion = findings.find((f) => f.ruleId === 'opinion-as-fact')!;
        expect(decoded.text.slice(opinion.startOffset, opinion.endOffset)).toBe(OPINION);
      }
    }, BOUND_MS);
  }
});

describe('bad input through the command line', () => {
  CATALOGUE.forEach((c, i) => {
    it(c.name, async () => {
      const file = join(dir, `input-${i}.md`);
      writeFileSync(file, c.bytes);
      const { code, stdout, stderr } = await caselint('--format', 'json', '--jobs', '1', file);
      // JSON output is always a whole, parseable report, whatever the input.
      const [result] = JSON.parse(stdout) as JsonResult[];
      if ('refused' in c.cli) {
        expect(code).toBe(2);
        expect(JSON.stringify(result.messages)).toMatch(c.cli.refused);
      } else {
        expect([0, 1]).toContain(code);
        if (c.rules) expect([...new Set(result.messages.map((m) => m.ruleId).filter((id) => id && ABOUT.includes(id)))].sort()).toEqual([...c.rules].sort());
      }
      // Nothing from the note reaches the log.
      expect(stderr).not.toContain('hostile');
    }, BOUND_MS);
  });
});

describe('bad input through the language server', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = new TestClient({ rootPath: dir });
    await client.initialize();
  });
  afterAll(() => client.shutdown());

  CATALOGUE.forEach((c, i) => {
    it(c.name, async () => {
      // An editor sends text, never bytes: what it would show for this file.
      const decoded = decodeNote(c.bytes);
      const text = decoded.ok ? decoded.text : new TextDecoder('utf-8').decode(c.bytes);
      const uri = pathToFileURL(join(dir, `open-${i}.md`)).href;
      const diagnostics = await client.openAndWait(uri, text);
      for (const d of diagnostics) {
        expect(d.range.start.line).toBeGreaterThanOrEqual(0);
        expect(d.range.end.line).toBeLessThanOrEqual(text.split(/\r\n|\r|\n/).length);
      }
      if (decoded.ok && c.rules) expect([...new Set(diagnostics.map((d) => String(d.code)).filter((id) => ABOUT.includes(id)))].sort()).toEqual([...c.rules].sort());
      await client.close(uri);
      // Still serving: a normal note gets its finding.
      const next = pathToFileURL(join(dir, `after-${i}.md`)).href;
      expect((await client.openAndWait(next, `${OPINION}\n`)).map((d) => d.code)).toContain('opinion-as-fact');
      await client.close(next);
    }, BOUND_MS);
  });
});

describe('settings files that are wrong', () => {
  const SETTINGS: [string, string, RegExp][] = [
    ['not valid JSON', '{ "rules": { "opinion-as-fact": "error", } }', /:1:40: this is not valid JSON/],
    ['an unknown key', '{ "rulez": {} }', /"rulez" is not a Caselint setting/],
    ['a value of the wrong type', '{ "rules": { "opinion-as-fact": true } }', /"rules.opinion-as-fact" must be one of/],
    ['an unknown rule setting', '{ "options": { "opinion-as-fact": { "days": 3 } } }', /the rule opinion-as-fact has no settings/],
  ];
  for (const [name, content, message] of SETTINGS) {
    it(`the command line names the problem in one line and stops: ${name}`, async () => {
      const folder = mkdtempSync(join(dir, 'settings-'));
      writeFileSync(join(folder, '.caselintrc.json'), content);
      writeFileSync(join(folder, 'note.md'), `${OPINION}\n`);
      const { code, stderr } = await caselint('--format', 'json', folder);
      expect(code).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(message);
    });
  }
});

/**
 * Reusing analyses of unchanged sections and entries must never change a result: findings after
 * a run of edits (with warm caches) equal a fresh lint of the final text in a new process.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/core/lint';
import { setReuse } from '../src/core/reuse';

const dir = resolve(__dirname, '../../test-fixtures/corpus');
const core = resolve(__dirname, '../out/core.js');

function edits(text: string, seed: number): string[] {
  const out: string[] = [];
  let current = text;
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < 6; i++) {
    const at = Math.floor(next() * current.length);
    const kind = next();
    // Insert a sentence, delete a few characters, or add blank lines (which move findings without changing any words).
    if (kind < 0.4) current = current.slice(0, at) + ' Mum was hostile.' + current.slice(at);
    else if (kind < 0.7) current = current.slice(0, at) + current.slice(at + 5);
    else {
      const lineEnd = current.indexOf('\n', at);
      current = lineEnd < 0 ? current : current.slice(0, lineEnd) + '\n\n' + current.slice(lineEnd);
    }
    out.push(current);
  }
  return out;
}

describe('cached analysis', () => {
  it('gives the same findings as a fresh process after a run of edits', () => {
    const notes = readdirSync(dir).filter((n) => /^d.*\.md$/.test(n)).slice(0, 12).map((n) => readFileSync(join(dir, n), 'utf8'));
    const finals: string[] = [];
    const warm: unknown[] = [];
    notes.forEach((note, k) => {
      lint(note);
      const versions = edits(note, k + 1);
      versions.forEach((v) => lint(v));
      const last = versions[versions.length - 1];
      finals.push(last);
      warm.push(lint(last).map((f) => [f.ruleId, f.startOffset, f.endOffset, f.message]));
    });
    const script = `const {lint}=require(${JSON.stringify(core)});const texts=JSON.parse(require('fs').readFileSync(0,'utf8'));process.stdout.write(JSON.stringify(texts.map(t=>lint(t).map(f=>[f.ruleId,f.startOffset,f.endOffset,f.message]))))`;
    const fresh = JSON.parse(execFileSync(process.execPath, ['-e', script], { input: JSON.stringify(finals), encoding: 'utf8', maxBuffer: 1 << 26 }));
    expect(warm).toEqual(fresh);
  });

  it('gives the same findings, fixes included, with reuse turned off (as the command line runs)', () => {
    const notes = ['corpus', 'examples', 'messy', 'heldout'].flatMap((sub) => {
      const d = resolve(__dirname, '../../test-fixtures', sub);
      return readdirSync(d).filter((n) => n.endsWith('.md')).map((n) => readFileSync(join(d, n), 'utf8'));
    });
    expect(notes.length).toBeGreaterThan(50);
    // Each note twice with reuse on, so the second answer comes from the caches.
    const reused = notes.map((n) => (lint(n), lint(n)));
    setReuse(false);
    try {
      notes.forEach((n, i) => expect(lint(n)).toEqual(reused[i]));
    } finally {
      setReuse(true);
    }
  });
});

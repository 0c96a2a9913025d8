import { describe, expect, it } from 'vitest';
import { inShard, parseShard, shardOf } from './shard';

const files = Array.from({ length: 400 }, (_, i) => `/export/team-${i % 7}/child-${i}/record-${i}.md`);

describe('--shard K/N', () => {
  it('puts every file in exactly one of the N shares', () => {
    for (const count of [1, 2, 3, 8]) {
      for (const file of files) {
        const shares = Array.from({ length: count }, (_, i) => inShard(file, '/export', { index: i + 1, count })).filter(Boolean);
        expect(shares).toHaveLength(1);
      }
    }
  });

  it('splits files into shares of roughly equal size', () => {
    const sizes = [1, 2, 3, 4].map((index) => files.filter((f) => inShard(f, '/export', { index, count: 4 })).length);
    for (const size of sizes) expect(size).toBeGreaterThan(70);
    expect(sizes.reduce((a, b) => a + b)).toBe(400);
  });

  it('decides by the path relative to the working folder, so every machine agrees wherever the checkout is', () => {
    expect(shardOf('/home/ci/repo/notes/a.md', '/home/ci/repo', 5)).toBe(shardOf('/builds/x/notes/a.md', '/builds/x', 5));
  });

  it('keeps a file in its share when other files are added', () => {
    const before = files.map((f) => shardOf(f, '/export', 4));
    const after = [...files, '/export/new/one.md', '/export/new/two.md'].map((f) => shardOf(f, '/export', 4)).slice(0, files.length);
    expect(after).toEqual(before);
  });

  it('explains what is wrong with a malformed share', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    expect(parseShard('0/4')).toBe('The share (K in K/N) must be from 1 to 4.');
    expect(parseShard('5/4')).toBe('The share (K in K/N) must be from 1 to 4.');
    expect(parseShard('1/0')).toBe('The number of shares (N in K/N) must be 1 or more.');
    expect(parseShard('half')).toBe('Write it as K/N, for example 2/4 for the second of four shares.');
  });
});

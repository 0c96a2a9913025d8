/**
 * `--shard K/N`: this run checks only the K-th of N shares of the files, so a CI matrix or a batch
 * of indexed jobs can split a whole export between machines and `caselint merge` can put the
 * reports back together. A file's share is decided by its path alone, relative to the working
 * folder with forward slashes: the first four bytes of its SHA-256, as an unsigned big-endian
 * number, modulo N, plus 1. The same file therefore always lands in the same share whatever else
 * is added or removed, and every machine agrees without talking to the others, as long as each
 * runs from the same folder (the repository root). Shares are close to equal, not exactly equal.
 */
import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';

export interface Shard {
  /** 1-based: which share this run checks. */
  index: number;
  count: number;
}

/** Parses "K/N"; returns a reason in plain words when it is not usable. */
export function parseShard(value: string): Shard | string {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!match) return 'Write it as K/N, for example 2/4 for the second of four shares.';
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) return 'The number of shares (N in K/N) must be 1 or more.';
  if (index < 1 || index > count) return `The share (K in K/N) must be from 1 to ${count}.`;
  return { index, count };
}

/** Which share (1-based) a file belongs to, out of `count`. */
export function shardOf(path: string, cwd: string, count: number): number {
  const key = relative(cwd, path).split(sep).join('/');
  const digest = createHash('sha256').update(key, 'utf8').digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

export function inShard(path: string, cwd: string, shard: Shard): boolean {
  return shard.count === 1 || shardOf(path, cwd, shard.count) === shard.index;
}

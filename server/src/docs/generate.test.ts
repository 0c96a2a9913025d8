import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedDocs } from './generate';

const root = resolve(__dirname, '../../..');

describe('generated documentation', () => {
  it('matches the committed rule pages and README table (run `npm run docs` after changing a rule)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const [path, content] of generatedDocs(readme)) {
      expect(readFileSync(join(root, path), 'utf8'), path).toBe(content);
    }
  });
});

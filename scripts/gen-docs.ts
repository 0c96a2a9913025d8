// Writes the generated rule pages and README table. Run with `npm run docs`.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generatedDocs } from '../server/src/docs/generate';

const root = resolve(__dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
for (const [path, content] of generatedDocs(readme)) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
  console.log(`docs: wrote ${path}`);
}

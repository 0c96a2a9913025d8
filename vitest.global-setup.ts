/**
 * Builds the bundles once before any test runs, so end-to-end tests can spawn the real
 * `server/out/cli.js` (and later the language server) exactly as users run them.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('.', import.meta.url));
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
}

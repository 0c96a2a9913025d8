// Bundles the CLI, the language server and the VS Code client with esbuild.
// Each bundle is self-contained (no node_modules needed at run time), which keeps the .vsix small
// and lets `caselint` start quickly. Type-checking is separate: `npm run typecheck`.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  // Smaller bundles start faster and keep the .vsix small; source maps keep stack traces readable.
  minify: true,
  logLevel: 'warning',
  // Nothing here may reach the network; bundling keeps every dependency inside the project.
  legalComments: 'none',
  // Some ES-module dependencies (fdir, used by tinyglobby) call createRequire(import.meta.url) when
  // loaded; in a CommonJS bundle import.meta is empty, so give them this bundle's own URL.
  banner: { js: "const __caselintImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__caselintImportMetaUrl' },
};

const targets = [
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'server/out/cli.js' },
  // The pure core as a library, for the evaluation and benchmark scripts.
  { entryPoints: ['server/src/core/index.ts'], outfile: 'server/out/core.js' },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'server/out/server.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
];

for (const target of targets) await build({ ...common, ...target });

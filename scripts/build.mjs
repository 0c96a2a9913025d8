// Bundles the CLI, the language server and the VS Code client with esbuild.
// Each bundle is self-contained (no node_modules needed at run time), which keeps the .vsix small
// and lets `caselint` start quickly. Type-checking is separate: `npm run typecheck`.
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

/**
 * compromise merges its word lists into its model one key at a time with
 * `Object.assign(model, { [key]: value })`, a new object per word: about 60 ms of every start
 * (the language server, the command line and each of its worker threads). Plain assignment does
 * exactly the same to these plain data objects. The build stops if the code it expects has
 * changed, so an upgrade of compromise cannot silently drop or misapply this.
 */
const compromiseMerge = {
  name: 'compromise-merge',
  setup(b) {
    b.onLoad({ filter: /[\\/]compromise[\\/]src[\\/]API[\\/]extend\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const slow = ['if (!model[key]) Object.assign(model, { [key]: {} })', 'Object.assign(model, { [key]: plugin[key] })'];
      if (!slow.every((s) => source.split(s).length === 2)) throw new Error(`compromise's extend.js has changed; review the compromise-merge step in scripts/build.mjs (${args.path})`);
      return { contents: source.replace(slow[0], 'if (!model[key]) model[key] = {}').replace(slow[1], 'model[key] = plugin[key]'), loader: 'js' };
    });
  },
};

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
  plugins: [compromiseMerge],
};

const targets = [
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'server/out/cli.js' },
  // The pure core as a library, for the evaluation and benchmark scripts.
  { entryPoints: ['server/src/core/index.ts'], outfile: 'server/out/core.js' },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'server/out/server.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
];

for (const target of targets) await build({ ...common, ...target });

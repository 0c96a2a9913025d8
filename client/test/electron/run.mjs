// Bundles the VS Code desktop test (runTest.ts and the suite inside VS Code) with esbuild, then
// runs it. Run with `npm run test:electron`, which builds the extension first.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const outdir = fileURLToPath(new URL('../../out/test/electron/', import.meta.url));
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' };

await build({ ...common, entryPoints: [`${here}runTest.ts`], outfile: `${outdir}runTest.js` });
// `vscode` is provided by the editor that loads the suite.
await build({ ...common, entryPoints: [`${here}suite/index.ts`], outfile: `${outdir}suite/index.js`, external: ['vscode'] });

const { main } = await import(`${outdir}runTest.js`);
process.exitCode = await main();

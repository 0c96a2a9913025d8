// End-to-end test of the packaged extension in a real VS Code (code-server, VS Code 1.100) driven
// through Chromium by Playwright, the way a person uses it: open a case note, see the squiggle and
// the Problems entry, apply the quick fix, see the template text, then check the whole workspace.
// Run `npm run test:e2e`, which first sets up code-server and Chromium (scripts/e2e-setup.sh).
//
// Everything runs on loopback in throwaway folders (extensions, user data, workspace, config), so
// nothing on the machine is changed. Every wait is bounded; screenshots of each step go to
// test-results/e2e-*.png. Exits non-zero with a plain message on failure, and always stops
// code-server and the browser.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir, homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const e2eDir = process.env.CASELINT_E2E_DIR || join(homedir(), '.cache/caselint-e2e');
const codeServer = join(e2eDir, 'node_modules/.bin/code-server');
const chromiumPath = process.env.CASELINT_CHROMIUM || '/usr/bin/chromium';
const results = join(root, 'test-results');
const NOTE = 'home-visit.md';
/** A second case note the test never opens, found by the workspace check. */
const OTHER_NOTE = 'school-call.md';
const OPINION = 'The house was filthy.';
const FIX_TITLE = 'Mark as your professional judgement';

const started = Date.now();
const log = (message) => console.log(`e2e [${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

/** A failure a person can act on: the step that failed and what was expected. */
class StepFailed extends Error {}

async function step(name, timeoutMs, action) {
  log(name);
  try {
    return await action(timeoutMs);
  } catch (error) {
    throw new StepFailed(`${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `text` appears in the process's output; rejects if it exits or time runs out. */
function waitForOutput(child, text, timeoutMs) {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => done(new Error(`code-server did not say "${text}" within ${timeoutMs / 1000}s`)), timeoutMs);
    const onData = (chunk) => {
      seen = (seen + chunk.toString()).slice(-4000);
      if (seen.includes(text)) done();
    };
    const onExit = (code) => done(new Error(`code-server exited (code ${code}) before it was ready`));
    function done(error) {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.stderr.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    }
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', onExit);
  });
}

function packageExtension(scratch) {
  const vsix = join(scratch, 'caselint.vsix');
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return vsix;
}

/** Settings that keep welcome pages, tips and update checks out of the way of the test. */
function writeUserSettings(userData) {
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User/settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'security.workspace.trust.enabled': false,
      'chat.disableAIFeatures': true,
    }),
  );
}

async function run(scratch, cleanup) {
  mkdirSync(results, { recursive: true });
  const env = {
    ...process.env,
    // Keep code-server's and Chromium's own config and data inside the scratch folder.
    XDG_CONFIG_HOME: join(scratch, 'xdg-config'),
    XDG_DATA_HOME: join(scratch, 'xdg-data'),
    XDG_CACHE_HOME: join(scratch, 'xdg-cache'),
    // No extension gallery: code-server would otherwise query open-vsx.org, and tests stay on loopback.
    EXTENSIONS_GALLERY: '{}',
  };
  const extensions = join(scratch, 'extensions');
  const userData = join(scratch, 'user-data');
  const config = join(scratch, 'code-server.yaml');
  writeFileSync(config, 'auth: none\n');
  const workspace = join(scratch, 'workspace');
  cpSync(join(root, 'e2e/fixtures/workspace'), workspace, { recursive: true });
  writeUserSettings(userData);
  const noteLines = readFileSync(join(workspace, NOTE), 'utf8').split('\n');
  const opinionLine = noteLines.findIndex((l) => l.includes(OPINION)) + 1;

  const vsix = await step('packaging the extension', 0, () => packageExtension(scratch));
  await step('installing the .vsix into code-server', 0, () =>
    execFileSync(codeServer, ['--config', config, '--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', vsix], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 60_000,
    }),
  );

  const port = await freePort();
  const serverLog = createWriteStream(join(results, 'e2e-code-server.log'));
  const server = spawn(
    codeServer,
    [
      '--config', config, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--extensions-dir', extensions, '--user-data-dir', userData, workspace,
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // Stop code-server and everything it started (it leads its own process group): ask politely,
  // wait up to five seconds for the whole group to go, then force it, so nothing outlives the test.
  cleanup.push(async () => {
    const signal = (name) => {
      try {
        process.kill(-server.pid, name);
        return true;
      } catch {
        return false; // The group is gone.
      }
    };
    signal('SIGTERM');
    const deadline = Date.now() + 5_000;
    while (signal(0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    signal('SIGKILL');
  });
  server.stdout.pipe(serverLog);
  server.stderr.pipe(serverLog);
  await step(`starting code-server on 127.0.0.1:${port}`, 30_000, (t) => waitForOutput(server, 'HTTP server listening', t));

  const require = createRequire(join(e2eDir, 'package.json'));
  const { chromium } = require('playwright-core');
  const browser = await step('starting Chromium', 30_000, (timeout) =>
    chromium.launch({
      executablePath: chromiumPath,
      timeout,
      // Chromium's crash reporter writes under XDG_CONFIG_HOME even with a throwaway profile.
      env,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    }),
  );
  cleanup.push(() => browser.close().catch(() => undefined));
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const shot = (name) => page.screenshot({ path: join(results, `e2e-${name}.png`) }).catch(() => undefined);
  cleanup.push(() => (process.exitCode ? shot('failure') : undefined));

  await step('opening VS Code in the browser', 60_000, async (timeout) => {
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`, { timeout });
    await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout });
    // The explorer lists the workspace once the folder is open and the workbench is interactive.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: NOTE }).waitFor({ timeout });
  });

  const editor = page.locator('.editor-instance .monaco-editor').first();
  await step(`opening ${NOTE} with Quick Open (Ctrl+P)`, 30_000, async (timeout) => {
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } });
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout });
    await input.fill(NOTE);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: NOTE }).first().waitFor({ timeout });
    await page.keyboard.press('Enter');
    await editor.locator('.view-lines', { hasText: OPINION }).waitFor({ timeout });
  });

  await step('waiting for a Caselint squiggle in the editor', 60_000, (timeout) =>
    editor.locator('.squiggly-error, .squiggly-warning, .squiggly-info').first().waitFor({ state: 'attached', timeout }),
  );
  await step('checking the status bar counts the findings', 30_000, (timeout) =>
    page.locator('.statusbar-item', { hasText: /Caselint: \d+ (error|warning|suggestion)/ }).first().waitFor({ timeout }),
  );
  await shot('1-squiggle');

  await step('checking the Problems panel (Ctrl+Shift+M) lists the Caselint finding', 30_000, async (timeout) => {
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: /caselint/i }).first().waitFor({ timeout });
  });
  await shot('2-problems');

  await step(`opening the quick fixes (Ctrl+.) on line ${opinionLine}`, 30_000, async (timeout) => {
    // Clicking the text puts the cursor inside the finding; Ctrl+. then asks for its quick fixes.
    await editor.locator('.view-line', { hasText: OPINION }).locator('span', { hasText: 'filthy' }).last().click({ timeout });
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget .monaco-list-row', { hasText: FIX_TITLE }).first().waitFor({ timeout });
  });
  await shot('3-quick-fix-menu');

  await step('applying the template quick fix and finding its [placeholder] in the note', 30_000, async (timeout) => {
    // Choose the fix with the keyboard, as a person would: move down the menu until it is
    // highlighted, then press Enter. (A mouse click on the menu is intercepted by its hover layer.)
    const wanted = page.locator('.action-widget .monaco-list-row.focused', { hasText: FIX_TITLE });
    const rows = await page.locator('.action-widget .monaco-list-row').count();
    for (let i = 0; i < rows && !(await wanted.count()); i++) await page.keyboard.press('ArrowDown');
    await wanted.waitFor({ timeout: 2_000 });
    await page.keyboard.press('Enter');
    await editor.locator('.view-lines', { hasText: 'In my professional judgement, the house was filthy.' }).waitFor({ timeout });
    // A string, not a regular expression: Playwright normalises the editor's non-breaking spaces only for strings.
    await editor.locator('.view-lines', { hasText: '[what I saw, heard' }).waitFor({ timeout });
    // The unfilled placeholder is itself a finding, so the half-finished note still shows an error.
    await page.locator('.statusbar-item', { hasText: /Caselint: 1 error/ }).first().waitFor({ timeout });
  });
  await shot('4-after-fix');

  await step('running "Caselint: Check all case notes in this workspace" from the Command Palette', 30_000, async (timeout) => {
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout });
    await input.fill('>Caselint: Check all case notes');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Check all case notes in this workspace' }).first().waitFor({ timeout });
    await page.keyboard.press('Enter');
    await page.locator('.notifications-toasts', { hasText: 'Checked 2 case notes' }).waitFor({ timeout });
    // The note that was never opened now has its findings in the Problems panel too.
    await page.locator('.markers-panel .monaco-list-row', { hasText: OTHER_NOTE }).first().waitFor({ timeout });
  });
  await shot('5-workspace-check');

  await step('running "Caselint: Show case-file report" and reading the report in its tab', 60_000, async (timeout) => {
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout });
    await input.fill('>Caselint: Show case-file report');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show case-file report' }).first().waitFor({ timeout });
    await page.keyboard.press('Enter');
    await page.locator('.tab', { hasText: 'Case-file audit' }).waitFor({ timeout });
    // A webview is a page inside two frames: VS Code's host frame, then the report itself.
    const report = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await report.locator('h1').first().waitFor({ timeout });
    // What a supervisor sees: a bar per rule with findings, and a table row for each case note.
    const bars = await report.locator('#chart-rules rect').count();
    if (bars < 1) throw new Error(`the findings-per-rule chart has ${bars} bars`);
    const rows = await report.locator('#files-table tbody th').allTextContents();
    for (const name of [NOTE, OTHER_NOTE]) {
      if (!rows.some((row) => row.includes(name))) throw new Error(`the files table does not list ${name} (it lists: ${rows.join(', ')})`);
    }
    // The table sorts when its header is pressed, as in the report the command line writes.
    await report.getByRole('button', { name: 'File' }).click({ timeout });
    await report.locator('#sort-status', { hasText: 'Files sorted by file, A to Z.' }).waitFor({ timeout });
  });
  await shot('6-case-file-report');
  log(`passed in ${((Date.now() - started) / 1000).toFixed(0)}s; screenshots are in test-results/e2e-*.png`);
}

const scratch = mkdtempSync(join(tmpdir(), 'caselint-e2e-'));
const cleanup = [];
try {
  await run(scratch, cleanup);
} catch (error) {
  process.exitCode = 1;
  console.error(`\nThe end-to-end test failed while ${error instanceof StepFailed ? error.message : error?.stack ?? error}`);
  console.error('See test-results/e2e-failure.png and test-results/e2e-code-server.log.');
} finally {
  for (const undo of cleanup.reverse()) await undo();
  rmSync(scratch, { recursive: true, force: true });
}

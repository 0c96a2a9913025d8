#!/usr/bin/env node
// npm run bench: the speed figures issue #5 asks for, as medians (min–max) over repeated runs,
// with ratios to baselines measured in the same run. Inputs are built from the bundled notes:
//   - a typical note of about 1,500 words (a few corpus notes joined as entries of one record);
//   - a running record of about 20,000 words with about 70 dated entries;
//   - a folder of 1,000 notes (the corpus copied 25 times) in a temporary folder, removed after.
// `npm run bench -- server` runs only the language-server figures, `-- cli` only the command line's.
// Nothing here touches the network; the language server is spawned on stdio.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');
const corpusDir = join(root, 'test-fixtures/corpus');
const notes = readdirSync(corpusDir).filter((n) => /^d.*\.md$/.test(n)).map((n) => readFileSync(join(corpusDir, n), 'utf8'));
const words = (t) => t.split(/\s+/).filter(Boolean).length;
const body = (t) => t.replace(/^---[\s\S]*?\n---\n/, '');

/** Paragraphs of the corpus, to build entries of a few hundred words each. */
const paragraphs = notes.flatMap((n) => body(n).split(/\n\s*\n/)).filter((p) => !/^\s*(?:#|\||---)/.test(p) && words(p) > 15);

function record(targetWords, salt = '') {
  const parts = ['---', 'child: Jamie K. (7)', 'record_type: Running record', '---', '', '# Running record — Jamie K.', ''];
  let day = 0;
  let p = 0;
  while (words(parts.join('\n')) < targetWords) {
    const d = new Date(Date.UTC(2025, 0, 1 + 3 * day++));
    parts.push(`## ${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()} Home visit`, '');
    for (let k = 0; k < 3; k++) parts.push(paragraphs[p++ % paragraphs.length] + salt, '');
  }
  return parts.join('\n');
}

const typical = record(1500);
const running = record(20000);

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return { median, min: sorted[0], max: sorted[sorted.length - 1], count: sorted.length };
}
const fmt = (s, unit = 'ms') => `${s.median.toFixed(1)} ${unit} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;

/** A minimal LSP client over stdio that resolves when diagnostics for a uri and version arrive. */
function startServer() {
  const child = spawn(process.execPath, [join(root, 'server/out/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let buffer = Buffer.alloc(0);
  const waiters = [];
  let nextId = 1;
  const pending = new Map();
  child.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const header = buffer.indexOf('\r\n\r\n');
      if (header < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.slice(0, header).toString())[1]);
      if (buffer.length < header + 4 + length) return;
      const message = JSON.parse(buffer.slice(header + 4, header + 4 + length).toString());
      buffer = buffer.slice(header + 4 + length);
      if (message.method === 'textDocument/publishDiagnostics') {
        for (const w of [...waiters]) if (w.uri === message.params.uri && w.version === message.params.version) { waiters.splice(waiters.indexOf(w), 1); w.resolve(); }
      } else if (message.method === 'workspace/configuration') {
        send({ jsonrpc: '2.0', id: message.id, result: message.params.items.map(() => ({})) });
      } else if (message.id !== undefined && pending.has(message.id)) {
        pending.get(message.id)(message.result);
        pending.delete(message.id);
      } else if (message.id !== undefined && message.method) {
        send({ jsonrpc: '2.0', id: message.id, result: null });
      }
    }
  });
  const send = (m) => {
    const s = JSON.stringify(m);
    child.stdin.write(`Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`);
  };
  const request = (method, params) => new Promise((res) => { const id = nextId++; pending.set(id, res); send({ jsonrpc: '2.0', id, method, params }); });
  const notify = (method, params) => send({ jsonrpc: '2.0', method, params });
  const diagnostics = (uri, version) => new Promise((res) => waiters.push({ uri, version, resolve: res }));
  return { child, request, notify, diagnostics };
}

function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024;
}

/** A fresh server from spawn to the first note's diagnostics; returns it ready for more. */
async function startAndOpen(folder) {
  const t0 = performance.now();
  const server = startServer();
  await server.request('initialize', { processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } } });
  server.notify('initialized', {});
  const firstUri = pathToFileURL(join(folder, 'first.md')).href;
  const first = server.diagnostics(firstUri, 1);
  server.notify('textDocument/didOpen', { textDocument: { uri: firstUri, languageId: 'markdown', version: 1, text: typical } });
  await first;
  return { server, ms: performance.now() - t0 };
}

async function stopServer(server) {
  await server.request('shutdown');
  server.notify('exit');
  await new Promise((res) => (server.child.exitCode !== null ? res() : server.child.once('exit', res)));
}

async function serverFigures(folder) {
  const results = {};
  // Start-up is timed over several fresh servers, one at a time.
  const starts = [];
  for (let i = 0; i < 6; i++) {
    const { server: s, ms } = await startAndOpen(folder);
    starts.push(ms);
    await stopServer(s);
  }
  const { server, ms } = await startAndOpen(folder);
  starts.push(ms);
  results.fromStart = stats(starts);

  const opens = [];
  for (let i = 0; i < 15; i++) {
    const uri = pathToFileURL(join(folder, `open-${i}.md`)).href;
    const text = typical.replace('Jamie', `Jamie${i}`);
    const t = performance.now();
    const done = server.diagnostics(uri, 1);
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await done;
    opens.push(performance.now() - t);
  }
  results.open = stats(opens);

  for (const [name, text] of [['typical', typical], ['running', running]]) {
    const uri = pathToFileURL(join(folder, `${name}.md`)).href;
    let version = 1;
    let current = text;
    const opened = server.diagnostics(uri, version);
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    await opened;
    const latencies = [];
    for (let i = 0; i < 40; i++) {
      // One character typed at a spread of places, as an isolated edit (no bursts to hide behind).
      const at = Math.floor(((i * 7919) % 997) / 997 * current.length);
      const line = current.slice(0, at).split('\n').length - 1;
      const character = at - current.lastIndexOf('\n', at - 1) - 1;
      current = current.slice(0, at) + 'x' + current.slice(at);
      version++;
      const t = performance.now();
      const done = server.diagnostics(uri, version);
      server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }] });
      await done;
      latencies.push(performance.now() - t);
    }
    results[name] = stats(latencies);
  }

  for (let i = 15; i < 40; i++) {
    const uri = pathToFileURL(join(folder, `open-${i}.md`)).href;
    const done = server.diagnostics(uri, 1);
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: notes[i % notes.length] } });
    await done;
  }
  results.rss40 = rssOf(server.child.pid);
  await stopServer(server);
  return results;
}

function timeCommand(args, cwd) {
  const t = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t;
  const rssKb = Number(run.stderr.trim().split('\n').pop());
  return { ms, rssMb: rssKb / 1024, status: run.status };
}

/** `npm run bench -- server` or `-- cli` runs one half; with no argument, both. */
const part = process.argv[2];
if (part && part !== 'server' && part !== 'cli') {
  console.error('usage: npm run bench [-- server | cli]');
  process.exit(2);
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'caselint-bench-'));
  try {
    const folder = join(work, 'notes');
    mkdirSync(folder);
    writeFileSync(join(folder, '.caselintrc.json'), '{}');
    const many = join(work, 'many');
    mkdirSync(many);
    const files = [];
    for (let i = 0; i < 1000; i++) {
      const path = join(many, `note-${String(i).padStart(4, '0')}.md`);
      // Every note differs, so nothing is answered from a cache a real export would not hit.
      writeFileSync(path, notes[i % notes.length].replace(/\.(\s)/g, (m, space) => ` (${i}).${space}`));
      files.push(path);
    }
    console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`);
    console.log(`Inputs: typical note ${words(typical)} words; running record ${words(running)} words, ${(running.match(/^## /gm) ?? []).length} dated entries; folder of ${files.length} notes (${files.reduce((n, f) => n + words(readFileSync(f, 'utf8')), 0)} words).`);

    if (part !== 'cli') {
      const server = await serverFigures(folder);
      console.log('\nLanguage server (stdio)');
      console.log(`  one-character didChange → publishDiagnostics, typical note:    ${fmt(server.typical)}   target ≤ 15 ms`);
      console.log(`  one-character didChange → publishDiagnostics, running record:  ${fmt(server.running)}   target ≤ 50 ms`);
      console.log(`  didOpen of the typical note → first diagnostics (running server): ${fmt(server.open)}   target ≤ 100 ms`);
      console.log(`  server start → first diagnostics for the typical note:          ${fmt(server.fromStart)}   target ≤ 1000 ms (${server.fromStart.count} fresh servers)`);
      console.log(`  peak memory with 40 notes open:                                  ${server.rss40.toFixed(0)} MB RSS   target ≤ 200 MB`);
    }
    if (part === 'server') return;

    // remark-parse alone over the same files, in its own process, as the baseline.
    const remarkScript = `const {unified}=require(${JSON.stringify(require.resolve('unified'))});` +
      `const rp=require(${JSON.stringify(require.resolve('remark-parse'))}).default;` +
      `const fs=require('fs');const p=unified().use(rp);for(const f of fs.readdirSync(process.argv[1]))if(f.endsWith('.md'))p.parse(fs.readFileSync(process.argv[1]+'/'+f,'utf8'));`;
    const alexScript = `import(${JSON.stringify(pathToFileURL(require.resolve('alex')).href)}).then(({markdown})=>{const fs=require('fs');for(const f of fs.readdirSync(process.argv[1]))if(f.endsWith('.md'))markdown(fs.readFileSync(process.argv[1]+'/'+f,'utf8'));})`;
    // The three are interleaved, so a burst of other load on the machine falls on all of them alike,
    // and each ratio is taken within a round (a Caselint run and the baseline runs beside it).
    const ROUNDS = 5;
    const runs = { cli: [], remark: [], alex: [] };
    for (let i = 0; i < ROUNDS; i++) {
      runs.cli.push(timeCommand([join(root, 'server/out/cli.js'), '--format', 'json', many], work));
      runs.remark.push(timeCommand(['-e', remarkScript, many], work));
      runs.alex.push(timeCommand(['-e', alexScript, many], work));
    }
    const cli = stats(runs.cli.map((r) => r.ms));
    const cliRss = Math.max(...runs.cli.map((r) => r.rssMb));
    const remark = stats(runs.remark.map((r) => r.ms));
    const alex = stats(runs.alex.map((r) => r.ms));

    console.log('\nCommand line on the folder of 1,000 notes (wall time, whole process)');
    console.log(`  caselint --format json:   ${fmt(cli)}   peak ${cliRss.toFixed(0)} MB RSS`);
    console.log(`  remark-parse alone:       ${fmt(remark)}`);
    console.log(`  alex (markdown API):      ${fmt(alex)}`);
    const paired = (base) => stats(runs.cli.map((r, i) => r.ms / runs[base][i].ms));
    const ratio = (s) => `${s.median.toFixed(2)}x (${s.min.toFixed(2)}–${s.max.toFixed(2)} over ${s.count} rounds)`;
    console.log(`  ratio caselint / remark-parse: ${ratio(paired('remark'))}   target ≤ 4x`);
    console.log(`  ratio caselint / alex:         ${ratio(paired('alex'))}   (below 1 means Caselint is faster)`);

    // Where the time goes: the shared analysis and each rule, over the same notes in this process.
    const core = require(join(root, 'server/out/core.js'));
    core.setReuse(false);
    const share = { analysis: 0 };
    for (const path of files) {
      let t = performance.now();
      const note = core.analyse(readFileSync(path, 'utf8'));
      share.analysis += performance.now() - t;
      for (const rule of core.ruleList) {
        const options = Object.fromEntries(Object.entries(rule.options ?? {}).map(([k, o]) => [k, o.default]));
        t = performance.now();
        rule.check({ note, lexicon: rule.lexicon, options });
        share[rule.id] = (share[rule.id] ?? 0) + performance.now() - t;
      }
    }
    const total = Object.values(share).reduce((a, b) => a + b, 0);
    console.log(`\nWhere the checking time goes on the 1,000 notes (one thread, ${(total / 1000).toFixed(1)} s in all)`);
    for (const [id, ms] of Object.entries(share).sort((a, b) => b[1] - a[1])) {
      console.log(`  ${id.padEnd(28)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${((100 * ms) / total).toFixed(0).padStart(3)}%`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();

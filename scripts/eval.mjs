#!/usr/bin/env node
// Measures the checks on annotated case notes. Every figure is computed by score.mjs (a copy of
// the team's shared scorer), exactly as it is for notes we never see.
//
//   npm run eval                 # every annotated set, one table: precision, recall and F1 per rule
//   npm run eval -- DIR [--verbose] [--rules a,b] [--file-level a] [--min-rule-f1 0.9] [--report out.json]
//
// The sets: test-fixtures/corpus (development notes for the four core checks), heldout, heldout2
// and heldout3 (written from the annotation guide by people who had not seen the checker), and, for
// each further check, test-fixtures/extra/<rule> (written alongside the rule) and
// test-fixtures/extra-heldout/<rule> (written from the guide alone).
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');
const { lint, toOneBased } = require(join(root, 'server/out/core.js'));
const scorer = join(root, 'scripts/score.mjs');
/** Checks whose findings are about a whole file, scored anywhere in it. */
const FILE_LEVEL = ['absent-father'];

/** Lints every note of a folder with the built-in settings and writes the ESLint-style report. */
function writeReport(corpus, reportAt) {
  const report = [];
  for (const name of readdirSync(corpus).sort()) {
    if (!name.endsWith('.md') || /^[A-Z]+\.md$/.test(name)) continue;
    const text = readFileSync(join(corpus, name), 'utf8');
    const messages = lint(text).map((f) => {
      const start = toOneBased(f.range.start);
      const end = toOneBased(f.range.end);
      return { ruleId: f.ruleId, severity: f.severity === 'error' ? 2 : 1, message: f.message, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    });
    report.push({ filePath: join(corpus, name), messages });
  }
  mkdirSync(dirname(reportAt), { recursive: true });
  writeFileSync(reportAt, JSON.stringify(report, null, 1));
}

function scoreArgs(rule) {
  if (!rule) return [];
  return ['--rules', rule, ...(FILE_LEVEL.includes(rule) ? ['--file-level', rule] : [])];
}

function one(argv) {
  const value = (flag) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const takesValue = new Set(['--report', '--rules', '--file-level', '--min-rule-f1', '--min-f1']);
  const corpus = resolve(argv.find((a, i) => !a.startsWith('--') && !takesValue.has(argv[i - 1])));
  const reportAt = value('--report') ?? join(root, 'test-results/eval-report.json');
  writeReport(corpus, reportAt);
  const passOn = argv.filter((a, i) => a.startsWith('--') && a !== '--report' && argv[i - 1] !== '--report').flatMap((a) => {
    return takesValue.has(a) ? [a, value(a)] : [a];
  });
  try {
    execFileSync(process.execPath, [scorer, corpus, reportAt, ...passOn], { stdio: 'inherit' });
  } catch (error) {
    process.exit(error.status ?? 1);
  }
}

function sets() {
  const out = [];
  for (const name of ['corpus', 'heldout', 'heldout2', 'heldout3']) {
    const dir = join(root, 'test-fixtures', name);
    if (existsSync(dir)) out.push({ dir, label: name === 'corpus' ? 'development' : `held-out (${name})` });
  }
  for (const [folder, label] of [['extra', 'development'], ['extra-heldout', 'held-out']]) {
    const base = join(root, 'test-fixtures', folder);
    if (!existsSync(base)) continue;
    for (const rule of readdirSync(base).sort()) {
      if (statSync(join(base, rule)).isDirectory()) out.push({ dir: join(base, rule), label, rule });
    }
  }
  return out;
}

function all() {
  const pct = (x) => `${(100 * x).toFixed(1)}%`.padStart(7);
  const rows = [];
  for (const set of sets()) {
    const reportAt = join(root, 'test-results/eval', `${relative(join(root, 'test-fixtures'), set.dir).replace(/[\\/]/g, '-')}.json`);
    writeReport(set.dir, reportAt);
    const json = execFileSync(process.execPath, [scorer, set.dir, reportAt, '--json', ...scoreArgs(set.rule)], { encoding: 'utf8' });
    const notes = readdirSync(set.dir).filter((n) => n.endsWith('.md') && !/^[A-Z]+\.md$/.test(n)).length;
    for (const [rule, t] of Object.entries(JSON.parse(json).rules)) rows.push({ rule, set: `${set.label}, ${notes} notes`, ...t });
  }
  rows.sort((a, b) => a.rule.localeCompare(b.rule));
  console.log(`${'rule'.padEnd(28)} ${'notes'.padEnd(28)} expected reported    hit precision  recall      F1`);
  for (const r of rows) {
    console.log(`${r.rule.padEnd(28)} ${r.set.padEnd(28)} ${String(r.expected).padStart(8)} ${String(r.reported).padStart(8)} ${String(r.hit).padStart(6)}   ${pct(r.precision)} ${pct(r.recall)} ${pct(r.f1)}`);
  }
  console.log('\nReports are in test-results/eval/. For one set with every miss and extra: npm run eval -- DIR --verbose [--rules RULE]');
}

const argv = process.argv.slice(2);
if (argv.some((a) => !a.startsWith('--'))) one(argv);
else all();

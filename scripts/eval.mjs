#!/usr/bin/env node
// Measures the checks on annotated case notes: lints every NAME.md in a corpus folder with the
// core, writes the ESLint-style report, and scores it with score.mjs (a copy of the team's shared
// scorer, so the figures are computed exactly as they are for notes we never see).
//
//   npm run eval                          # test-fixtures/corpus (the development corpus)
//   npm run eval -- DIR [--verbose] [--rules a,b] [--min-rule-f1 0.9] [--report out.json]
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');
const { lint, toOneBased } = require(join(root, 'server/out/core.js'));

const argv = process.argv.slice(2);
const corpus = resolve(argv.find((a) => !a.startsWith('--') && !/^\d/.test(a) && !a.includes(',') && argv[argv.indexOf(a) - 1] !== '--report') ?? join(root, 'test-fixtures/corpus'));
const reportAt = argv.includes('--report') ? argv[argv.indexOf('--report') + 1] : join(root, 'test-results/eval-report.json');

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
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
mkdirSync(dirname(reportAt), { recursive: true });
writeFileSync(reportAt, JSON.stringify(report, null, 1));
const passOn = argv.filter((a, i) => a.startsWith('--') && a !== '--report' && argv[i - 1] !== '--report').flatMap((a) => {
  const i = argv.indexOf(a);
  return ['--verbose', '--json'].includes(a) ? [a] : [a, argv[i + 1]];
});
try {
  execFileSync(process.execPath, [join(root, 'scripts/score.mjs'), corpus, reportAt, ...passOn], { stdio: 'inherit' });
} catch (error) {
  process.exit(error.status ?? 1);
}

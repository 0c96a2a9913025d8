#!/usr/bin/env node
// Prints each finding with the words of the sentence it is about, for working on the rules.
// Local use only: this prints note text, so never run it on real records in shared logs.
//   node scripts/explain.mjs FILE.md [RULE]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { lint } = require('../server/out/core.js');
const [file, rule] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
for (const f of lint(text)) {
  if (rule && f.ruleId !== rule) continue;
  console.log(`${f.range.start.line + 1} ${f.ruleId}: ${text.slice(f.startOffset, f.endOffset).slice(0, 160)}\n    -> ${f.message.slice(0, 150)}`);
}

// Writes casenote.injection.tmLanguage.json from casenote-grammar.ts. Run with `npm run grammar`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseNoteGrammarJson } from './casenote-grammar';

const path = join(__dirname, 'casenote.injection.tmLanguage.json');
writeFileSync(path, caseNoteGrammarJson());
console.log('grammar: wrote grammars/casenote.injection.tmLanguage.json');

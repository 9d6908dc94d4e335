import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileLexicon, COMPILED_LEXICON_FILE } from './lexicon.js';

/** Build step: writes the compiled lexicon beside the compiled library (see loadLexicon). */
const target = fileURLToPath(new URL(`../data/${COMPILED_LEXICON_FILE}`, import.meta.url));
writeFileSync(target, compileLexicon());
process.stdout.write(`compiled lexicon: ${target}\n`);

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  compileCounterpartMap,
  compileLexicon,
  COMPILED_COUNTERPARTS_FILE,
  COMPILED_LEXICON_FILE,
} from './lexicon.js';

/** Build step: writes the compiled lexicon and counterparts beside the compiled library. */
for (const [name, compile] of [
  [COMPILED_LEXICON_FILE, compileLexicon],
  [COMPILED_COUNTERPARTS_FILE, compileCounterpartMap],
] as const) {
  const target = fileURLToPath(new URL(`../data/${name}`, import.meta.url));
  writeFileSync(target, compile());
  process.stdout.write(`compiled ${name}: ${target}\n`);
}

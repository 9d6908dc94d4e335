import { STOP_WORDS } from './stop-words.js';
import { analyzeWord } from './word-analysis.js';

let stopTerms: ReadonlySet<string> | undefined;

/**
 * True for the analyzed term of a Russian or English stop word ("ее" gives `е`): for stored
 * terms, whose stop flag is gone. Such a term says nothing about a text, so it has no
 * counterparts and makes no keyword.
 */
export function isStopTerm(term: string): boolean {
  stopTerms ??= new Set(
    [...STOP_WORDS.ru, ...STOP_WORDS.en].flatMap((word) => analyzeWord(word)?.term ?? []),
  );
  return stopTerms.has(term);
}

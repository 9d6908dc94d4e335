import { analyzeTerms } from '@lib/text-analysis';

/** Translations kept per headword: reciprocal ones first, then sense order. */
export const TRANSLATIONS_PER_HEADWORD = 4;
/** Translations considered per headword before ranking. */
const CANDIDATES = 8;
/** Headwords of up to this many words: single words and two-word phrases are looked up. */
const MAX_HEADWORD_WORDS = 2;
const MAX_TRANSLATION_WORDS = 3;
/** Headwords and translations are words: letters and marks, joined by spaces, hyphens, apostrophes. */
const WORDLIKE = /^\p{L}[\p{L}\p{M}]*(?:[' -]\p{L}[\p{L}\p{M}]*)*$/u;

type Dictionary = Map<string, string[]>;

/** Parses a WikDict TSV (headword, tab, translations joined by '|'), dropping non-words. */
export function parseWikdict(tsv: string): Dictionary {
  const dictionary: Dictionary = new Map();
  for (const row of tsv.split('\n')) {
    const tab = row.indexOf('\t');
    if (tab <= 0) continue;
    const headword = row.slice(0, tab).trim().toLowerCase();
    if (!WORDLIKE.test(headword) || headword.split(/[ -]/).length > MAX_HEADWORD_WORDS) continue;
    const translations: string[] = [];
    for (const raw of row.slice(tab + 1).split('|')) {
      const translation = raw.trim().toLowerCase();
      if (!WORDLIKE.test(translation) || translations.includes(translation)) continue;
      if (translation.split(' ').length > MAX_TRANSLATION_WORDS) continue;
      translations.push(translation);
      if (translations.length === CANDIDATES) break;
    }
    if (translations.length > 0) dictionary.set(headword, translations);
  }
  return dictionary;
}

/**
 * The lookup key of a headword or of query words: their analyzed terms ("meetings" and
 * "meeting" both give `meet`, "prime minister" gives `prime minist`).
 */
export function lexiconKey(words: string): string {
  return analyzeTerms(words.replace(/-/g, ' ')).join(' ');
}

/**
 * The ways a dictionary's words may stand in text. The dictionary writes names in lower case
 * («киев», «лавров»), but written as names, words in -ов and -ев analyze to terms of their own
 * (text-analysis' russianNameTerm: `киев`, where «киев» gives `ки`); both forms are entered.
 */
export function writtenForms(words: string): string[] {
  const capitalized = words.replace(
    /(^|[\s-])(\p{Ll})/gu,
    (_match, before: string, letter: string) => `${before}${letter.toUpperCase()}`,
  );
  return lexiconKey(capitalized) === lexiconKey(words) ? [words] : [words, capitalized];
}

/**
 * Orders a headword's translations by how central each is in both directions: its place in
 * the headword's senses plus the headword's place among its own translations back (absent
 * counts as last). The lexicon's sense order alone puts "подходящий" first for "meet" and
 * "платный" for "pay"; "встречать" and "платить" translate back to them first.
 */
function rankTranslations(headword: string, translations: string[], reverse: Dictionary): string[] {
  const score = (translation: string, index: number): number => {
    const back = reverse.get(translation)?.indexOf(headword) ?? -1;
    return index + (back < 0 ? CANDIDATES : back);
  };
  return translations
    .map((translation, index) => ({ translation, score: score(translation, index), index }))
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .slice(0, TRANSLATIONS_PER_HEADWORD)
    .map((entry) => entry.translation);
}

/**
 * Compiles one direction to lines of `key \t headword \t translation|translation|…`, sorted by
 * key, for a fast start-up (analyzing 170,000 headwords takes seconds; reading these lines a
 * fraction of one).
 */
export function compileDirection(forward: Dictionary, reverse: Dictionary): string {
  const lines: string[] = [];
  for (const [headword, translations] of forward) {
    const ranked = rankTranslations(headword, translations, reverse).join('|');
    for (const form of writtenForms(headword)) {
      const key = lexiconKey(form);
      if (key !== '') lines.push(`${key}\t${headword}\t${ranked}`);
    }
  }
  return lines.sort().join('\n');
}

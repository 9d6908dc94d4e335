import { isAcronym, type Token } from '@lib/text-analysis';
import type { CrossLingualResources } from './cross-lingual-resources.js';
import type { LexiconLanguage } from './language.js';
import { isCapitalized, languageOf } from './query-words.js';

/** English endings of inflected forms ("laments" of "lament", "studies" of "study"). */
const ENGLISH_ENDINGS: ReadonlySet<string> = new Set([
  '',
  's',
  'es',
  'ed',
  'd',
  'ing',
  'er',
  'ers',
  'est',
  'ly',
  'ies',
  'ied',
  "'s",
]);

/**
 * True when a word is a form of a headword sharing its stem: any Russian one (the stemmer took
 * an ending off), an English one by a regular ending ("biden" is no form of "bide").
 */
function isInflection(written: string, headword: string, language: LexiconLanguage): boolean {
  if (language === 'ru') return true;
  let common = 0;
  while (common < written.length && written[common] === headword[common]) common++;
  const dropped = headword.slice(common);
  return (
    (dropped === '' || dropped === 'e' || dropped === 'y') &&
    ENGLISH_ENDINGS.has(written.slice(common))
  );
}

/**
 * How the common-word lexicon reads a word: not at all; as another word sharing its stem
 * ("biden" as "bide"); as a form of a headword («путин» of "путина", "laments"); as exactly a
 * headword; or as a headword that means the name itself (WikDict's "biden" is "байден").
 */
type CommonReading = 'none' | 'other-word' | 'form' | 'exact' | 'the-name';

function commonReading(token: Token, resources: CrossLingualResources): CommonReading {
  const language = languageOf(token);
  if (language === null) return 'none';
  const written = token.surface.toLowerCase();
  const entry = resources.lexicon[language].entry(token.term, written);
  if (entry === undefined) return 'none';
  if (entry.headword !== written)
    return isInflection(written, entry.headword, language) ? 'form' : 'other-word';
  const other = language === 'en' ? 'ru' : 'en';
  const spellings = new Set(
    resources.names.translations(token.term, other).map((t) => t.toLowerCase()),
  );
  return entry.translations.some((t) => spellings.has(t)) ? 'the-name' : 'exact';
}

/**
 * True when the query uses a word as a name: an acronym; a word the names lexicon knows,
 * unless the common-word lexicon has that very spelling as another word and the reader wrote
 * it in lower case or in a title, where every word is capitalized ("путина" is a fishing
 * season, «Путина» and «путин» the president); a capitalized word the common-word lexicon
 * does not know ("Tillerson"; "Biden", where it knows only "bide"). Being first says nothing:
 * queries are not sentences.
 */
export function isName(
  token: Token,
  titleCase: boolean,
  resources: CrossLingualResources,
): boolean {
  if (languageOf(token) === null) return false;
  if (isAcronym(token.surface)) return true;
  const reading = commonReading(token, resources);
  const capitalized = isCapitalized(token.surface);
  if (resources.names.knows(token.surface, token.term))
    return reading !== 'exact' || (capitalized && !titleCase);
  return capitalized && (reading === 'none' || reading === 'other-word');
}

/** The common-word lexicon's translations of a word, to rank its name's spellings there. */
export function commonSenses(token: Token, resources: CrossLingualResources): string[] {
  const language = languageOf(token);
  if (language === null) return [];
  return resources.lexicon[language].lookup(token.term, token.surface.toLowerCase());
}

/** Every content word capitalized ("Joe Biden Laments Failure"): capitals say nothing then. */
export function isTitleCase(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => languageOf(t) !== null);
  return words.length >= 3 && words.every((t) => isCapitalized(t.surface));
}

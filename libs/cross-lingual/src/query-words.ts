import type { Token } from '@lib/text-analysis';
import type { LexiconLanguage } from './language.js';

/** The language of a word of a query, or null for a number or another script. */
export function languageOf(token: Token): LexiconLanguage | null {
  if (token.script === 'cyrillic') return 'ru';
  if (token.script === 'latin') return 'en';
  return null;
}

/** The other language than a word's. */
export function otherLanguage(token: Token): LexiconLanguage {
  return languageOf(token) === 'en' ? 'ru' : 'en';
}

/** True when a word as written starts with a capital letter. */
export function isCapitalized(surface: string): boolean {
  const first = surface.charAt(0);
  return first !== first.toLowerCase();
}

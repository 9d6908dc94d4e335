import { countScripts } from './script.js';

/** The language of a text as the analyzer sees it. */
export type TextLanguage = 'ru' | 'en' | 'mixed' | 'unknown';

/** Share of letters one script must hold for the text to count as that language. */
const DOMINANT_SHARE = 0.8;
/** Fewer letters than this carry no reliable signal. */
const MIN_LETTERS = 3;

/**
 * The language of `text` from the share of its letters per script: Cyrillic means Russian,
 * Latin means English (the two languages of the corpus). Texts whose letters are mostly of
 * another script, or too short, are `unknown`; texts with both, `mixed`.
 */
export function detectLanguage(text: string): TextLanguage {
  const { cyrillic, latin, other } = countScripts(text);
  const letters = cyrillic + latin + other;
  if (letters < MIN_LETTERS) return 'unknown';
  if (cyrillic / letters >= DOMINANT_SHARE) return 'ru';
  if (latin / letters >= DOMINANT_SHARE) return 'en';
  if ((cyrillic + latin) / letters < 0.5) return 'unknown';
  return 'mixed';
}

import { analyze, detectLanguage } from '@lib/text-analysis';

/** A block of a scraped page with the features the classifier uses. */
export interface Paragraph {
  index: number;
  text: string;
  words: number;
  /** Share of words that are stop words of the paragraph's language. */
  stopDensity: number;
  /** Share of characters typical of program code ({}();=<>[]|$\). */
  codeDensity: number;
  /** Ends like a sentence (. ! ? … possibly followed by quotes or brackets). */
  endsSentence: boolean;
  /** Holds at least one sentence end anywhere; headlines and menu items hold none. */
  hasSentence: boolean;
  /** Holds a photo or copyright credit (©, "Фото:", "Photo:"). */
  isCredit: boolean;
  lang: 'ru' | 'en' | 'mixed' | 'unknown';
  /** Distinct stems of content words, for topical overlap with the title. */
  stems: Set<string>;
}

const CODE_CHARS = /[{}();=<>[\]|$\\]/g;
const SENTENCE_END = /[.!?…][»"”'’)\]]*$/;
const SENTENCE_INSIDE = /[\p{L}\p{N}»"”'’)\]][.!?…][»"”'’)\]]*(?:\s|$)/u;
const CREDIT = /©|\((?:фото|photo)\s*:|^(?:фото|photo|image|getty images|reuters\/?)\s*:/i;

/** Builds a paragraph with its features. */
export function toParagraph(text: string, index: number): Paragraph {
  const tokens = analyze(text).filter((t) => t.compound === undefined && t.script !== 'number');
  const stops = tokens.filter((t) => t.stop).length;
  const stems = new Set(tokens.filter((t) => !t.stop && t.term.length > 1).map((t) => t.term));
  return {
    index,
    text,
    words: tokens.length,
    stopDensity: tokens.length === 0 ? 0 : stops / tokens.length,
    codeDensity: text.length === 0 ? 0 : (text.match(CODE_CHARS)?.length ?? 0) / text.length,
    endsSentence: SENTENCE_END.test(text),
    hasSentence: SENTENCE_INSIDE.test(text),
    isCredit: CREDIT.test(text),
    lang: detectLanguage(text),
    stems,
  };
}

/** Splits a scraped page into paragraphs: one per non-empty line, trimmed, white space folded. */
export function splitParagraphs(page: string): Paragraph[] {
  return page
    .split(/\r?\n|\r/)
    .map((line) => line.replace(/[\s\u00A0]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .map((line, index) => toParagraph(line, index));
}

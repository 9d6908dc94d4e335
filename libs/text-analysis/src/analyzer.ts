import type { FirstCharFilter } from './first-char-filter.js';
import type { TokenScript } from './script.js';
import { scanTokenRanges } from './tokenizer.js';
import {
  analyzeAbbreviation,
  analyzeNumber,
  analyzeWord,
  analyzeWordAt,
  type TermInfo,
} from './word-analysis.js';

export { MAX_TERM_LENGTH } from './word-analysis.js';

/** One analyzed token: what is matched (`term`) and where it stands in the original text. */
export interface Token {
  /** Normalized and stemmed form, the unit of matching. */
  term: string;
  /** The original characters: `text.slice(start, end) === surface`. */
  surface: string;
  start: number;
  end: number;
  /** Word position; parts of a compound take consecutive positions. */
  position: number;
  /** The script whose stemmer was used (`number`, `mixed` and `other` are not stemmed). */
  script: TokenScript;
  /** True for a Russian or English stop word. */
  stop: boolean;
  /** Set on the whole of a hyphenated compound, emitted after its parts at the first part's position. */
  compound?: true;
}

/**
 * Receives analyzed terms in order, as ranges of the text. `parts` is 0 for a word, or the
 * number of parts just visited for the whole of a compound.
 */
type TermVisitor = (info: TermInfo, start: number, end: number, parts: number) => void;

/** Parts of web addresses that say nothing about an article. */
const ADDRESS_NOISE: ReadonlySet<string> = new Set([
  'http',
  'https',
  'www',
  'html',
  'htm',
  'php',
  'shtml',
  'aspx',
]);
const HYPHENS = /[-\u2010\u2011]/g;

function isHyphen(code: number): boolean {
  return code === 0x2d || code === 0x2010 || code === 0x2011;
}

function hasHyphen(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isHyphen(text.charCodeAt(i))) return true;
  return false;
}

/** Stands for a word that a FirstCharFilter ruled out: it matches no term. */
const UNMATCHED: TermInfo = { term: '', script: 'other', stop: false };

/** How scanTerms visits: `mayMatch` rules words out unanalyzed; `wholes` visits compounds. */
interface ScanOptions {
  mayMatch?: FirstCharFilter;
  wholes: boolean;
}

function visitCompound(
  text: string,
  start: number,
  end: number,
  inAddress: boolean,
  visit: TermVisitor,
  options: ScanOptions,
): void {
  let parts = 0;
  for (let partStart = start; partStart <= end;) {
    let partEnd = partStart;
    while (partEnd < end && !isHyphen(text.charCodeAt(partEnd))) partEnd++;
    if (
      !inAddress &&
      partEnd > partStart &&
      options.mayMatch?.(text.charCodeAt(partStart)) === false
    ) {
      visit(UNMATCHED, partStart, partEnd, 0);
      partStart = partEnd + 1;
      continue;
    }
    const info = partEnd > partStart ? analyzeWordAt(text, partStart, partEnd) : null;
    if (info !== null && !(inAddress && ADDRESS_NOISE.has(info.term))) {
      visit(info, partStart, partEnd, 0);
      parts++;
    }
    partStart = partEnd + 1;
  }
  if (parts < 2 || !options.wholes) return;
  const whole = analyzeWord(text.slice(start, end).replace(HYPHENS, ''));
  if (whole !== null)
    visit({ term: whole.term, script: whole.script, stop: false }, start, end, parts);
}

/** Tokenizes and analyzes `text`, visiting every term in order. */
function scanTerms(
  text: string,
  visit: TermVisitor,
  options: ScanOptions = { wholes: true },
): void {
  scanTokenRanges(text, (start, end, kind, inAddress, joined) => {
    if (joined && hasHyphen(text, start, end)) {
      visitCompound(text, start, end, inAddress, visit, options);
      return;
    }
    // Words of web addresses are analyzed: the noise among them is dropped, not visited.
    if (!inAddress && options.mayMatch?.(text.charCodeAt(start)) === false) {
      visit(UNMATCHED, start, end, 0);
      return;
    }
    const info =
      kind === 'word'
        ? analyzeWordAt(text, start, end)
        : kind === 'number'
          ? analyzeNumber(text.slice(start, end))
          : analyzeAbbreviation(text.slice(start, end));
    if (info !== null && !(inAddress && ADDRESS_NOISE.has(info.term))) visit(info, start, end, 0);
  });
}

/**
 * Analyzes text into tokens: tokenize on Unicode classes, normalize each word (NFKC, case,
 * ё, invisible characters, stress marks), repair homoglyphs, stem by script and flag stop words.
 * Never throws; offsets always slice the original string back to each token's surface.
 */
export function analyze(text: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  scanTerms(text, (info, start, end, parts) => {
    const token: Token = {
      term: info.term,
      surface: text.slice(start, end),
      start,
      end,
      position: parts === 0 ? position++ : position - parts,
      script: info.script,
      stop: info.stop,
    };
    if (parts > 0) token.compound = true;
    tokens.push(token);
  });
  return tokens;
}

/** A word's term and where it stands: the part of a Token that marking matches needs. */
export interface WordSpan {
  term: string;
  start: number;
  end: number;
}

/**
 * The words of `text` in order as terms and ranges, without the wholes of compounds (their
 * parts cover them) and without slicing surfaces: the light path for highlighting. With
 * `mayMatch`, the words it rules out are not analyzed and come with an empty term.
 */
export function wordSpans(text: string, mayMatch?: FirstCharFilter): WordSpan[] {
  const spans: WordSpan[] = [];
  scanTerms(
    text,
    (info, start, end, parts) => {
      if (parts === 0) spans.push({ term: info.term, start, end });
    },
    { mayMatch, wholes: false },
  );
  return spans;
}

/** The terms of `text` in order, without building token objects. */
export function analyzeTerms(text: string): string[] {
  const terms: string[] = [];
  scanTerms(text, (info) => {
    terms.push(info.term);
  });
  return terms;
}

/**
 * The text stored in an analyzed (matching) field: every term in order, stop words included so
 * that phrases such as "в Сирии" keep their positions.
 */
export function toIndexText(tokens: readonly Token[]): string {
  return tokens.map((t) => t.term).join(' ');
}

/** Analyzes `text` straight to the matching field's content. */
export function analyzeForIndex(text: string): string {
  return analyzeTerms(text).join(' ');
}

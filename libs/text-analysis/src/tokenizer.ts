import {
  classAt,
  isJoiner,
  isNumberSeparator,
  IS_DIGIT,
  IS_LETTER,
  IS_WORD,
  widthAt,
} from './char-classes.js';

/** Kinds of raw token. abbreviation: "U.S.", "т.е."; number: "11.11.2017", "1,5"; word: anything else. */
export type RawTokenKind = 'abbreviation' | 'number' | 'word';

/** A span of the original text that reads as one token before analysis. */
export interface RawToken {
  /** The original characters, `text.slice(start, end)`. */
  surface: string;
  start: number;
  end: number;
  kind: RawTokenKind;
  /** True inside a URL or an e-mail address. */
  inAddress: boolean;
}

/** Receives each raw token in order. */
export type RawTokenVisitor = (
  surface: string,
  start: number,
  kind: RawTokenKind,
  inAddress: boolean,
) => void;

/**
 * Receives each raw token in order as a range of the text; `joined` is true for a word with
 * hyphens or apostrophes inside.
 */
export type TokenRangeVisitor = (
  start: number,
  end: number,
  kind: RawTokenKind,
  inAddress: boolean,
  joined: boolean,
) => void;

const URL_PATTERN = /(?:https?:\/\/|www\.)[^\s<>"'«»()[\]]+/g;
const EMAIL_LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const EMAIL_DOMAIN = /[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/uy;

/** E-mail addresses, found from each '@' outwards (a full-text regex scan would be slow). */
function emailSpans(text: string, spans: Array<[number, number]>): void {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && EMAIL_LOCAL_CHAR.test(text[start - 1] ?? '')) start--;
    EMAIL_DOMAIN.lastIndex = at + 1;
    const domain = EMAIL_DOMAIN.exec(text);
    if (start < at && domain !== null) spans.push([start, at + 1 + domain[0].length]);
  }
}

/** Spans of URLs (with a scheme or www.) and e-mail addresses, sorted by start. */
function addressSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (text.includes('://') || text.includes('www.')) {
    for (const match of text.matchAll(URL_PATTERN))
      spans.push([match.index, match.index + match[0].length]);
  }
  if (text.includes('@')) emailSpans(text, spans);
  return spans.sort((a, b) => a[0] - b[0]);
}

/** End of "U.S."-style abbreviation starting at `start` (two or more letter-dot pairs), or -1. */
function abbreviationEnd(text: string, start: number): number {
  let end = start;
  let pairs = 0;
  while (classAt(text, end) & IS_LETTER) {
    const dot = end + widthAt(text, end);
    if (text.charCodeAt(dot) !== 0x2e) break;
    end = dot + 1;
    pairs++;
  }
  return pairs >= 2 && !(classAt(text, end) & IS_LETTER) ? end : -1;
}

function digitsEnd(text: string, start: number): number {
  let end = start;
  while (classAt(text, end) & IS_DIGIT) end += widthAt(text, end);
  return end;
}

/**
 * End of a number with separators starting at `start` ("11.11.2017", "1,5"), or -1. A number
 * glued to letters gives back its last digit or group, as a backtracking regex
 * `\p{N}+(?:[.,:]\p{N}+)+(?!\p{L})` would.
 */
function numberEnd(text: string, start: number): number {
  let end = digitsEnd(text, start);
  let groups = 0;
  let lastSeparator = -1;
  let lastDigit = -1;
  while (isNumberSeparator(text.charCodeAt(end)) && (classAt(text, end + 1) & IS_DIGIT) !== 0) {
    lastSeparator = end;
    let digit = end + 1;
    end = digitsEnd(text, digit);
    while (digit + widthAt(text, digit) < end) digit += widthAt(text, digit);
    lastDigit = digit;
    groups++;
  }
  if (groups === 0) return -1;
  if (!(classAt(text, end) & IS_LETTER)) return end;
  if (lastDigit > lastSeparator + 1) return lastDigit;
  return groups >= 2 ? lastSeparator : -1;
}

/** End of a word: word characters, joined by single hyphens or apostrophes. */
function wordEnd(text: string, start: number): number {
  let end = start;
  for (;;) {
    while (classAt(text, end) & IS_WORD) end += widthAt(text, end);
    if (!isJoiner(text.charCodeAt(end)) || !(classAt(text, end + 1) & IS_WORD)) return end;
    end++;
  }
}

/**
 * Visits the raw tokens of `text` in order as ranges, on Unicode classes. Punctuation, quotes
 * («», „“), spaces of every kind and symbols separate tokens.
 */
export function scanTokenRanges(text: string, visit: TokenRangeVisitor): void {
  const spans = addressSpans(text);
  let spanIndex = 0;
  for (let start = 0; start < text.length;) {
    const bits = classAt(text, start);
    if (!(bits & IS_WORD)) {
      start += widthAt(text, start);
      continue;
    }
    let kind: RawTokenKind = 'word';
    let end = bits & IS_LETTER ? abbreviationEnd(text, start) : -1;
    if (end >= 0) kind = 'abbreviation';
    else if (bits & IS_DIGIT && (end = numberEnd(text, start)) >= 0) kind = 'number';
    else end = wordEnd(text, start);
    let inAddress = false;
    if (spans.length > 0) {
      while (spanIndex < spans.length && (spans[spanIndex]?.[1] ?? 0) <= start) spanIndex++;
      const span = spans[spanIndex];
      inAddress = span !== undefined && span[0] <= start && end <= span[1];
    }
    visit(start, end, kind, inAddress, kind === 'word' && hasJoiner(text, start, end));
    start = end;
  }
}

function hasJoiner(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isJoiner(text.charCodeAt(i))) return true;
  return false;
}

/**
 * Visits the raw tokens of `text` in order, with exact offsets into the original string
 * (see scanTokenRanges).
 */
export function scanRawTokens(text: string, visit: RawTokenVisitor): void {
  scanTokenRanges(text, (start, end, kind, inAddress) => {
    visit(text.slice(start, end), start, kind, inAddress);
  });
}

/** The raw tokens of `text` as objects (see scanRawTokens). */
export function tokenize(text: string): RawToken[] {
  const tokens: RawToken[] = [];
  scanRawTokens(text, (surface, start, kind, inAddress) => {
    tokens.push({ surface, start, end: start + surface.length, kind, inAddress });
  });
  return tokens;
}

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

/** Letters, digits and marks, plus the invisible characters that may sit inside a word. */
const W = String.raw`[\p{L}\p{N}\p{M}\u00AD\u200B-\u200D\u2060\uFEFF]`;
/** Hyphens and apostrophes join word parts ("северо-запад", "O'Neill", "Trump’s"). */
const JOINER = String.raw`[-\u2010\u2011'\u2019\u02BC]`;
const ABBREVIATION = String.raw`(?:\p{L}\.){2,}(?!\p{L})`;
const NUMBER = String.raw`\p{N}+(?:[.,:]\p{N}+)+(?!\p{L})`;
const WORD = `${W}+(?:${JOINER}${W}+)*`;
const TOKEN = new RegExp(`(${ABBREVIATION})|(${NUMBER})|${WORD}`, 'gu');

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

/**
 * Visits the raw tokens of `text` in order, on Unicode classes, with exact offsets into the
 * original string. Punctuation, quotes («», „“), spaces of every kind and symbols separate tokens.
 */
export function scanRawTokens(text: string, visit: RawTokenVisitor): void {
  const spans = addressSpans(text);
  let spanIndex = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    const start = match.index;
    let inAddress = false;
    if (spans.length > 0) {
      while (spanIndex < spans.length && (spans[spanIndex]?.[1] ?? 0) <= start) spanIndex++;
      const span = spans[spanIndex];
      inAddress = span !== undefined && span[0] <= start && start + match[0].length <= span[1];
    }
    const kind =
      match[1] !== undefined ? 'abbreviation' : match[2] !== undefined ? 'number' : 'word';
    visit(match[0], start, kind, inAddress);
  }
}

/** The raw tokens of `text` as objects (see scanRawTokens). */
export function tokenize(text: string): RawToken[] {
  const tokens: RawToken[] = [];
  scanRawTokens(text, (surface, start, kind, inAddress) => {
    tokens.push({ surface, start, end: start + surface.length, kind, inAddress });
  });
  return tokens;
}

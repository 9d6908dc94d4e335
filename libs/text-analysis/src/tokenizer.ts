/** A span of the original text that reads as one token before analysis. */
export interface RawToken {
  /** The original characters, `text.slice(start, end)`. */
  surface: string;
  start: number;
  end: number;
  /** abbreviation: "U.S.", "т.е."; number: "11.11.2017", "1,5"; word: anything else. */
  kind: 'abbreviation' | 'number' | 'word';
  /** True inside a URL or an e-mail address. */
  inAddress: boolean;
}

/** Letters, digits and marks, plus the invisible characters that may sit inside a word. */
const W = String.raw`[\p{L}\p{N}\p{M}\u00AD\u200B-\u200D\u2060\uFEFF]`;
/** Hyphens and apostrophes join word parts ("северо-запад", "O'Neill", "Trump’s"). */
const JOINER = String.raw`[-\u2010\u2011'\u2019\u02BC]`;
const ABBREVIATION = String.raw`(?:\p{L}\.){2,}(?!\p{L})`;
const NUMBER = String.raw`\p{N}+(?:[.,:]\p{N}+)+(?!\p{L})`;
const WORD = `${W}+(?:${JOINER}${W}+)*`;
const TOKEN = new RegExp(`(${ABBREVIATION})|(${NUMBER})|${WORD}`, 'gu');

/** URLs (with a scheme or www.) and e-mail addresses. */
const ADDRESS =
  /(?:https?:\/\/|www\.)[^\s<>"'«»()[\]]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

function addressSpans(text: string): Array<[number, number]> {
  if (!text.includes('www.') && !text.includes('://') && !text.includes('@')) return [];
  const spans: Array<[number, number]> = [];
  for (const match of text.matchAll(ADDRESS))
    spans.push([match.index, match.index + match[0].length]);
  return spans;
}

/**
 * Splits text into raw tokens on Unicode classes, keeping exact offsets into the original
 * string. Punctuation, quotes («», „“), spaces of every kind and symbols separate tokens.
 */
export function tokenize(text: string): RawToken[] {
  const spans = addressSpans(text);
  let spanIndex = 0;
  const tokens: RawToken[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    while (spanIndex < spans.length && (spans[spanIndex]?.[1] ?? 0) <= start) spanIndex++;
    const span = spans[spanIndex];
    const inAddress = span !== undefined && span[0] <= start && end <= span[1];
    const kind =
      match[1] !== undefined ? 'abbreviation' : match[2] !== undefined ? 'number' : 'word';
    tokens.push({ surface: match[0], start, end, kind, inAddress });
  }
  return tokens;
}

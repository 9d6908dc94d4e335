import { wordSpans, type WordSpan } from '@lib/text-analysis';
import { escapeHtml } from './html-escape.js';
import { matchRegion } from './match-region.js';
import { wordFilterOf } from './match-terms.js';

/** Options of snippet rendering. */
export interface SnippetOptions {
  /** Words in the snippet window. */
  windowWords: number;
}

const DEFAULTS: SnippetOptions = { windowWords: 30 };
const ELLIPSIS = '…';

/** Escapes `text[from, to)` and marks the tokens whose term is a query term. */
function markRange(
  text: string,
  tokens: WordSpan[],
  range: { from: number; to: number },
  terms: ReadonlySet<string>,
): string {
  let html = '';
  let cursor = range.from;
  for (const token of tokens) {
    if (token.start < range.from || token.end > range.to || !terms.has(token.term)) continue;
    html += `${escapeHtml(text.slice(cursor, token.start))}<mark>${escapeHtml(text.slice(token.start, token.end))}</mark>`;
    cursor = token.end;
  }
  return html + escapeHtml(text.slice(cursor, range.to));
}

/**
 * Index of the first token of the window holding the most distinct query terms (earliest on
 * ties), moved so that its matches stand in the middle of the window with context around them.
 */
function bestWindowStart(tokens: WordSpan[], terms: ReadonlySet<string>, size: number): number {
  const counts = new Map<string, number>();
  let distinct = 0;
  let best = 0;
  let bestDistinct = 0;
  for (let i = 0; i < tokens.length; i++) {
    const entering = tokens[i]?.term ?? '';
    if (terms.has(entering)) {
      const n = counts.get(entering) ?? 0;
      if (n === 0) distinct++;
      counts.set(entering, n + 1);
    }
    const leaving = i >= size ? tokens[i - size]?.term : undefined;
    if (leaving !== undefined && terms.has(leaving)) {
      const n = (counts.get(leaving) ?? 1) - 1;
      if (n === 0) distinct--;
      counts.set(leaving, n);
    }
    if (distinct > bestDistinct) {
      bestDistinct = distinct;
      best = Math.max(0, i - size + 1);
    }
  }
  return bestDistinct === 0 ? 0 : centered(tokens, terms, best, size);
}

/** The start of a window of `size` tokens centred on the matches of the one starting at `start`. */
function centered(
  tokens: WordSpan[],
  terms: ReadonlySet<string>,
  start: number,
  size: number,
): number {
  const end = Math.min(tokens.length, start + size);
  let first = -1;
  let last = -1;
  for (let i = start; i < end; i++) {
    if (!terms.has(tokens[i]?.term ?? '')) continue;
    if (first < 0) first = i;
    last = i;
  }
  const slack = size - (last - first + 1);
  const moved = first - Math.floor(slack / 2);
  return Math.max(0, Math.min(moved, tokens.length - size));
}

/** The whole text, HTML-escaped, with every word matching a query term in <mark>. */
export function highlightText(text: string, terms: ReadonlySet<string>): string {
  return markRange(text, wordSpans(text, wordFilterOf(terms)), { from: 0, to: text.length }, terms);
}

/**
 * Texts up to this length (about two windows) are analyzed whole; longer ones only around
 * their matches, which matchRegion finds without analyzing the text.
 */
const FULL_ANALYSIS_CHARS = 500;

/**
 * The best window of about `windowWords` words of `text`: the one holding the most distinct
 * query terms, cut at word boundaries with "…" where cut, escaped, matches marked. With no
 * match it is the start of the text. Long texts are analyzed only around their matches.
 */
export function renderSnippet(
  text: string,
  terms: ReadonlySet<string>,
  options: Partial<SnippetOptions> = {},
): string {
  const { windowWords } = { ...DEFAULTS, ...options };
  const region = text.length <= FULL_ANALYSIS_CHARS ? null : matchRegion(text, terms, windowWords);
  const from = region?.from ?? 0;
  const part = region === null ? text : text.slice(from, region.to);
  const tokens = wordSpans(part, wordFilterOf(terms));
  const first = tokens[0];
  if (first === undefined) return escapeHtml(part.trim());
  const startIndex = bestWindowStart(tokens, terms, windowWords);
  const endIndex = Math.min(tokens.length, startIndex + windowWords) - 1;
  const cutBefore = startIndex > 0 || from > 0;
  const cutAfter = endIndex < tokens.length - 1 || (region !== null && region.to < text.length);
  const start = startIndex === 0 ? first.start : (tokens[startIndex]?.start ?? 0);
  const end = cutAfter ? (tokens[endIndex]?.end ?? part.length) : part.length;
  const html = markRange(part, tokens, { from: start, to: end }, terms).trim();
  return `${cutBefore ? ELLIPSIS : ''}${html}${cutAfter ? ELLIPSIS : ''}`;
}

import { analyzeWord } from '@lib/text-analysis';

/** A range of a text, [from, to). */
export interface TextRange {
  from: number;
  to: number;
}

interface Match {
  start: number;
  term: string;
}

/** Occurrences kept per query term; enough to find the densest region of any article. */
const MAX_KEPT_PER_TERM = 64;
/** Candidates (prefix occurrences) confirmed per query term at most. */
const MAX_CANDIDATES_PER_TERM = 256;
/** Characters per word, generously, to turn a window of words into characters. */
const CHARS_PER_WORD = 9;
const WORD_CHAR = /[\p{L}\p{N}\p{M}\u00AD\u200B-\u200D\u2060\uFEFF'\u2019]/u;

function wordAround(text: string, index: number, length: number): string {
  let start = index;
  let end = index + length;
  while (start > 0 && WORD_CHAR.test(text[start - 1] ?? '')) start--;
  while (end < text.length && WORD_CHAR.test(text[end] ?? '')) end++;
  return start === index ? text.slice(start, end) : '';
}

/** Regex-special characters of a term, escaped. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Latin stems of at least this length are looked for without their last two letters. */
const LATIN_REWRITE_MIN = 5;

/**
 * A case-insensitive pattern for the start of the words a stem comes from: е also matches ё.
 * A Russian stem is a prefix of its word; the English stemmer also rewrites endings ("policy"
 * -> "polici", "probability" -> "probabl"), so a Latin stem's last two letters are left out.
 */
function termPattern(term: string): RegExp {
  const prefix =
    /^[a-z]+$/.test(term) && term.length >= LATIN_REWRITE_MIN ? term.slice(0, -2) : term;
  return new RegExp(escapeRegExp(prefix).replace(/е/g, '[её]'), 'giu');
}

const patterns = new Map<string, RegExp>();

function patternFor(term: string): RegExp {
  let pattern = patterns.get(term);
  if (pattern === undefined) {
    if (patterns.size > 10_000) patterns.clear();
    pattern = termPattern(term);
    patterns.set(term, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

/**
 * Where query terms occur, found without analyzing the whole text: each case-insensitive
 * occurrence of the start of a stem (see termPattern) is a candidate, confirmed by analyzing
 * just that word. Words whose stem does not start them (a homoglyph, a soft hyphen inside) are
 * missed here and still marked inside the chosen region.
 */
function findMatches(text: string, terms: ReadonlySet<string>): Match[] {
  const matches: Match[] = [];
  for (const term of terms) {
    if (term.length === 0) continue;
    const pattern = patternFor(term);
    let kept = 0;
    let candidates = 0;
    for (
      let found = pattern.exec(text);
      found !== null && kept < MAX_KEPT_PER_TERM && candidates < MAX_CANDIDATES_PER_TERM;
      found = pattern.exec(text)
    ) {
      candidates++;
      const at = found.index;
      const word = wordAround(text, at, found[0].length);
      if (word.length > 0 && analyzeWord(word)?.term === term) {
        matches.push({ start: at, term });
        kept++;
      }
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

/** Start of the span of `span` characters holding the most distinct terms (earliest on ties). */
function densestStart(matches: Match[], span: number): number {
  const counts = new Map<string, number>();
  let best = matches[0]?.start ?? 0;
  let bestDistinct = 0;
  let end = 0;
  for (const first of matches) {
    // Two pointers: grow the window to `span` characters from `first`, then drop `first`.
    for (
      let next = matches[end];
      next !== undefined && next.start - first.start <= span;
      next = matches[++end]
    ) {
      counts.set(next.term, (counts.get(next.term) ?? 0) + 1);
    }
    if (counts.size > bestDistinct) {
      bestDistinct = counts.size;
      best = first.start;
    }
    const left = (counts.get(first.term) ?? 1) - 1;
    if (left === 0) counts.delete(first.term);
    else counts.set(first.term, left);
  }
  return best;
}

function snapToSpace(text: string, index: number, direction: 1 | -1): number {
  if (index <= 0 || index >= text.length) return Math.max(0, Math.min(index, text.length));
  let i = index;
  while (i > 0 && i < text.length && !/\s/.test(text[i] ?? ' ')) i += direction;
  return i;
}

/**
 * The part of a long text worth rendering as a snippet of `windowWords` words: around the
 * densest cluster of query terms, or the start when no term occurs.
 */
export function matchRegion(
  text: string,
  terms: ReadonlySet<string>,
  windowWords: number,
): TextRange {
  const span = windowWords * CHARS_PER_WORD;
  const matches = terms.size === 0 ? [] : findMatches(text, terms);
  const anchor = matches.length === 0 ? 0 : densestStart(matches, span);
  const margin = span / 4;
  const from = anchor === 0 ? 0 : snapToSpace(text, anchor - margin, -1);
  const to = snapToSpace(text, anchor + span + margin, 1);
  return { from, to };
}

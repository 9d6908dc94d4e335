import { isStopTerm } from '@lib/text-analysis';

/** Most keywords kept per article. */
export const KEYWORDS_PER_ARTICLE = 12;
/** A term must occur this often in the body to be a keyword. */
const MIN_OCCURRENCES = 2;
/** Shorter terms are mostly fragments and abbreviations' letters. */
const MIN_TERM_LENGTH = 3;

/** Numbers (and dates) say when and how much, not what an article is about. */
function startsWithDigit(term: string): boolean {
  const code = term.charCodeAt(0);
  return code >= 0x30 && code <= 0x39;
}

/**
 * The body's most repeated content terms, most frequent first (earliest on ties): what the
 * article is about. Meilisearch has no term frequency in its ranking, so an article that
 * mentions a word once ties with one that is about it; stored in a field ranked between title
 * and body, these let the attribute rule put the second first.
 */
export function keywordTerms(bodyTerms: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const term of bodyTerms) {
    if (term.length < MIN_TERM_LENGTH || isStopTerm(term) || startsWithDigit(term)) continue;
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, count]) => count >= MIN_OCCURRENCES)
    .sort((a, b) => b[1] - a[1])
    .slice(0, KEYWORDS_PER_ARTICLE)
    .map(([term]) => term);
}

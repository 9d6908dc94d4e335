import type { AnalyzedQuery, QueryClause } from '@lib/text-analysis';

/** Meilisearch reads only this many words of a query; the rest are ignored. */
export const MEILI_QUERY_WORD_LIMIT = 10;

function phraseOf(clause: QueryClause): string {
  return `"${clause.tokens.map((t) => t.term).join(' ')}"`;
}

/**
 * Writes an analyzed query in Meilisearch's syntax over the analyzed fields: stems as words,
 * phrases in double quotes, exclusions with '-'. Stop words are dropped from loose words (they
 * match nearly every document) unless the query has nothing else; inside phrases they stay.
 */
export function buildMeiliQuery(query: AnalyzedQuery): string {
  const positive = query.clauses.filter((c) => !c.negated);
  const hasContent = positive.some((c) => c.phrase || c.tokens.some((t) => !t.stop));
  const parts: string[] = [];
  const seen = new Set<string>();
  let words = 0;
  for (const clause of positive) {
    const text = clause.phrase ? phraseOf(clause) : (clause.tokens[0]?.term ?? '');
    const isStop = !clause.phrase && clause.tokens[0]?.stop === true;
    if (text.length === 0 || seen.has(text) || (isStop && hasContent)) continue;
    if (words + clause.tokens.length > MEILI_QUERY_WORD_LIMIT && words > 0) break;
    seen.add(text);
    parts.push(text);
    words += clause.tokens.length;
  }
  for (const clause of query.clauses.filter((c) => c.negated)) {
    parts.push(clause.phrase ? `-${phraseOf(clause)}` : `-${clause.tokens[0]?.term ?? ''}`);
  }
  return parts.join(' ');
}

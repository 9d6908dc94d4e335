import {
  escapeHtml,
  highlightText,
  renderSnippet,
  type ScoreExplanation,
  type StoredArticle,
} from '@lib/search-core';
import type { SearchHit } from './search-response.js';

/** The project's own page for a stored article. */
export function documentPagePath(id: string): string {
  return `/documents/${encodeURIComponent(id)}`;
}

/**
 * Builds a hit from a stored article: links, highlighted title and snippet, and how its score
 * was made when asked (`explanation`).
 */
export function toSearchHit(
  article: StoredArticle,
  terms: ReadonlySet<string>,
  explanation?: ScoreExplanation,
): SearchHit {
  return {
    id: article.id,
    title: article.title,
    url: article.url,
    link: article.url ?? documentPagePath(article.id),
    source: article.source,
    lang: article.lang,
    published_at: article.published_at,
    highlight: {
      title: terms.size > 0 ? highlightText(article.title, terms) : escapeHtml(article.title),
      snippet: renderSnippet(article.body, terms),
    },
    ...(explanation === undefined ? {} : { explain: explanation }),
  };
}

import { createHash } from 'node:crypto';
import { analyzeForIndex, nameKeys } from '@lib/text-analysis';

/** An article as the indexer hands it over (the shape of ingest's ArticleRecord). */
export interface ArticleInput {
  id: string;
  lang: string;
  source: string | null;
  url: string | null;
  title: string;
  body: string;
  published_at: string | null;
  tags: string[];
  summary: string | null;
}

/** An article as stored in Meilisearch: original fields for display, analyzed ones for matching. */
export interface ArticleDocument extends ArticleInput {
  /** Meilisearch primary key derived from `id`. */
  key: string;
  /** `published_at` as unix seconds, for filters and sorting. */
  published_ts: number | null;
  title_terms: string;
  body_terms: string;
  /** Cross-script keys of the names in title and body (Трамп and Trump: `trmp`), each once. */
  name_keys: string;
}

/** The fields a search hit needs, as Meilisearch returns them. */
export type StoredArticle = Pick<
  ArticleDocument,
  'key' | 'id' | 'lang' | 'source' | 'url' | 'title' | 'body' | 'summary' | 'tags' | 'published_at'
>;

const VALID_KEY = /^[A-Za-z0-9_-]{1,400}$/;

/**
 * The Meilisearch primary key for an article id. Ids that Meilisearch accepts are kept; others
 * (with ':' or '.', as in "wmt-newstest2021:kp.235560:ru") keep their safe characters plus a hash
 * of the whole id, so distinct ids never share a key and the mapping is stable.
 */
export function primaryKeyFor(id: string): string {
  if (VALID_KEY.test(id)) return id;
  const hash = createHash('sha256').update(id).digest('hex').slice(0, 16);
  const readable = id.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 200);
  return `${readable}-h${hash}`;
}

/** Unix seconds of an ISO 8601 date, or null when absent or unreadable. */
export function toUnixSeconds(iso: string | null): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

/** Builds the stored document: analyzes title and body with the one analyzer. */
export function toArticleDocument(article: ArticleInput): ArticleDocument {
  return {
    ...article,
    key: primaryKeyFor(article.id),
    published_ts: toUnixSeconds(article.published_at),
    title_terms: analyzeForIndex(article.title),
    body_terms: analyzeForIndex(article.body),
    name_keys: nameKeys(`${article.title}\n${article.body}`).join(' '),
  };
}

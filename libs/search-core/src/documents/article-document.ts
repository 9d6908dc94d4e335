import { createHash } from 'node:crypto';
import { analyzeTerms, nameUsage, type NameUsage } from '@lib/text-analysis';
import { buildTermBag, encodeTermBag, type TermBag } from '../ranking/term-bag.js';
import { keywordTerms } from './keywords.js';

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
  /** Counterparts of the title's terms in the other language (see CounterpartSource). */
  title_cross: string;
  /** The name keys and name tokens of the title's names (see name_keys), ranked as title. */
  title_names: string;
  /** Counterparts of the body's first CROSS_BODY_TERMS terms in the other language. */
  body_cross: string;
  /**
   * Cross-script keys of the names in title and body (Трамп and Trump: `tramp`) and of their
   * translations (Москва: `maskv` and Moscow's `maskav`), and the name tokens of the names a
   * lexicon of names knows (`nmmoskva`, `nmmoscow`), each once.
   */
  name_keys: string;
  /** The body's most repeated content terms, most frequent first (see keywordTerms). */
  keywords: string;
  /**
   * Field lengths and per-term counts of title and body with their cross-language fields, for
   * the second ranking stage (see encodeTermBag); stored, not searched.
   */
  term_bag: string;
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

/**
 * Body terms whose counterparts are stored: a news article's lead says what it is about, and
 * counterparts of whole bodies tripled the index's words and its build time (150 terms still
 * took a reindex to 1.7 times plain ingestion).
 */
export const CROSS_BODY_TERMS = 60;
/**
 * Counterparts and keywords are bags of words, not text: a hard separator between them puts
 * each eight positions from the next, so Meilisearch builds no word-pair proximity data for
 * them and no phrase matches across them.
 */
const BAG_SEPARATOR = '. ';

/**
 * Carries an article into the other language (cross-lingual's ArticleCounterparts; the apps
 * pass it in, as search-core does not depend on the lexicon).
 */
export interface CounterpartSource {
  /** The terms an article uses as names, told from what it shows of them (nameUsage). */
  namesOf(usage: NameUsage): ReadonlySet<string>;
  /**
   * The counterparts of a text's analyzed terms (`встреч` -> `meet`), each once; stop words
   * and the names among `names` that a lexicon of names knows have none.
   */
  ofTerms(terms: readonly string[], names: ReadonlySet<string>): readonly string[];
  /**
   * The name tokens of the article's names and the keys of their spellings in the other
   * language (`lang` is the article's).
   */
  nameKeys(names: ReadonlySet<string>, lang: string): readonly string[];
}

/** An article analyzed: the stored document and its term counts, for term statistics. */
export interface AnalyzedArticle {
  document: ArticleDocument;
  bag: TermBag;
}

/**
 * Builds the stored document: analyzes title and body with the one analyzer and, given
 * `counterparts`, stores what carries it into the other language (empty without it).
 */
export function toArticleDocument(
  article: ArticleInput,
  counterparts?: CounterpartSource,
): ArticleDocument {
  return analyzeArticle(article, counterparts).document;
}

/** Builds the stored document (see toArticleDocument) and the counts of its terms. */
export function analyzeArticle(
  article: ArticleInput,
  counterparts?: CounterpartSource,
): AnalyzedArticle {
  const titleTerms = analyzeTerms(article.title);
  const bodyTerms = analyzeTerms(article.body);
  const usage = nameUsage(`${article.title}\n${article.body}`);
  const names = counterparts?.namesOf(usage) ?? usage.terms;
  const cross = (terms: readonly string[]): readonly string[] =>
    counterparts?.ofTerms(terms, names) ?? [];
  const keys = new Set([...usage.keys, ...(counterparts?.nameKeys(names, article.lang) ?? [])]);
  const titleNames = new Set(titleTerms.filter((term) => names.has(term)));
  const titleKeys = new Set([
    ...nameUsage(article.title).keys,
    ...(counterparts?.nameKeys(titleNames, article.lang) ?? []),
  ]);
  const titleCross = cross(titleTerms);
  const bodyCross = cross(bodyTerms.slice(0, CROSS_BODY_TERMS));
  const bag = buildTermBag({
    title: [...titleTerms, ...titleCross, ...titleKeys],
    body: [...bodyTerms, ...bodyCross, ...keys],
    titleLength: titleTerms.length,
    bodyLength: bodyTerms.length,
  });
  const document: ArticleDocument = {
    ...article,
    key: primaryKeyFor(article.id),
    published_ts: toUnixSeconds(article.published_at),
    title_terms: titleTerms.join(' '),
    body_terms: bodyTerms.join(' '),
    title_cross: titleCross.join(BAG_SEPARATOR),
    title_names: [...titleKeys].join(' '),
    body_cross: bodyCross.join(BAG_SEPARATOR),
    name_keys: [...keys].join(' '),
    keywords: keywordTerms(bodyTerms).join(BAG_SEPARATOR),
    term_bag: encodeTermBag(bag),
  };
  return { document, bag };
}

/**
 * Ingest: turns files (scraped .txt pages, .html, .json, .jsonl/.ndjson, optionally .gz) into
 * article records, with encoding detection, boilerplate removal and metadata extraction.
 */
export type { ArticleRecord, IngestEvent, RecordOrigin } from './record/article-record.js';
export { describeOrigin } from './record/article-record.js';
export * from './record/ingest.error.js';
export { buildRecord, type ArticleDraft, type DraftContext } from './record/record-builder.js';
export { contentHash } from './record/content-hash.js';
export {
  decodeText,
  looksBinary,
  type DecodedText,
  type TextEncodingName,
} from './decode/decode-text.js';
export { findDate } from './metadata/dates.js';
export { domainOf, normalizeUrl, findUrl } from './metadata/url.js';
export { extractScrapedPage, type ScrapedArticle } from './scraped/scraped-page.extractor.js';
export { classifyParagraphs, type ParagraphClass } from './scraped/paragraph-classifier.js';
export { splitParagraphs } from './scraped/paragraph.js';
export { extractHtmlArticle } from './readers/html-article.js';
export {
  ingestFile,
  inputKindOf,
  DEFAULT_INGEST_OPTIONS,
  type IngestOptions,
  type InputKind,
} from './ingest-file.js';
export { expandPaths, type ExpandedPaths } from './expand-paths.js';
export { DuplicateFilter, IngestTally, type IngestSummary } from './ingest-summary.js';

import { detectLanguage } from '@lib/text-analysis';
import { domainOf, normalizeUrl } from '../metadata/url.js';
import { findDate } from '../metadata/dates.js';
import { EmptyInputError, InvalidRecordError } from './ingest.error.js';
import type { ArticleRecord } from './article-record.js';
import { contentHash, shortHash } from './content-hash.js';

/** Fields found for an article before defaults and checks. */
export interface ArticleDraft {
  id?: string | null;
  lang?: string | null;
  source?: string | null;
  url?: string | null;
  title?: string | null;
  body: string;
  published_at?: string | null;
  tags?: string[];
  summary?: string | null;
}

/** What identifies a record that has no id: its file (name only, so ids survive moves) and position. */
export interface DraftContext {
  fileName: string;
  /** Position within the file for multi-record files. */
  position?: number;
}

/**
 * Replaces lone surrogates (U+FFFD): Meilisearch fails a whole batch on ill-formed UTF-16, so
 * every string field of a record goes through here.
 */
function wellFormed(text: string): string {
  return text.isWellFormed() ? text : text.toWellFormed();
}

/** `wellFormed` of an optional string. */
function wellFormedOrNull(text: string | null | undefined): string | null | undefined {
  return typeof text === 'string' ? wellFormed(text) : text;
}

/** The draft with every string made well-formed. */
function wellFormedDraft(draft: ArticleDraft): ArticleDraft {
  return {
    id: wellFormedOrNull(draft.id),
    lang: wellFormedOrNull(draft.lang),
    source: wellFormedOrNull(draft.source),
    url: wellFormedOrNull(draft.url),
    title: wellFormedOrNull(draft.title),
    body: wellFormed(draft.body),
    published_at: wellFormedOrNull(draft.published_at),
    tags: draft.tags?.map((tag) => (typeof tag === 'string' ? wellFormed(tag) : tag)),
    summary: wellFormedOrNull(draft.summary),
  };
}

/** A published date as ISO 8601: ISO strings are kept, other unambiguous forms converted. */
function normalizeDate(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(trimmed) && !Number.isNaN(Date.parse(trimmed))) return trimmed;
  return findDate(trimmed);
}

function languageOf(draft: ArticleDraft): 'ru' | 'en' {
  if (draft.lang === 'ru' || draft.lang === 'en') return draft.lang;
  const detected = detectLanguage(`${draft.title ?? ''}\n${draft.body.slice(0, 5_000)}`);
  if (detected === 'ru' || detected === 'en') return detected;
  const text = `${draft.title ?? ''}\n${draft.body}`;
  const { length: cyrillic } = text.match(/[\u0400-\u04FF]/g) ?? [];
  const { length: latin } = text.match(/[A-Za-z]/g) ?? [];
  return cyrillic >= latin ? 'ru' : 'en';
}

/** The title to show: the given one, else the body's first sentence (at most ~120 characters). */
function titleOf(draft: ArticleDraft): string {
  const given = draft.title?.replace(/\s+/g, ' ').trim();
  if (given !== undefined && given.length > 0) return given;
  const first = draft.body.trim().split(/(?<=[.!?…])\s|\n/)[0] ?? '';
  if (first.length <= 120) return first;
  const cut = first.slice(0, 120);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60))}…`;
}

/**
 * Completes and checks a draft: a title or a body is required (a brief is a headline alone); a given id is kept; else it is derived from the canonical url;
 * else from the file name, position and content hash. Unknown values stay null.
 */
export function buildRecord(input: ArticleDraft, context: DraftContext): ArticleRecord {
  const draft = wellFormedDraft(input);
  const body = draft.body.replace(/\r\n?/g, '\n').trim();
  const hasTitle = (draft.title?.trim().length ?? 0) > 0;
  if (body.length === 0 && !hasTitle)
    throw new EmptyInputError('no article text (no title and no body)');
  const url = normalizeUrl(draft.url);
  const hash = contentHash(body);
  const position = context.position === undefined ? '' : `#${context.position}`;
  const given = draft.id?.trim();
  const id =
    given !== undefined && given.length > 0
      ? given
      : url !== null
        ? `u-${shortHash(url)}`
        : `f-${shortHash(`${context.fileName}${position}:${hash}`)}`;
  if (draft.tags !== undefined && !draft.tags.every((t) => typeof t === 'string')) {
    throw new InvalidRecordError('tags must be a list of strings');
  }
  return {
    id,
    lang: languageOf({ ...draft, body }),
    source: draft.source?.trim() || domainOf(url),
    url,
    title: titleOf({ ...draft, body }),
    body,
    published_at: normalizeDate(draft.published_at),
    tags: draft.tags ?? [],
    summary: draft.summary?.trim() ? draft.summary.trim() : null,
    content_hash: hash,
  };
}

import { ApiProperty } from '@nestjs/swagger';
import type { ArticleInput, StoredArticle } from '@lib/search-core';

/**
 * The fields of a stored article that clients see: the article as the indexer was given it.
 * What the indexer derived for matching (analyzed terms, counterparts, name keys, the content
 * hash, the primary key) stays inside: it is not part of the API and changes with the analyzer.
 * Meilisearch is asked for these fields only, and the response is built from them only.
 */
export const PUBLIC_ARTICLE_FIELDS = [
  'id',
  'lang',
  'source',
  'url',
  'title',
  'body',
  'summary',
  'tags',
  'published_at',
] as const satisfies ReadonlyArray<keyof ArticleInput & keyof StoredArticle>;

/** A public field's name. */
export type PublicArticleField = (typeof PUBLIC_ARTICLE_FIELDS)[number];

/** A stored article's public fields; being assignable to PublicArticle proves the list whole. */
type PublicFieldsOf = Pick<StoredArticle, PublicArticleField>;

/**
 * GET /api/v1/documents/:id and the page /documents/:id. Implementing ArticleInput makes a new
 * input field a compile error here until someone decides whether it is public.
 */
export class PublicArticle implements ArticleInput {
  @ApiProperty({ example: 'rt-1067' })
  id!: string;

  @ApiProperty({ type: String, enum: ['ru', 'en'] })
  lang!: string;

  @ApiProperty({ type: String, nullable: true, example: 'russian.rt.com' })
  source!: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The article's original address" })
  url!: string | null;

  @ApiProperty()
  title!: string;

  @ApiProperty({ description: 'The whole text; paragraphs separated by blank lines' })
  body!: string;

  @ApiProperty({ type: String, nullable: true })
  summary!: string | null;

  @ApiProperty({ type: [String] })
  tags!: string[];

  @ApiProperty({ type: String, nullable: true, description: 'ISO 8601' })
  published_at!: string | null;
}

/** The public fields of a stored article, whatever else the stored document holds. */
export function toPublicArticle(stored: PublicFieldsOf): PublicArticle {
  return Object.fromEntries(
    PUBLIC_ARTICLE_FIELDS.map((field) => [field, stored[field]]),
  ) as PublicFieldsOf;
}

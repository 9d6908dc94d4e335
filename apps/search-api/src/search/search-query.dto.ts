import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsNotBeforeFrom } from './date-range.js';

/** A flag as a URL carries it ('true', '1', 'false', '0'); anything else is left to validation. */
function asBoolean(value: unknown): unknown {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
}

/** Sort orders of the search endpoint. */
export const SORT_ORDERS = ['relevance', 'date_desc', 'date_asc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/**
 * The longest query read: a pasted paragraph or two. Meilisearch reads only ten words of it;
 * the rest counts in the second ranking stage (and the ten are the most informative).
 */
export const MAX_QUERY_LENGTH = 4000;

/** Parameters of /api/v1/search: the URL's query of a GET, the JSON body of a POST. */
export class SearchQueryDto {
  /** The query: words in any form, "quoted phrases", -exclusions. Empty lists the newest articles. */
  @ApiPropertyOptional({
    type: String,
    maxLength: MAX_QUERY_LENGTH,
    description: 'Words in any form, "quoted phrases", -exclusions',
    example: 'встреча Путина',
  })
  @IsOptional()
  @IsString({ message: 'q must be a single string' })
  @MaxLength(MAX_QUERY_LENGTH, {
    message: `q must be at most ${String(MAX_QUERY_LENGTH)} characters`,
  })
  q = '';

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be between 1 and 100' })
  @Max(100, { message: 'limit must be between 1 and 100' })
  limit = 10;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 10_000, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be an integer' })
  @Min(0, { message: 'offset must be between 0 and 10000' })
  @Max(10_000, { message: 'offset must be between 0 and 10000' })
  offset = 0;

  @ApiPropertyOptional({ enum: ['ru', 'en'] })
  @IsOptional()
  @IsIn(['ru', 'en'], { message: 'lang must be ru or en' })
  lang?: 'ru' | 'en';

  @ApiPropertyOptional({ example: 'ria.ru' })
  @IsOptional()
  @IsString({ message: 'source must be a single string' })
  @MaxLength(200, { message: 'source must be at most 200 characters' })
  source?: string;

  @ApiPropertyOptional({ description: 'ISO 8601 date or time', example: '2017-11-01' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date, e.g. 2017-11-01' })
  from?: string;

  @ApiPropertyOptional({
    description: 'ISO 8601 date (inclusive) or time; not before from',
    example: '2017-11-30',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date, e.g. 2017-11-30' })
  @IsNotBeforeFrom()
  to?: string;

  @ApiPropertyOptional({ enum: SORT_ORDERS, default: 'relevance' })
  @IsOptional()
  @IsIn(SORT_ORDERS, { message: `sort must be one of ${SORT_ORDERS.join(', ')}` })
  sort: SortOrder = 'relevance';

  @ApiPropertyOptional({
    type: Boolean,
    default: true,
    description:
      'Also search the other language: the query translated with the lexicon, names by their cross-script keys, ranked below native matches of equal strength',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => asBoolean(value))
  @IsBoolean({ message: 'translate must be true or false' })
  translate = true;

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description:
      "Return each hit's score and its parts (Meilisearch's score, BM25F and each query term's contribution) where the second ranking stage ranked it",
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => asBoolean(value))
  @IsBoolean({ message: 'explain must be true or false' })
  explain = false;
}

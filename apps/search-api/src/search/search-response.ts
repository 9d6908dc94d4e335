import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Highlighted HTML of a hit: text escaped, matched words in <mark>. */
export class HitHighlight {
  @ApiProperty({ description: 'Title as HTML: escaped text, matched words in <mark>' })
  title!: string;

  @ApiProperty({
    description: 'About 30 words of the body around the most query terms, as HTML with <mark>',
  })
  snippet!: string;
}

/** What one query term contributed to a hit's BM25F score. */
export class TermContributionDto {
  @ApiProperty({ example: 'нефт' })
  term!: string;

  @ApiProperty({ description: 'Inverse document frequency from the term statistics' })
  idf!: number;

  @ApiProperty({ description: 'Occurrences in the title and its cross-language fields (0-3)' })
  title!: number;

  @ApiProperty({ description: 'Occurrences in the body and its cross-language fields (0-15)' })
  body!: number;

  @ApiProperty()
  score!: number;
}

/** Why a hit ranks where it does. */
export class HitExplanation {
  @ApiProperty({ description: 'The final score hits are ordered by' })
  score!: number;

  @ApiProperty({ enum: ['native', 'translated'], description: 'Which search found it' })
  origin!: 'native' | 'translated';

  @ApiProperty({ description: "Meilisearch's ranking score (0-1)" })
  meilisearch!: number;

  @ApiProperty({ description: 'BM25F over title and body' })
  bm25f!: number;

  @ApiProperty({ description: "BM25F divided by the query's best possible score (0-1)" })
  bm25f_normalized!: number;

  @ApiProperty({ type: [TermContributionDto] })
  terms!: TermContributionDto[];
}

/** One search hit. */
export class SearchHit {
  @ApiProperty({ example: 'rt-1067' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: String, nullable: true, description: "The article's original address" })
  url!: string | null;

  @ApiProperty({ description: 'Always works: url, or the project page /documents/:id' })
  link!: string;

  @ApiProperty({ type: String, nullable: true, example: 'russian.rt.com' })
  source!: string | null;

  @ApiProperty({ enum: ['ru', 'en'] })
  lang!: string;

  @ApiProperty({ type: String, nullable: true, description: 'ISO 8601' })
  published_at!: string | null;

  @ApiProperty({ type: HitHighlight })
  highlight!: HitHighlight;

  @ApiPropertyOptional({
    type: () => HitExplanation,
    description: 'With explain=true: how the score was made',
  })
  explain?: HitExplanation;
}

/** Counts per facet value. */
export class SearchFacets {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { ru: 12, en: 3 },
  })
  lang!: Record<string, number>;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  source!: Record<string, number>;
}

/** One query word carried into the other language. */
export class WordTranslationDto {
  @ApiProperty({ example: 'meeting' })
  from!: string;

  @ApiProperty({ example: 'встреча' })
  to!: string;
}

/** How the query was also searched in the other language. */
export class SearchTranslation {
  @ApiProperty({
    enum: ['ru', 'en'],
    nullable: true,
    type: String,
    description: 'The language the translation searched (null when the query mixes both)',
  })
  lang!: 'ru' | 'en' | null;

  @ApiProperty({ type: [WordTranslationDto] })
  words!: WordTranslationDto[];

  @ApiProperty({
    type: [String],
    description: 'Cross-script keys of the names in the query (Trump and Трамп: trmp)',
    example: ['trmp'],
  })
  name_keys!: string[];
}

/** Response of GET /api/v1/search. */
export class SearchResponse {
  @ApiProperty()
  query!: string;

  @ApiProperty({ description: 'Matching articles (an estimate for large counts)' })
  total!: number;

  @ApiProperty()
  took_ms!: number;

  @ApiProperty()
  limit!: number;

  @ApiProperty()
  offset!: number;

  @ApiProperty({ type: [SearchHit] })
  hits!: SearchHit[];

  @ApiProperty({ type: SearchFacets })
  facets!: SearchFacets;

  @ApiProperty({
    type: SearchTranslation,
    nullable: true,
    description: 'Set when the other language was searched too (translate=true, the default)',
  })
  translation!: SearchTranslation | null;

  @ApiProperty({
    description:
      'True when a shard did not answer (sharded deployments): the hits, total and facets are those of the shards that did',
  })
  partial!: boolean;

  @ApiProperty({
    type: [String],
    example: [],
    description: 'The shards that did not answer (s0, s1, …); empty when every shard did',
  })
  missing_shards!: string[];
}

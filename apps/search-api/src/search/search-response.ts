import { ApiProperty } from '@nestjs/swagger';

/** Highlighted HTML of a hit: text escaped, matched words in <mark>. */
export class HitHighlight {
  @ApiProperty({ description: 'Title as HTML: escaped text, matched words in <mark>' })
  title!: string;

  @ApiProperty({
    description: 'About 30 words of the body around the most query terms, as HTML with <mark>',
  })
  snippet!: string;
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
}

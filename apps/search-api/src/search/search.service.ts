import { Inject, Injectable } from '@nestjs/common';
import { buildMeiliQuery, MeiliRepository } from '@lib/search-core';
import { analyzeQuery, positiveTerms } from '@lib/text-analysis';
import { SEARCH_API_CONFIG, type SearchApiConfig } from '../config/search-api.config.js';
import { toSearchHit } from './hit.mapper.js';
import { buildFilter, buildSort } from './search-filter.js';
import type { SearchQueryDto } from './search-query.dto.js';
import type { SearchResponse } from './search-response.js';

const RETRIEVED = ['key', 'id', 'lang', 'source', 'url', 'title', 'body', 'published_at'];

/** Runs a search: analyze the query, ask Meilisearch, render hits. */
@Injectable()
export class SearchService {
  constructor(
    private readonly repository: MeiliRepository,
    @Inject(SEARCH_API_CONFIG) private readonly config: SearchApiConfig,
  ) {}

  async search(params: SearchQueryDto): Promise<SearchResponse> {
    const started = performance.now();
    const analyzed = analyzeQuery(params.q);
    const meiliQuery = buildMeiliQuery(analyzed);
    const result = await this.repository.search(this.config.meili.index, meiliQuery, {
      limit: params.limit,
      offset: params.offset,
      filter: buildFilter(params),
      sort: buildSort(params.sort, meiliQuery.length > 0),
      facets: ['lang', 'source'],
      attributesToRetrieve: RETRIEVED,
    });
    const terms = positiveTerms(analyzed);
    return {
      query: params.q,
      total: result.estimatedTotalHits ?? result.totalHits ?? result.hits.length,
      took_ms: Math.round((performance.now() - started) * 10) / 10,
      limit: params.limit,
      offset: params.offset,
      hits: result.hits.map((hit) => toSearchHit(hit, terms)),
      facets: {
        lang: result.facetDistribution?.lang ?? {},
        source: result.facetDistribution?.source ?? {},
      },
    };
  }
}

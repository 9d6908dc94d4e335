import { Controller, Get, Query } from '@nestjs/common';
import { SearchQueryDto } from './search-query.dto.js';
import type { SearchResponse } from './search-response.js';
import { SearchService } from './search.service.js';

/** GET /api/v1/search */
@Controller('api/v1/search')
export class SearchController {
  constructor(private readonly searchService: SearchService) {}

  @Get()
  search(@Query() query: SearchQueryDto): Promise<SearchResponse> {
    return this.searchService.search(query);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/api-error.responses.js';
import { ApiKeyOptional } from '../openapi/api-security.js';
import { SearchQueryDto } from './search-query.dto.js';
import { SearchResponse } from './search-response.js';
import { SearchService } from './search.service.js';

/** GET /api/v1/search */
@ApiTags('search')
@Controller('api/v1/search')
export class SearchController {
  constructor(private readonly searchService: SearchService) {}

  @Get()
  @ApiOperation({
    summary: 'Search Russian and English articles',
    description:
      'Any word form, "quoted phrases" and -exclusions; filters by language, source and dates; ' +
      'highlighted snippets; the other language searched too unless translate=false',
  })
  @ApiKeyOptional()
  @ApiOkResponse({ type: SearchResponse, description: 'One page of hits with facet counts' })
  @ApiErrorResponses(400, 401, 429, 503)
  search(@Query() query: SearchQueryDto): Promise<SearchResponse> {
    return this.searchService.search(query);
  }
}

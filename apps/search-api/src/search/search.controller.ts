import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/api-error.responses.js';
import { ApiKeyOptional } from '../openapi/api-security.js';
import { MAX_QUERY_LENGTH, SearchQueryDto } from './search-query.dto.js';
import { SearchResponse } from './search-response.js';
import { SearchService } from './search.service.js';

/** GET /api/v1/search, and POST with the same parameters as JSON for pasted passages. */
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

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Search with the parameters as a JSON body',
    description:
      'The same search as GET, for queries too long for a URL: a pasted passage of up to ' +
      `${String(MAX_QUERY_LENGTH)} characters is 24 KB percent-encoded in Cyrillic, where URLs stop at 8 KB`,
  })
  @ApiKeyOptional()
  @ApiOkResponse({ type: SearchResponse, description: 'One page of hits with facet counts' })
  @ApiErrorResponses(400, 401, 429, 503)
  searchPosted(@Body() body: SearchQueryDto): Promise<SearchResponse> {
    return this.searchService.search(body);
  }
}

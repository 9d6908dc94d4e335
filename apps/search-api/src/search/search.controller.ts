import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { SearchQueryDto } from './search-query.dto.js';
import { SearchResponse } from './search-response.js';
import { SearchService } from './search.service.js';

/** GET /api/v1/search */
@ApiTags('search')
@Controller('api/v1/search')
export class SearchController {
  constructor(private readonly searchService: SearchService) {}

  @Get()
  @ApiOperation({ summary: 'Search Russian and English articles' })
  @ApiOkResponse({ type: SearchResponse })
  @ApiBadRequestResponse({
    description: '{ error: { code: "bad_request", message } } naming the parameter',
  })
  @ApiServiceUnavailableResponse({
    description: 'Meilisearch unreachable: { error: { code: "search_unavailable" } }',
  })
  search(@Query() query: SearchQueryDto): Promise<SearchResponse> {
    return this.searchService.search(query);
  }
}

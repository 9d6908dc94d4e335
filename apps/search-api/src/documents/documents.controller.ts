import { Controller, Get, Header, Param, UseFilters } from '@nestjs/common';
import {
  ApiExcludeEndpoint,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/api-error.responses.js';
import { Public } from '../common/api-key.guard.js';
import { ApiKeyOptional } from '../openapi/api-security.js';
import { renderDocumentPage } from './document-page.js';
import { DocumentPageErrorFilter } from './document-page-error.filter.js';
import { DocumentsService } from './documents.service.js';
import { PublicArticle } from './public-article.js';

/** GET /api/v1/documents/:id (JSON) and GET /documents/:id (a readable page). */
@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('api/v1/documents/:id')
  @ApiOperation({
    summary: 'An article by id',
    description: 'The article as it was indexed, without the fields derived for matching',
  })
  @ApiParam({ name: 'id', description: 'The id a search hit carries', example: 'rt-1067' })
  @ApiKeyOptional()
  @ApiOkResponse({ type: PublicArticle, description: 'The article' })
  @ApiErrorResponses(401, 404, 429, 503)
  get(@Param('id') id: string): Promise<PublicArticle> {
    return this.documents.get(id);
  }

  /** Readers follow hit links here from the web page, which holds no API key. */
  @ApiExcludeEndpoint()
  @Public()
  @Get('documents/:id')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @UseFilters(DocumentPageErrorFilter)
  async page(@Param('id') id: string): Promise<string> {
    return renderDocumentPage(await this.documents.get(id));
  }
}

import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StoredArticle } from '@lib/search-core';
import { renderDocumentPage } from './document-page.js';
import { DocumentsService } from './documents.service.js';

/** GET /api/v1/documents/:id (JSON) and GET /documents/:id (a readable page). */
@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('api/v1/documents/:id')
  @ApiOperation({ summary: 'The stored article with this id' })
  @ApiNotFoundResponse({ description: '{ error: { code: "not_found" } }' })
  get(@Param('id') id: string): Promise<Omit<StoredArticle, 'key'>> {
    return this.documents.get(id);
  }

  @ApiExcludeEndpoint()
  @Get('documents/:id')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async page(@Param('id') id: string): Promise<string> {
    return renderDocumentPage(await this.documents.get(id));
  }
}

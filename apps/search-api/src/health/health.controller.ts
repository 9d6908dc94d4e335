import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MeiliRepository, searchReadiness } from '@lib/search-core';
import { Public } from '../common/api-key.guard.js';
import { ApiErrorResponses } from '../common/api-error.responses.js';
import { SEARCH_API_CONFIG, type SearchApiConfig } from '../config/search-api.config.js';
import { ApiOpenAccess } from '../openapi/api-security.js';
import { HealthStatus, ReadyStatus } from './health-response.js';

/**
 * GET /health (the process is up) and GET /ready (searches work: Meilisearch reachable, the
 * index present with the settings the API relies on), open without an API key: orchestrators
 * probe them without one.
 */
@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly repository: MeiliRepository,
    @Inject(SEARCH_API_CONFIG) private readonly config: SearchApiConfig,
  ) {}

  @Get('health')
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOpenAccess()
  @ApiOkResponse({ type: HealthStatus, description: 'The process is up' })
  @ApiErrorResponses()
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: the index answers searches with the settings the API relies on',
  })
  @ApiOpenAccess()
  @ApiOkResponse({ type: ReadyStatus, description: 'Searches can be served' })
  @ApiErrorResponses(503)
  async ready(): Promise<{ status: 'ready'; index: string; documents: number }> {
    const index = this.config.meili.index;
    const readiness = await searchReadiness(this.repository, index);
    if (!readiness.ready) throw new ServiceUnavailableException(`Not ready: ${readiness.reason}`);
    return { status: 'ready', index, documents: readiness.documents };
  }
}

import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MeiliRepository, searchReadiness, type SearchReadiness } from '@lib/search-core';
import { Public } from '../common/api-key.guard.js';
import { ApiErrorResponses } from '../common/api-error.responses.js';
import { SEARCH_API_CONFIG, type SearchApiConfig } from '../config/search-api.config.js';
import { ApiOpenAccess } from '../openapi/api-security.js';
import { HealthStatus, ReadyStatus } from './health-response.js';

/** How long one readiness check answers /ready. */
const READINESS_TTL_MS = 1_000;

/**
 * GET /health (the process is up) and GET /ready (searches work: Meilisearch reachable, the
 * index present with the settings the API relies on), open without an API key: orchestrators
 * probe them without one.
 */
@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  /**
   * The last answer, shared by the probes of the next READINESS_TTL_MS: /ready is open and not
   * rate limited, and each check costs Meilisearch three requests.
   */
  private cached: { at: number; answer: Promise<SearchReadiness> } | undefined;

  constructor(
    private readonly repository: MeiliRepository,
    @Inject(SEARCH_API_CONFIG) private readonly config: SearchApiConfig,
  ) {}

  /** The readiness of the last READINESS_TTL_MS, or a new check. */
  private readiness(): Promise<SearchReadiness> {
    const now = Date.now();
    if (this.cached === undefined || now - this.cached.at > READINESS_TTL_MS)
      this.cached = { at: now, answer: searchReadiness(this.repository, this.config.meili.index) };
    return this.cached.answer;
  }

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
    const readiness = await this.readiness();
    if (!readiness.ready) throw new ServiceUnavailableException(`Not ready: ${readiness.reason}`);
    return { status: 'ready', index, documents: readiness.documents };
  }
}

import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ArticleSearchPort, ShardReadiness } from '@lib/search-core';
import { ARTICLE_SEARCH } from '../article-search.provider.js';
import { Public } from '../common/api-key.guard.js';
import { ApiErrorResponses } from '../common/api-error.responses.js';
import { SEARCH_API_CONFIG, type SearchApiConfig } from '../config/search-api.config.js';
import { ApiOpenAccess } from '../openapi/api-security.js';
import { HealthStatus, ReadyStatus, type ShardStatus } from './health-response.js';

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
  private cached: { at: number; answer: Promise<ShardReadiness[]> } | undefined;

  constructor(
    @Inject(ARTICLE_SEARCH) private readonly search: ArticleSearchPort,
    @Inject(SEARCH_API_CONFIG) private readonly config: SearchApiConfig,
  ) {}

  /** The readiness of the last READINESS_TTL_MS, or a new check. */
  private readiness(): Promise<ShardReadiness[]> {
    const now = Date.now();
    if (this.cached === undefined || now - this.cached.at > READINESS_TTL_MS)
      this.cached = { at: now, answer: this.search.readiness(this.config.meili.index) };
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
  async ready(): Promise<ReadyStatus> {
    const index = this.config.meili.index;
    const readiness = await this.readiness();
    const shards = readiness.map(({ shard, node, readiness: state }): ShardStatus => ({
      shard,
      node,
      ready: state.ready,
      documents: state.ready ? state.documents : null,
      reason: state.ready ? null : state.reason,
    }));
    const down = shards.filter((shard) => !shard.ready);
    // Without every shard required, a replica that reaches one shard answers (partially).
    const ready = this.config.meili.requireAllShards
      ? down.length === 0
      : down.length < shards.length;
    if (!ready) {
      const reasons = down.map((shard) =>
        shards.length === 1 ? (shard.reason ?? '') : `${shard.shard}: ${shard.reason ?? ''}`,
      );
      throw new ServiceUnavailableException(`Not ready: ${reasons.join('; ')}`);
    }
    const documents = shards.reduce((sum, shard) => sum + (shard.documents ?? 0), 0);
    return { status: 'ready', index, documents, shards };
  }
}

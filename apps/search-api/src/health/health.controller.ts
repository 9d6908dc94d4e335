import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MeiliRepository } from '@lib/search-core';
import { SEARCH_API_CONFIG, type SearchApiConfig } from '../config/search-api.config.js';

/** GET /health (the process is up) and GET /ready (Meilisearch reachable, index present). */
@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    private readonly repository: MeiliRepository,
    @Inject(SEARCH_API_CONFIG) private readonly config: SearchApiConfig,
  ) {}

  @Get('health')
  @HttpCode(200)
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(): Promise<{ status: 'ready'; index: string; documents: number }> {
    const index = this.config.meili.index;
    const summary = await this.repository.summary(index).catch(() => null);
    if (summary === null) {
      throw new ServiceUnavailableException(
        `Meilisearch is unreachable or index "${index}" is missing`,
      );
    }
    return { status: 'ready', index, documents: summary.documents };
  }
}

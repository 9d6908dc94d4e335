import { type DynamicModule, Global, Module } from '@nestjs/common';
import { MeiliRepository } from '@lib/search-core';
import { SEARCH_API_CONFIG, type SearchApiConfig } from './config/search-api.config.js';
import { DocumentsModule } from './documents/documents.module.js';
import { HealthModule } from './health/health.module.js';
import { SearchModule } from './search/search.module.js';

/** Holds the config and the Meilisearch repository for every feature module. */
@Global()
@Module({})
class CoreModule {
  static forConfig(config: SearchApiConfig): DynamicModule {
    const repository = new MeiliRepository({
      url: config.meili.url,
      apiKey: config.meili.apiKey,
      timeoutMs: config.meili.timeoutMs,
    });
    return {
      module: CoreModule,
      providers: [
        { provide: SEARCH_API_CONFIG, useValue: config },
        { provide: MeiliRepository, useValue: repository },
      ],
      exports: [SEARCH_API_CONFIG, MeiliRepository],
    };
  }
}

/** The search API. */
@Module({})
export class AppModule {
  static forConfig(config: SearchApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forConfig(config), SearchModule, DocumentsModule, HealthModule],
    };
  }
}

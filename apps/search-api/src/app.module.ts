import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ARTICLE_SEARCH, articleSearchFor } from './article-search.provider.js';
import { ApiKeyGuard } from './common/api-key.guard.js';
import { SEARCH_API_CONFIG, type SearchApiConfig } from './config/search-api.config.js';
import { DocumentsModule } from './documents/documents.module.js';
import { HealthModule } from './health/health.module.js';
import { SearchModule } from './search/search.module.js';

/**
 * Holds the config and the search port for every feature module, and the API key
 * guard: part of the module rather than of configureApp, so no way of starting the app can
 * leave the routes open.
 */
@Global()
@Module({})
class CoreModule {
  static forConfig(config: SearchApiConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: SEARCH_API_CONFIG, useValue: config },
        { provide: ARTICLE_SEARCH, useValue: articleSearchFor(config) },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
      ],
      exports: [SEARCH_API_CONFIG, ARTICLE_SEARCH],
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

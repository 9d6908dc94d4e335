import 'reflect-metadata';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureAnalysisCaches } from '@lib/text-analysis';
import { SEARCH_API_CACHE_CAPACITIES } from './analysis-caches.js';
import { AppModule } from './app.module.js';
import { ConfigError, loadSearchApiConfig } from './config/search-api.config.js';
import { configureApp } from './configure-app.js';

async function bootstrap(): Promise<void> {
  const config = loadSearchApiConfig();
  configureAnalysisCaches(SEARCH_API_CACHE_CAPACITIES);
  const logger = new ConsoleLogger('SearchApi', {
    json: config.log.format === 'json',
    logLevels: levelsFrom(config.log.level),
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), {
    logger,
  });
  configureApp(app, config);
  await app.listen(config.port, config.host);
  Logger.log(
    `search API listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`,
    'SearchApi',
  );
}

function levelsFrom(level: string): Array<'error' | 'warn' | 'log' | 'debug' | 'verbose'> {
  const order = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
  return order.slice(0, order.indexOf(level as (typeof order)[number]) + 1);
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : String((error as Error).stack ?? error)}\n`,
  );
  process.exit(1);
});

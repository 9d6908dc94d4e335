import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ValidationPipe, BadRequestException } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { createApiKeyMiddleware } from './common/api-key.middleware.js';
import { createRateLimitMiddleware } from './common/rate-limit.middleware.js';
import { ApiErrorFilter } from './common/api-error.filter.js';
import { acceptRawUtf8Urls } from './common/raw-utf8-url.js';
import { requestIdMiddleware } from './common/request-id.middleware.js';
import { requestLogMiddleware } from './common/request-log.middleware.js';
import type { SearchApiConfig } from './config/search-api.config.js';

/**
 * The web page as the build emits it: beside the compiled app, or in dist/ when the app runs
 * from its sources (the tests).
 */
export const PUBLIC_DIR =
  [
    fileURLToPath(new URL('../public', import.meta.url)),
    fileURLToPath(new URL('../../../dist/apps/search-api/public', import.meta.url)),
  ].find((dir) => existsSync(join(dir, 'index.html'))) ??
  fileURLToPath(new URL('../public', import.meta.url));

/**
 * Global middleware, pipes and filters, shared by main.ts and the e2e tests so that tests
 * exercise exactly what production runs.
 */
export function configureApp(app: NestExpressApplication, config: SearchApiConfig): void {
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // Search responses are new on every request: hashing each one for an ETag only costs time.
  app.set('etag', false);
  app.use(requestIdMiddleware);
  app.use(requestLogMiddleware);
  app.use(createRateLimitMiddleware(config.rateLimitPerMinute));
  app.use(createApiKeyMiddleware(config.apiKeys));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
        },
      },
    }),
  );
  if (config.corsOrigins.length > 0)
    app.enableCors({ origin: config.corsOrigins, methods: ['GET'] });
  app.useGlobalFilters(new ApiErrorFilter());
  app.useGlobalPipes(
    new ValidationPipe({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      stopAtFirstError: true,
      exceptionFactory: (errors) =>
        new BadRequestException(
          errors.flatMap((e) => Object.values(e.constraints ?? {})).join('; '),
        ),
    }),
  );
  // The page's files, looked up only for paths outside the API: a static lookup is a file
  // system call, which every search would otherwise pay for.
  const page = express.static(PUBLIC_DIR, { index: 'index.html', maxAge: '1h' });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.path.startsWith('/api/')) next();
    else page(request, response, next);
  });
  const openApi = new DocumentBuilder()
    .setTitle('Bilingual news search')
    .setDescription(
      'Russian and English news search: any word form, highlighted snippets, filters and facets.',
    )
    .setVersion('1')
    .addApiKey({ type: 'apiKey', name: 'X-API-Key', in: 'header' }, 'api-key')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs-json',
  });
  app.enableShutdownHooks();
  acceptRawUtf8Urls(app.getHttpServer());
}

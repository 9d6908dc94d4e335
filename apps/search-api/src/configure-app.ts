import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ApiKeyRing } from './common/api-key.js';
import { createRateLimitMiddleware } from './common/rate-limit.middleware.js';
import { securityHeaders } from './common/security-headers.js';
import { ApiErrorFilter } from './common/api-error.filter.js';
import { ApiValidationPipe } from './common/api-validation.pipe.js';
import { acceptRawUtf8Urls } from './common/raw-utf8-url.js';
import { requestIdMiddleware } from './common/request-id.middleware.js';
import { requestLogMiddleware } from './common/request-log.middleware.js';
import { RouteTable } from './common/route-table.js';
import { urlLengthMiddleware } from './common/url-length.middleware.js';
import type { SearchApiConfig } from './config/search-api.config.js';
import { setupOpenApi } from './openapi/openapi-document.js';

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
  app.use(urlLengthMiddleware);
  // API keys are checked by ApiKeyGuard on the matched route; here they only pick the bucket.
  app.use(
    createRateLimitMiddleware(config.rateLimitPerMinute, { keys: new ApiKeyRing(config.apiKeys) }),
  );
  app.use(securityHeaders(config.publicHttps));
  if (config.corsOrigins.length > 0)
    app.enableCors({ origin: config.corsOrigins, methods: ['GET'] });
  app.useGlobalFilters(new ApiErrorFilter(RouteTable.of(app)));
  app.useGlobalPipes(new ApiValidationPipe());
  // The page's files, looked up only for paths outside the API: a static lookup is a file
  // system call, which every search would otherwise pay for.
  const page = express.static(PUBLIC_DIR, { index: 'index.html', maxAge: '1h' });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.path.startsWith('/api/')) next();
    else page(request, response, next);
  });
  setupOpenApi(app);
  app.enableShutdownHooks();
  acceptRawUtf8Urls(app.getHttpServer());
}

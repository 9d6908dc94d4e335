import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { API_KEY_SCHEME, BEARER_SCHEME } from './api-security.js';

/** Where the document is served: the page at /api/docs, the JSON at /api/docs-json. */
export const OPENAPI_PATH = 'api/docs';

/**
 * The document's own parts (the paths come from the controllers). Other services generate
 * their clients from it, so it is kept clean under Redocly's recommended rules
 * (test/openapi-client.e2e-spec.ts): every operation has a summary, typed success and error
 * responses and its security, the server is this one (a relative URL), the license is the
 * project's.
 */
function documentConfig(): Omit<OpenAPIObject, 'paths'> {
  return new DocumentBuilder()
    .setTitle('Bilingual news search')
    .setDescription(
      'Russian and English news search: any word form, highlighted snippets, filters and facets.',
    )
    .setVersion('1')
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    .addServer('/', 'The server that serves this document')
    .addTag('search', 'Full-text search over Russian and English articles')
    .addTag('documents', 'Articles by id')
    .addTag('health', 'Liveness and readiness for orchestrators')
    .addApiKey(
      {
        type: 'apiKey',
        name: 'X-API-Key',
        in: 'header',
        description: 'Required on /api/v1 only when the deployment sets API_KEYS',
      },
      API_KEY_SCHEME,
    )
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description: 'The same API key as a Bearer token, for clients that send one',
      },
      BEARER_SCHEME,
    )
    .build();
}

/** The OpenAPI document of the app, generated from its controllers and DTOs. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(app, documentConfig());
}

/** Serves the document and its page. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup(OPENAPI_PATH, app, () => createOpenApiDocument(app), {
    jsonDocumentUrl: `${OPENAPI_PATH}-json`,
  });
}

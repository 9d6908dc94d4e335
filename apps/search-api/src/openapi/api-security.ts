import { applyDecorators } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';

/** The OpenAPI security scheme of the API keys (the `X-API-Key` header). */
export const API_KEY_SCHEME = 'api-key';

/** The same key sent as `Authorization: Bearer <key>`. */
export const BEARER_SCHEME = 'bearer';

/**
 * An /api/v1 operation: the key is required only when the deployment sets API_KEYS, so the
 * document allows no key (`{}`), the key in X-API-Key, or the key as a Bearer token.
 */
export function ApiKeyOptional(): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiSecurity({}), ApiSecurity(API_KEY_SCHEME), ApiSecurity(BEARER_SCHEME));
}

/** An operation that never asks for a key (health checks): an empty requirement. */
export function ApiOpenAccess(): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiSecurity({}));
}

import { applyDecorators } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';

/** The OpenAPI security scheme of the API keys (the `X-API-Key` header). */
export const API_KEY_SCHEME = 'api-key';

/**
 * An /api/v1 operation: the key is required only when the deployment sets API_KEYS, so the
 * document allows both no key (`{}`) and the key, and a client built from it can send either.
 */
export function ApiKeyOptional(): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiSecurity({}), ApiSecurity(API_KEY_SCHEME));
}

/** An operation that never asks for a key (health checks): an empty requirement. */
export function ApiOpenAccess(): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiSecurity({}));
}

import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ApiErrorBody, type ApiErrorStatus } from './api-error.schema.js';
import { kilobytes, MAX_HEADER_BYTES, MAX_URL_BYTES } from './http-limits.js';

/** When each error status happens, as the OpenAPI document tells client authors. */
const WHEN: Partial<Record<ApiErrorStatus, string>> = {
  400: 'A parameter is invalid, unknown or repeated; the message names it',
  401: 'API keys are configured (API_KEYS) and the request carries none that is valid',
  404: 'No article has this id',
  414: `The URL is longer than ${kilobytes(MAX_URL_BYTES)}`,
  429: 'Too many requests from this client; Retry-After says when to try again',
  431: `The request line and headers are larger than ${kilobytes(MAX_HEADER_BYTES)}`,
  503: 'Meilisearch is unreachable or the index is missing',
};

/**
 * Documents error responses of an operation, each with the `{ error: { code, message } }`
 * schema, so that generated clients get a typed error instead of `unknown`. 414 and 431 come
 * from the HTTP layer and can answer any request, so every operation lists them.
 */
export function ApiErrorResponses(...statuses: ApiErrorStatus[]): MethodDecorator {
  const all = [...new Set<ApiErrorStatus>([...statuses, 414, 431])].sort((a, b) => a - b);
  return applyDecorators(
    ...all.map((status) =>
      ApiResponse({ status, description: WHEN[status] ?? 'Error', type: ApiErrorBody }),
    ),
  );
}

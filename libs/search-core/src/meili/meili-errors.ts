import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
} from 'meilisearch';
import {
  DocumentNotFoundError,
  IndexMisconfiguredError,
  IndexNotFoundError,
  MeilisearchUnavailableError,
  SearchCoreError,
} from '../errors/search-core.error.js';

/**
 * Search errors that name a setting of the index, not the request: the apps build their
 * queries from the fields the settings declare, so these mean the index is not set up.
 */
const MISCONFIGURED = new Set([
  'invalid_search_filter',
  'invalid_search_sort',
  'invalid_search_facets',
  'invalid_search_attributes_to_search_on',
]);

function apiErrorCode(error: MeilisearchApiError): string | undefined {
  return error.cause?.code;
}

/** Translates a client error into this library's typed errors; others pass through. */
export function toSearchCoreError(error: unknown, context: string): unknown {
  if (error instanceof SearchCoreError) return error;
  // The client wraps whatever its HTTP client throws; an API error inside is still an API error.
  if (error instanceof MeilisearchRequestError && error.cause instanceof MeilisearchApiError) {
    return toSearchCoreError(error.cause, context);
  }
  if (
    error instanceof MeilisearchRequestError ||
    error instanceof MeilisearchRequestTimeOutError ||
    error instanceof MeilisearchTaskTimeOutError
  ) {
    return new MeilisearchUnavailableError(`Meilisearch is unreachable (${context})`, {
      cause: error,
    });
  }
  if (error instanceof MeilisearchApiError) {
    const code = apiErrorCode(error);
    if (code === 'document_not_found')
      return new DocumentNotFoundError(`${context}: not found`, { cause: error });
    if (code === 'index_not_found')
      return new IndexNotFoundError(`${context}: index not found`, { cause: error });
    if (code !== undefined && MISCONFIGURED.has(code))
      return new IndexMisconfiguredError(`${context}: ${error.message}`, { cause: error });
    if (error.response.status >= 500) {
      return new MeilisearchUnavailableError(`Meilisearch failed (${context})`, { cause: error });
    }
  }
  return error;
}

/** Runs a client call, rethrowing its errors as typed errors. */
export async function withTypedErrors<T>(context: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toSearchCoreError(error, context);
  }
}

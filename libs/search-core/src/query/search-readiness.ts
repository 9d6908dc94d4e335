import { MeilisearchApiError } from 'meilisearch';
import { CROSS_LINGUAL_SEARCH_FIELDS, NATIVE_SEARCH_FIELDS } from '../documents/search-fields.js';
import { IndexMisconfiguredError, SearchCoreError } from '../errors/search-core.error.js';
import type { MeiliRepository } from '../meili/meili.repository.js';

/** Whether the live index can serve the API's searches, and why not. */
export type SearchReadiness = { ready: true; documents: number } | { ready: false; reason: string };

/**
 * A search that uses every setting the API relies on: each searched field, the filters (lang
 * and source by equality, the date by comparison), the date sort and the facets. An index
 * created without its settings (or with other ones) fails it with Meilisearch's message.
 */
const PROBE = {
  limit: 0,
  attributesToSearchOn: [...new Set([...NATIVE_SEARCH_FIELDS, ...CROSS_LINGUAL_SEARCH_FIELDS])],
  filter: ['lang = "ru"', 'source = "readiness.probe"', 'published_ts >= 0'],
  sort: ['published_ts:desc'],
  facets: ['lang', 'source'],
};

/**
 * "Searches work": Meilisearch answers, the index exists and a search using every setting the
 * API needs succeeds. Needs only the search key's permissions (indexes.get, stats.get, search).
 */
export async function searchReadiness(
  repository: MeiliRepository,
  uid: string,
): Promise<SearchReadiness> {
  try {
    const summary = await repository.summary(uid);
    if (summary === null) return { ready: false, reason: `index "${uid}" is missing` };
    await repository.search(uid, 'readiness', PROBE);
    return { ready: true, documents: summary.documents };
  } catch (error) {
    if (error instanceof MeilisearchApiError || error instanceof IndexMisconfiguredError)
      return { ready: false, reason: `index "${uid}" cannot serve searches: ${error.message}` };
    if (error instanceof SearchCoreError) return { ready: false, reason: error.message };
    throw error;
  }
}

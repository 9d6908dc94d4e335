/** Base class of the typed errors this library throws. */
export abstract class SearchCoreError extends Error {
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Meilisearch could not be reached or answered with a server error. */
export class MeilisearchUnavailableError extends SearchCoreError {
  readonly code = 'search_unavailable';
}

/** No Meilisearch binary ships for this platform and no MEILI_URL was given. */
export class MeilisearchBinaryUnavailableError extends SearchCoreError {
  readonly code = 'meilisearch_binary_unavailable';
}

/** The local Meilisearch process failed to start or to become healthy. */
export class MeilisearchStartError extends SearchCoreError {
  readonly code = 'meilisearch_start_failed';
}

/** A Meilisearch task ended in failure. */
export class MeilisearchTaskError extends SearchCoreError {
  readonly code = 'meilisearch_task_failed';
}

/** The requested document does not exist. */
export class DocumentNotFoundError extends SearchCoreError {
  readonly code = 'not_found';
}

/** The live index does not exist yet. */
export class IndexNotFoundError extends SearchCoreError {
  readonly code = 'index_not_found';
}

/** A reindex stopped before the swap (no records, or interrupted); the live index is unchanged. */
export class ReindexAbortedError extends SearchCoreError {
  readonly code = 'reindex_aborted';
}

/** Another run holds the lock of the index (reindex, add or delete). */
export class IndexLockedError extends SearchCoreError {
  readonly code = 'index_locked';
}

/** A run lost the index lock (its claim expired or was taken): it must not swap or write. */
export class IndexLockLostError extends SearchCoreError {
  readonly code = 'index_lock_lost';
}

/** A build index does not hold what was intended (settings or document count); never swapped. */
export class BuildVerificationError extends SearchCoreError {
  readonly code = 'build_verification_failed';
}

/**
 * The index lacks a setting a search relies on (a filterable, sortable or searchable
 * attribute): an operator must apply the settings or reindex; no request can fix it.
 */
export class IndexMisconfiguredError extends SearchCoreError {
  readonly code = 'index_misconfigured';
}

/** The shards' nodes cannot work together (keys or network settings that differ). */
export class ClusterSetupError extends SearchCoreError {
  readonly code = 'cluster_setup';
}

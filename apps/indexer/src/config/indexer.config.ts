import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_BATCH_BYTES, shardLayoutSchema, type ShardLayout } from '@lib/search-core';

/** Raised at start-up when the environment is invalid; lists every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const SEARCH_API_ENTRY = fileURLToPath(new URL('../../../search-api/src/main.js', import.meta.url));

const schema = z
  .object({
    MEILI_URL: z.url({ message: 'must be the URL of a Meilisearch server' }).optional(),
    MEILI_SHARDS: shardLayoutSchema.optional(),
    MEILI_MASTER_KEY: z.string().min(16, 'must be at least 16 bytes').optional(),
    MEILI_SEARCH_KEY: z.string().min(1).optional(),
    MEILI_INDEX: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,300}$/, 'must be a Meilisearch index uid')
      .default('articles'),
    MEILI_DATA_DIR: z.string().min(1).default('data/meilisearch'),
    INDEX_SETTINGS_PATH: z.string().min(1).default('indexing/settings/articles.json'),
    SAMPLES_DIR: z.string().min(1).default('indexing/samples'),
    BATCH_BYTES: z.coerce
      .number()
      .int()
      .min(64 * 1024)
      .max(100 * 1024 * 1024)
      .default(DEFAULT_BATCH_BYTES),
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    SEARCH_API_ENTRY: z.string().min(1).default(SEARCH_API_ENTRY),
    LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
    INDEX_LOCK_TTL_SECONDS: z.coerce.number().int().min(5).max(3_600).default(60),
  })
  .refine((c) => c.MEILI_URL === undefined || c.MEILI_MASTER_KEY !== undefined, {
    message: 'MEILI_MASTER_KEY is required with MEILI_URL (the indexer needs the admin key)',
    path: ['MEILI_MASTER_KEY'],
  })
  .refine((c) => c.MEILI_SHARDS === undefined || c.MEILI_MASTER_KEY !== undefined, {
    message: 'MEILI_MASTER_KEY is required with MEILI_SHARDS (the master key of every node)',
    path: ['MEILI_MASTER_KEY'],
  })
  .refine((c) => c.MEILI_SHARDS === undefined || c.MEILI_URL === undefined, {
    message: 'set either MEILI_URL (one node) or MEILI_SHARDS (shards), not both',
    path: ['MEILI_SHARDS'],
  });

/** The indexer's validated configuration, read once at start-up. */
export interface IndexerConfig {
  /** An external Meilisearch; when absent the local server from the npm package is used. */
  external: { url: string; masterKey: string } | null;
  /** Sharded mode: the shards' nodes, each with the same master key; null for one node. */
  shards: { layout: ShardLayout; masterKey: string } | null;
  /** A given search-only key for the search API; else one is created through the keys API. */
  searchKey: string | null;
  index: string;
  dataDir: string;
  settingsPath: string;
  samplesDir: string;
  batchBytes: number;
  api: { port: number; host: string; entry: string };
  logFormat: 'json' | 'pretty';
  /** A writing run's claim on the index lock expires this long after its owner stops renewing it. */
  lockTtlMs: number;
  /** The environment handed to the search API process, without any Meilisearch secret. */
  childEnv: Record<string, string>;
}

/** Dependency-injection token of the config object. */
export const INDEXER_CONFIG = Symbol('INDEXER_CONFIG');

const SECRETS = new Set(['MEILI_MASTER_KEY', 'MEILI_SEARCH_KEY', 'MEILI_API_KEY']);

/** Validates the environment; throws ConfigError naming every bad variable. */
export function loadIndexerConfig(
  env: Record<string, string | undefined> = process.env,
): IndexerConfig {
  // An empty variable counts as unset, as in most shells' `VAR= command`.
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')),
  );
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const c = parsed.data;
  const childEnv = Object.fromEntries(
    Object.entries(env).filter(
      (e): e is [string, string] => e[1] !== undefined && !SECRETS.has(e[0]),
    ),
  );
  return {
    external:
      c.MEILI_URL === undefined ? null : { url: c.MEILI_URL, masterKey: c.MEILI_MASTER_KEY ?? '' },
    shards:
      c.MEILI_SHARDS === undefined
        ? null
        : { layout: c.MEILI_SHARDS, masterKey: c.MEILI_MASTER_KEY ?? '' },
    searchKey: c.MEILI_SEARCH_KEY ?? null,
    index: c.MEILI_INDEX,
    dataDir: c.MEILI_DATA_DIR,
    settingsPath: c.INDEX_SETTINGS_PATH,
    samplesDir: c.SAMPLES_DIR,
    batchBytes: c.BATCH_BYTES,
    api: { port: c.PORT, host: c.HOST, entry: c.SEARCH_API_ENTRY },
    logFormat: c.LOG_FORMAT ?? (process.stderr.isTTY ? 'pretty' : 'json'),
    lockTtlMs: c.INDEX_LOCK_TTL_SECONDS * 1000,
    childEnv,
  };
}

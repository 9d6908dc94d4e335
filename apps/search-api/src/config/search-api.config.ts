import { z } from 'zod';
import { shardLayoutSchema, type ShardLayout } from '@lib/search-core';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.js';

/** Raised at start-up when the environment is invalid; lists every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const list = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

const schema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    MEILI_URL: z
      .url({ message: 'must be the URL of a Meilisearch server, e.g. http://127.0.0.1:7700' })
      .optional(),
    MEILI_SHARDS: shardLayoutSchema.optional(),
    MEILI_REQUIRE_ALL_SHARDS: z.enum(['true', 'false']).default('false'),
    MEILI_API_KEY: z
      .string({ message: 'must be set to a search-only Meilisearch API key (indexer search-key)' })
      .min(1, 'must be a search-only Meilisearch API key'),
    MEILI_INDEX: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,400}$/, 'must be a Meilisearch index uid')
      .default('articles'),
    MEILI_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(1_500),
    LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
    LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
    CORS_ORIGINS: list,
    API_KEYS: list,
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
    TRUST_PROXY: z
      .string()
      .default('false')
      .transform((value, context) => {
        const setting = parseTrustProxy(value);
        if (typeof setting !== 'object' || Array.isArray(setting)) return setting;
        context.addIssue({ code: 'custom', message: setting.problem });
        return z.NEVER;
      }),
    PUBLIC_HTTPS: z.enum(['true', 'false']).default('false'),
    // 0.8: at 0.9 other-language hits cost the monolingual topical-tag set 0.006 nDCG@10 against
    // translation off; at 0.8 no eval-dev set or language loses, and cross-lingual Recall@10
    // without a filter goes from 0.503 to 0.497.
    TRANSLATION_WEIGHT: z.coerce.number().gt(0).max(1).default(0.8),
    TRANSLATION_MATCHING: z.enum(['last', 'all', 'frequency']).default('frequency'),
    TRANSLATION_MIN_SCORE: z.coerce.number().min(0).max(1).default(0),
  })
  .refine((c) => (c.MEILI_URL === undefined) !== (c.MEILI_SHARDS === undefined), {
    message:
      'set MEILI_URL (one Meilisearch node, e.g. http://127.0.0.1:7700) or MEILI_SHARDS (shards), one of them',
    path: ['MEILI_URL'],
  });

/** The search API's validated configuration, read once at start-up. */
export interface SearchApiConfig {
  port: number;
  host: string;
  meili: {
    /** One node, or null in sharded mode. */
    url: string | null;
    /** Sharded mode: the shards' nodes, searched through remote federated search. */
    shards: ShardLayout | null;
    /** With shards: answer 503 when one is missing, rather than the others' hits (partial). */
    requireAllShards: boolean;
    apiKey: string;
    index: string;
    timeoutMs: number;
  };
  log: { format: 'json' | 'pretty'; level: 'error' | 'warn' | 'log' | 'debug' | 'verbose' };
  corsOrigins: string[];
  /** Keys that service clients must send in X-API-Key; empty means no key is required. */
  apiKeys: string[];
  /** Requests per minute per client; 0 switches rate limiting off. */
  rateLimitPerMinute: number;
  /** Express's `trust proxy`: which X-Forwarded-For entry is the client's address. */
  trustProxy: TrustProxy;
  /**
   * The deployment is reached over HTTPS (a TLS-terminating proxy in front): only then may
   * browsers be told to upgrade requests and to remember HTTPS (HSTS). Over plain HTTP both
   * would send the page's own files to an https:// address nobody serves.
   */
  publicHttps: boolean;
  /** Cross-lingual search: the translated query's federation weight and matching strategy. */
  translation: {
    weight: number;
    matchingStrategy: 'last' | 'all' | 'frequency';
    /** Translated hits below this Meilisearch ranking score are left out. */
    minScore: number;
  };
}

/** Dependency-injection token of the config object. */
export const SEARCH_API_CONFIG = Symbol('SEARCH_API_CONFIG');

/** Validates the environment; throws ConfigError naming every bad variable. */
export function loadSearchApiConfig(
  env: Record<string, string | undefined> = process.env,
): SearchApiConfig {
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
  return {
    port: c.PORT,
    host: c.HOST,
    meili: {
      url: c.MEILI_URL ?? null,
      shards: c.MEILI_SHARDS ?? null,
      requireAllShards: c.MEILI_REQUIRE_ALL_SHARDS === 'true',
      apiKey: c.MEILI_API_KEY,
      index: c.MEILI_INDEX,
      timeoutMs: c.MEILI_TIMEOUT_MS,
    },
    log: { format: c.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json'), level: c.LOG_LEVEL },
    corsOrigins: c.CORS_ORIGINS,
    apiKeys: c.API_KEYS,
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
    trustProxy: c.TRUST_PROXY,
    publicHttps: c.PUBLIC_HTTPS === 'true',
    translation: {
      weight: c.TRANSLATION_WEIGHT,
      matchingStrategy: c.TRANSLATION_MATCHING,
      minScore: c.TRANSLATION_MIN_SCORE,
    },
  };
}

import { describe, expect, it } from 'vitest';
import { ConfigError, loadIndexerConfig } from './indexer.config.js';

describe('loadIndexerConfig', () => {
  it('defaults to the local server and keeps secrets out of the child environment', () => {
    const config = loadIndexerConfig({ PATH: '/bin', MEILI_SEARCH_KEY: 'search' });
    expect(config.external).toBeNull();
    expect(config.dataDir).toBe('data/meilisearch');
    expect(config.searchKey).toBe('search');
    expect(config.childEnv).toEqual({ PATH: '/bin' });
  });

  it('requires the master key with MEILI_URL, and names every bad variable', () => {
    let error: unknown;
    try {
      loadIndexerConfig({ MEILI_URL: 'http://m:7700', BATCH_BYTES: '10' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('MEILI_MASTER_KEY');
    expect(problems).toContain('BATCH_BYTES');
  });

  it('uses an external server with its master key', () => {
    const config = loadIndexerConfig({
      MEILI_URL: 'http://m:7700',
      MEILI_MASTER_KEY: 'x'.repeat(16),
    });
    expect(config.external).toEqual({ url: 'http://m:7700', masterKey: 'x'.repeat(16) });
  });
});

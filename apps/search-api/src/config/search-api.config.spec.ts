import { describe, expect, it } from 'vitest';
import { ConfigError, loadSearchApiConfig } from './search-api.config.js';

describe('loadSearchApiConfig', () => {
  it('reads a valid environment with defaults', () => {
    const config = loadSearchApiConfig({
      MEILI_URL: 'http://127.0.0.1:7700',
      MEILI_API_KEY: 'k',
      CORS_ORIGINS: 'https://a.example, https://b.example',
    });
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      meili: { url: 'http://127.0.0.1:7700', apiKey: 'k', index: 'articles', timeoutMs: 1500 },
      corsOrigins: ['https://a.example', 'https://b.example'],
      apiKeys: [],
    });
  });

  it('fails listing every bad variable', () => {
    let error: unknown;
    try {
      loadSearchApiConfig({ MEILI_URL: 'not a url', PORT: '70000', MEILI_INDEX: 'bad index!' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['MEILI_URL', 'MEILI_API_KEY', 'PORT', 'MEILI_INDEX'])
      expect(problems).toContain(name);
  });

  it('treats empty variables as unset', () => {
    expect(
      loadSearchApiConfig({ MEILI_URL: 'http://m:7700', MEILI_API_KEY: 'k', PORT: '' }).port,
    ).toBe(3000);
  });
});

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

  it('says what an unset or empty search key must be', () => {
    expect(() => loadSearchApiConfig({ MEILI_URL: 'http://m:7700', MEILI_API_KEY: '' })).toThrow(
      'MEILI_API_KEY: must be set to a search-only Meilisearch API key',
    );
  });

  it('treats empty variables as unset', () => {
    expect(
      loadSearchApiConfig({ MEILI_URL: 'http://m:7700', MEILI_API_KEY: 'k', PORT: '' }).port,
    ).toBe(3000);
  });

  describe('TRUST_PROXY', () => {
    const load = (TRUST_PROXY?: string) =>
      loadSearchApiConfig({ MEILI_URL: 'http://m:7700', MEILI_API_KEY: 'k', TRUST_PROXY });
    const problemsOf = (TRUST_PROXY: string): string => {
      try {
        load(TRUST_PROXY);
      } catch (error) {
        if (error instanceof ConfigError) return error.problems.join('\n');
        throw error;
      }
      throw new Error(`TRUST_PROXY=${TRUST_PROXY} was accepted`);
    };

    it('trusts no proxy by default or with false', () => {
      expect(load().trustProxy).toBe(false);
      expect(load('false').trustProxy).toBe(false);
    });

    it('reads a hop count', () => {
      expect(load('1').trustProxy).toBe(1);
      expect(load('2').trustProxy).toBe(2);
    });

    it('reads a list of proxy addresses, subnets and named ranges', () => {
      expect(load('loopback, 10.0.0.0/8,172.17.0.1 ,fd00::/8').trustProxy).toEqual([
        'loopback',
        '10.0.0.0/8',
        '172.17.0.1',
        'fd00::/8',
      ]);
    });

    it('refuses true, saying why and what to set instead', () => {
      const problems = problemsOf('true');
      expect(problems).toMatch(/^TRUST_PROXY: /);
      expect(problems).toContain('X-Forwarded-For');
      expect(problems).toContain('rate limit');
      expect(problems).toContain('e.g. 1');
      expect(problems).toContain('10.0.0.0/8');
    });

    it('names entries that are neither addresses nor subnets', () => {
      expect(problemsOf('10.0.0.0/33')).toContain('"10.0.0.0/33"');
      expect(problemsOf('loopback, proxy.example')).toContain('"proxy.example"');
      expect(problemsOf('-1')).toContain('TRUST_PROXY');
      expect(problemsOf(',')).toContain('TRUST_PROXY');
    });
  });

  it('sends HTTPS-only headers only when PUBLIC_HTTPS says the deployment is behind TLS', () => {
    const env = { MEILI_URL: 'http://m:7700', MEILI_API_KEY: 'k' };
    expect(loadSearchApiConfig(env).publicHttps).toBe(false);
    expect(loadSearchApiConfig({ ...env, PUBLIC_HTTPS: 'true' }).publicHttps).toBe(true);
    expect(() => loadSearchApiConfig({ ...env, PUBLIC_HTTPS: 'yes' })).toThrow(/PUBLIC_HTTPS/);
  });
});

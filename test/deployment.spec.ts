import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SEARCH_API_NODE_FLAGS } from '../apps/indexer/src/commands/serve.command.js';

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  volumes?: string[];
  healthcheck?: { test: string[] };
  profiles?: string[];
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const dockerfile = readFileSync('Dockerfile', 'utf8');

describe('docker-compose.yml', () => {
  const meili = compose.services.meilisearch;

  it('runs the official Meilisearch image pinned to a 1.x release patched for dump import', () => {
    // Every release before v1.33.1 lets a crafted dump read files (path traversal on import).
    const version = /^getmeili\/meilisearch:v1\.(\d+)\.(\d+)$/.exec(meili?.image ?? '');
    expect(version, meili?.image).not.toBeNull();
    const [minor, patch] = [Number(version?.[1]), Number(version?.[2])];
    expect(minor > 33 || (minor === 33 && patch >= 1), meili?.image).toBe(true);
  });

  it('takes the master key from the environment, with no default secret', () => {
    expect(meili?.environment?.MEILI_MASTER_KEY).toMatch(/^\$\{MEILI_MASTER_KEY:\?[^}]+\}$/);
    expect(meili?.environment?.MEILI_ENV).toBe('production');
  });

  it('keeps the Meilisearch data in a named volume', () => {
    const volume = meili?.volumes?.[0]?.split(':')[0] ?? '';
    expect(Object.keys(compose.volumes)).toContain(volume);
  });

  it('health-checks every long-running service', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (service.profiles?.includes('tools') === true) continue;
      expect(service.healthcheck?.test.length, name).toBeGreaterThan(0);
    }
  });

  it('builds search-api and indexer from the Dockerfile; only the indexer holds the master key', () => {
    expect(compose.services['search-api']?.build).toBe('.');
    expect(compose.services.indexer?.build).toBe('.');
    expect(compose.services['search-api']?.environment).not.toHaveProperty('MEILI_MASTER_KEY');
    expect(compose.services.indexer?.environment?.MEILI_MASTER_KEY).toMatch(
      /^\$\{MEILI_MASTER_KEY:\?/,
    );
  });
});

describe('Dockerfile', () => {
  it('is multi-stage and runs as a non-root user without the bundled Meilisearch', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    expect(runtime).toMatch(/^USER (?!root)\w+/m);
    expect(runtime).toContain('--omit=optional');
  });

  it('starts the search API with the heap caps that `npm start` and the benchmark use', () => {
    const command = dockerfile.match(/^CMD (\[.*\])$/m)?.[1] ?? '[]';
    expect(JSON.parse(command)).toEqual([
      'node',
      ...SEARCH_API_NODE_FLAGS,
      'dist/apps/search-api/src/main.js',
    ]);
  });
});

describe('package.json scripts', () => {
  const scripts = (
    JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }
  ).scripts;

  it.each(Object.entries(scripts).filter(([, line]) => line.includes('dist/')))(
    '%s runs a file the build emits from a source file',
    (_name, line) => {
      for (const [, compiled] of line.matchAll(/node (?:--\S+ )*dist\/(\S+)\.js/g))
        expect(existsSync(`${compiled ?? ''}.ts`), `${compiled ?? ''}.ts`).toBe(true);
    },
  );

  it.each(Object.entries(scripts).filter(([, line]) => line.includes('indexer/src/main.js')))(
    "%s replaces npm's shell with node (exec), so SIGTERM to npm reaches the indexer",
    (_name, line) => {
      expect(line).toMatch(/(^|&& )exec node /);
    },
  );
});

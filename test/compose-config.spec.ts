import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadIndexerConfig } from '../apps/indexer/src/config/indexer.config.js';
import { loadSearchApiConfig } from '../apps/search-api/src/config/search-api.config.js';

/**
 * Renders docker-compose.yml the way Compose reads it, with Debian's `docker-compose` (1.29),
 * which needs no Docker daemon for `config`. Compose interpolates the whole file before any
 * command, so every documented step must render with only the variables it has at that point.
 * `.ci/run` installs docker-compose; this test is never skipped without it.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const MASTER_KEY = 'test-master-key-0123456789';
const SEARCH_KEY = 'test-search-key-abcdef';
/** An empty env file, so that a developer's `.env` cannot change what is rendered. */
const emptyEnvFile = join(mkdtempSync(join(tmpdir(), 'compose-config-')), 'empty.env');
writeFileSync(emptyEnvFile, '');
afterAll(() => {
  rmSync(dirname(emptyEnvFile), { recursive: true, force: true });
});

interface RenderedService {
  image?: string;
  environment?: Record<string, string>;
  command?: string[];
}
interface Rendered {
  services: Record<string, RenderedService>;
  volumes?: Record<string, { name?: string } | null>;
}

/** Runs `docker-compose config` with exactly `vars` in the environment and no `.env` file. */
function composeConfig(
  vars: Record<string, string>,
  file = 'docker-compose.yml',
): {
  status: number | null;
  stdout: string;
  stderr: string;
} {
  const result = spawnSync('docker-compose', ['--env-file', emptyEnvFile, '-f', file, 'config'], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...vars },
    timeout: 30_000,
  });
  if (result.error !== undefined) {
    throw new Error(
      `cannot run docker-compose (${result.error.message}); install Debian's docker-compose package, as .ci/run does`,
    );
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function render(vars: Record<string, string>, file = 'docker-compose.yml'): Rendered {
  const { status, stdout, stderr } = composeConfig(vars, file);
  expect(status, stderr).toBe(0);
  return parse(stdout) as Rendered;
}

/** The image the compose file pins (read from the file itself, not rendered). */
const pinnedImage = (
  parse(readFileSync(`${root}docker-compose.yml`, 'utf8')) as {
    services: Record<string, { image?: string }>;
  }
).services.meilisearch?.image;

const onlyMasterKey = { MEILI_MASTER_KEY: MASTER_KEY };
const bothKeys = { MEILI_MASTER_KEY: MASTER_KEY, MEILI_SEARCH_KEY: SEARCH_KEY };

/** The documented order of commands (the header comment of docker-compose.yml) and what each has set. */
const steps = [
  { command: 'up -d meilisearch', service: 'meilisearch', vars: onlyMasterKey },
  { command: 'run --rm indexer search-key', service: 'indexer', vars: onlyMasterKey },
  { command: 'run --rm indexer reindex', service: 'indexer', vars: onlyMasterKey },
  { command: 'up -d search-api', service: 'search-api', vars: bothKeys },
];

describe('docker-compose.yml as docker-compose 1.29 renders it', () => {
  it('documents its steps in this order in the header comment', () => {
    const header = readFileSync(`${root}docker-compose.yml`, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('#'))
      .join('\n');
    let from = 0;
    for (const { command } of steps) {
      const at = header.indexOf(`docker compose ${command}`, from);
      expect(at, command).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
  });

  it.each(steps)('renders for `$command` with only the keys that exist by then', (step) => {
    const config = render(step.vars);
    expect(config.services[step.service], step.service).toBeDefined();
    expect(config.services.meilisearch?.image).toBe(pinnedImage);
    expect(config.services.meilisearch?.environment?.MEILI_MASTER_KEY).toBe(MASTER_KEY);
    expect(config.services.indexer?.environment?.MEILI_MASTER_KEY).toBe(MASTER_KEY);
    expect(config.services['search-api']?.environment).not.toHaveProperty('MEILI_MASTER_KEY');
    expect(config.services['search-api']?.environment?.MEILI_API_KEY).toBe(
      'MEILI_SEARCH_KEY' in step.vars ? SEARCH_KEY : '',
    );
  });

  it('hands the search API a configuration it accepts once the search key is set', () => {
    const env = render(bothKeys).services['search-api']?.environment ?? {};
    expect(loadSearchApiConfig(env).meili).toMatchObject({
      url: 'http://meilisearch:7700',
      apiKey: SEARCH_KEY,
    });
  });

  it('leaves a search API started before the search key exists to refuse, naming MEILI_API_KEY', () => {
    const env = render(onlyMasterKey).services['search-api']?.environment ?? {};
    expect(() => loadSearchApiConfig(env)).toThrow(/MEILI_API_KEY/);
  });

  it('keeps the Meilisearch data in the same named volume whatever the project directory', () => {
    expect(render(onlyMasterKey).volumes?.['meili-data']?.name).toBe('news-search_meili-data');
  });

  it('refuses to render without MEILI_MASTER_KEY, saying so', () => {
    const withoutMasterKey: Array<Record<string, string>> = [{}, { MEILI_SEARCH_KEY: SEARCH_KEY }];
    for (const vars of withoutMasterKey) {
      const { status, stderr } = composeConfig(vars);
      expect(status).not.toBe(0);
      expect(stderr).toContain('MEILI_MASTER_KEY');
    }
  });
});

describe('docker-compose.cluster.yml as docker-compose 1.29 renders it', () => {
  const file = 'docker-compose.cluster.yml';
  const clusterSteps = [
    { command: 'up -d meili-0 meili-1 meili-2', service: 'meili-2', vars: onlyMasterKey },
    { command: 'run --rm indexer search-key', service: 'indexer', vars: onlyMasterKey },
    { command: 'run --rm indexer reindex', service: 'indexer', vars: onlyMasterKey },
    { command: 'up -d proxy', service: 'proxy', vars: bothKeys },
  ];

  it('documents its steps in this order in the header comment', () => {
    const header = readFileSync(`${root}${file}`, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('#'))
      .join('\n');
    let from = 0;
    for (const { command } of clusterSteps) {
      const at = header.indexOf(`docker compose -f ${file} ${command}`, from);
      expect(at, command).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
  });

  it.each(clusterSteps)('renders for `$command` with only the keys that exist by then', (step) => {
    const config = render(step.vars, file);
    expect(config.services[step.service], step.service).toBeDefined();
    for (const node of ['meili-0', 'meili-1', 'meili-2']) {
      expect(config.services[node]?.image, node).toBe(pinnedImage);
      expect(config.services[node]?.environment?.MEILI_MASTER_KEY, node).toBe(MASTER_KEY);
    }
    for (const api of ['search-api-1', 'search-api-2'])
      expect(config.services[api]?.environment, api).not.toHaveProperty('MEILI_MASTER_KEY');
  });

  it('hands both search API replicas and the indexer the three shards, in the same order', () => {
    const config = render(bothKeys, file);
    for (const api of ['search-api-1', 'search-api-2']) {
      const meili = loadSearchApiConfig(config.services[api]?.environment ?? {}).meili;
      expect(meili.apiKey).toBe(SEARCH_KEY);
      expect(meili.shards?.shards.map((shard) => shard.nodes[0]?.url)).toEqual([
        'http://meili-0:7700',
        'http://meili-1:7700',
        'http://meili-2:7700',
      ]);
    }
    const indexer = loadIndexerConfig(config.services.indexer?.environment ?? {});
    expect(indexer.shards?.layout.shards).toHaveLength(3);
    expect(indexer.shards?.masterKey).toBe(MASTER_KEY);
  });

  it('puts both search API replicas behind the proxy', () => {
    const command = render(bothKeys, file).services.proxy?.command ?? [];
    expect(command).toEqual(expect.arrayContaining(['search-api-1:3000', 'search-api-2:3000']));
  });

  it('refuses to render without MEILI_MASTER_KEY, saying so', () => {
    const { status, stderr } = composeConfig({}, file);
    expect(status).not.toBe(0);
    expect(stderr).toContain('MEILI_MASTER_KEY');
  });
});

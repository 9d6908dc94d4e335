import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
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
}
interface Rendered {
  services: Record<string, RenderedService>;
  volumes?: Record<string, { name?: string } | null>;
}

/** Runs `docker-compose config` with exactly `vars` in the environment and no `.env` file. */
function composeConfig(vars: Record<string, string>): {
  status: number | null;
  stdout: string;
  stderr: string;
} {
  const result = spawnSync(
    'docker-compose',
    ['--env-file', emptyEnvFile, '-f', 'docker-compose.yml', 'config'],
    {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...vars },
      timeout: 30_000,
    },
  );
  if (result.error !== undefined) {
    throw new Error(
      `cannot run docker-compose (${result.error.message}); install Debian's docker-compose package, as .ci/run does`,
    );
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function render(vars: Record<string, string>): Rendered {
  const { status, stdout, stderr } = composeConfig(vars);
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

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { LocalMeilisearchServer } from '@lib/search-core';

declare module 'vitest' {
  export interface ProvidedContext {
    meili: { url: string; masterKey: string; runId: string };
  }
}

/**
 * Starts one real Meilisearch (the pinned npm binary) in a temporary data folder for the e2e
 * run; each test file creates its own uniquely named indexes in it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'news-search-e2e-'));
  const server = await LocalMeilisearchServer.startOrAttach({ dataDir, environment: process.env });
  project.provide('meili', {
    url: server.url,
    masterKey: server.masterKey,
    runId: Date.now().toString(36),
  });
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

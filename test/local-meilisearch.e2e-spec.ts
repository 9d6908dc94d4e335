import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { processExists } from './support/processes.js';
import { isMeilisearchHealthy, LocalMeilisearchServer, MeiliRepository } from '@lib/search-core';

async function serverPid(dataDir: string): Promise<number> {
  const record = JSON.parse(await readFile(join(dataDir, 'server.json'), 'utf8')) as {
    pid: number;
  };
  return record.pid;
}

describe('the managed local Meilisearch', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'local-meili-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts on loopback with a 0600 master key, and stops with no process left', async () => {
    const server = await LocalMeilisearchServer.startOrAttach({
      dataDir,
      environment: process.env,
    });
    const pid = await serverPid(dataDir);
    try {
      expect(server.owned).toBe(true);
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await stat(join(dataDir, 'master-key'))).mode & 0o777).toBe(0o600);
      expect(await isMeilisearchHealthy(server.url)).toBe(true);
      const unauthorized = await fetch(`${server.url}/indexes`);
      expect(unauthorized.status).toBe(401);
    } finally {
      await server.stop();
    }
    expect(processExists(pid)).toBe(false);
    expect(await isMeilisearchHealthy(server.url)).toBe(false);
  });

  it('starts with a key that begins with a dash, and keeps the key out of its arguments', async () => {
    const key = '-vDashFirstKeyForMeilisearch0123456789abcdef';
    await writeFile(join(dataDir, 'master-key'), key, { mode: 0o600 });
    // An app variable that Meilisearch would read as one of its own options.
    process.env.MEILI_ENV = 'development';
    const server = await LocalMeilisearchServer.startOrAttach({
      dataDir,
      environment: process.env,
    }).finally(() => {
      delete process.env.MEILI_ENV;
    });
    try {
      const environment = await readFile(
        `/proc/${String(await serverPid(dataDir))}/environ`,
        'utf8',
      );
      expect(environment.split('\0')).not.toContain('MEILI_ENV=development');
      expect(server.masterKey).toBe(key);
      const repository = new MeiliRepository({ url: server.url, apiKey: key });
      await repository.createIndex('dash', {});
      const args = await readFile(`/proc/${String(await serverPid(dataDir))}/cmdline`, 'utf8');
      expect(args).not.toContain(key);
    } finally {
      await server.stop();
    }
  });

  it('lets a second process attach to the running server without owning it', async () => {
    const owner = await LocalMeilisearchServer.startOrAttach({ dataDir, environment: process.env });
    try {
      const attached = await LocalMeilisearchServer.startOrAttach({
        dataDir,
        environment: process.env,
      });
      expect(attached.owned).toBe(false);
      expect(attached.url).toBe(owner.url);
      await attached.stop();
      expect(await isMeilisearchHealthy(owner.url)).toBe(true);
    } finally {
      await owner.stop();
    }
  });

  it('reuses its data and key on restart, and starts clean when the folder is deleted', async () => {
    const first = await LocalMeilisearchServer.startOrAttach({ dataDir, environment: process.env });
    const repository = new MeiliRepository({ url: first.url, apiKey: first.masterKey });
    await repository.createIndex('kept', {});
    await first.stop();

    const second = await LocalMeilisearchServer.startOrAttach({
      dataDir,
      environment: process.env,
    });
    expect(second.masterKey).toBe(first.masterKey);
    expect(
      await new MeiliRepository({ url: second.url, apiKey: second.masterKey }).listIndexes(),
    ).toContain('kept');
    await second.stop();

    await rm(dataDir, { recursive: true, force: true });
    const fresh = await LocalMeilisearchServer.startOrAttach({ dataDir, environment: process.env });
    try {
      expect(fresh.masterKey).not.toBe(first.masterKey);
      expect(
        await new MeiliRepository({ url: fresh.url, apiKey: fresh.masterKey }).listIndexes(),
      ).toEqual([]);
    } finally {
      await fresh.stop();
    }
  });
});

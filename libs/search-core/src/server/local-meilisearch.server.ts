import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, open } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MeilisearchStartError } from '../errors/search-core.error.js';
import { isMeilisearchHealthy, waitForHealthy } from './health.js';
import { loadOrCreateMasterKey } from './master-key.js';
import { findFreePort } from './free-port.js';
import { resolveMeilisearchBinary } from './meilisearch-binary.js';
import {
  isProcessAlive,
  readServerRecord,
  removeServerRecord,
  writeServerRecord,
} from './server-registry.js';

/** Options of the managed local Meilisearch. */
export interface LocalMeilisearchOptions {
  /** Its own data folder: database, master key, log and the server record. */
  dataDir: string;
  /** A fixed port; by default a free one is chosen. */
  port?: number;
  /** How long to wait for /health after spawning. */
  startTimeoutMs?: number;
  /** Receives one line per lifecycle event. */
  log?: (message: string) => void;
  /**
   * The environment the server inherits, from the caller's config (the indexer passes its own,
   * less secrets). MEILI_* variables are left out: Meilisearch reads them as its own options.
   */
  environment: Readonly<Record<string, string | undefined>>;
}

const LOOPBACK = '127.0.0.1';
const STOP_GRACE_MS = 5_000;

/**
 * The environment the server starts with: the given one, less the MEILI_* variables, which
 * Meilisearch reads as its own options (the apps' MEILI_INDEX or MEILI_URL are not for it).
 */
function serverEnvironment(env: Readonly<Record<string, string | undefined>>): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('MEILI_')));
}

/**
 * The real Meilisearch server from the pinned npm package, run on loopback with its own data
 * folder. A process that finds the folder's server already run by a live owner attaches to it
 * (Meilisearch locks its database) and never stops it; the owner stops it on `stop()` or exit.
 */
export class LocalMeilisearchServer {
  private exitHandler: (() => void) | undefined;

  private constructor(
    readonly url: string,
    readonly masterKey: string,
    readonly dataDir: string,
    private readonly child: ChildProcess | undefined,
  ) {}

  /** True when this process started the server and will stop it. */
  get owned(): boolean {
    return this.child !== undefined;
  }

  /** Attaches to the folder's running server, or starts one. */
  static async startOrAttach(options: LocalMeilisearchOptions): Promise<LocalMeilisearchServer> {
    const dataDir = resolve(options.dataDir);
    const log = options.log ?? (() => undefined);
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const masterKey = await loadOrCreateMasterKey(dataDir);
    const record = await readServerRecord(dataDir);
    if (record !== null && isProcessAlive(record.pid)) {
      if (isProcessAlive(record.ownerPid) && (await isMeilisearchHealthy(record.url))) {
        log(`attached to running Meilisearch at ${record.url} (pid ${record.pid})`);
        return new LocalMeilisearchServer(record.url, masterKey, dataDir, undefined);
      }
      log(`stopping orphaned Meilisearch (pid ${record.pid}) left by a dead owner`);
      process.kill(record.pid, 'SIGKILL');
    }
    return LocalMeilisearchServer.spawnServer({ ...options, dataDir, log }, masterKey);
  }

  private static async spawnServer(
    options: LocalMeilisearchOptions & { log: (message: string) => void },
    masterKey: string,
  ): Promise<LocalMeilisearchServer> {
    const { dataDir, log } = options;
    const binary = await resolveMeilisearchBinary(join(dataDir, 'bin'));
    const port = options.port ?? (await findFreePort(LOOPBACK));
    const url = `http://${LOOPBACK}:${port}`;
    const logFile = await open(join(dataDir, 'meilisearch.log'), 'a');
    // name=value, so that no value can read as a flag; the key goes in the environment, out of
    // the process list.
    const args = [
      `--db-path=${join(dataDir, 'db')}`,
      `--dump-dir=${join(dataDir, 'dumps')}`,
      `--snapshot-dir=${join(dataDir, 'snapshots')}`,
      `--http-addr=${LOOPBACK}:${port}`,
      '--env=production',
      '--no-analytics',
    ];
    const child = spawn(binary, args, {
      stdio: ['ignore', logFile.fd, logFile.fd],
      env: { ...serverEnvironment(options.environment), MEILI_MASTER_KEY: masterKey },
    });
    await logFile.close();
    let exited = false;
    child.once('exit', () => (exited = true));
    const server = new LocalMeilisearchServer(url, masterKey, dataDir, child);
    server.installExitHandler();
    const healthy = await waitForHealthy({
      url,
      timeoutMs: options.startTimeoutMs ?? 30_000,
      isAlive: () => !exited,
    });
    if (!healthy) {
      await server.stop();
      throw new MeilisearchStartError(
        `Meilisearch did not become healthy at ${url}; see ${join(dataDir, 'meilisearch.log')}`,
      );
    }
    await writeServerRecord(dataDir, {
      url,
      pid: child.pid ?? -1,
      ownerPid: process.pid,
      startedAt: new Date().toISOString(),
    });
    log(`started Meilisearch at ${url} (pid ${child.pid}, data ${dataDir})`);
    return server;
  }

  /** Kills the child synchronously if this process exits without calling stop(). */
  private installExitHandler(): void {
    this.exitHandler = () => {
      this.child?.kill('SIGKILL');
    };
    process.once('exit', this.exitHandler);
  }

  /** Stops the server if this process owns it: SIGTERM, then SIGKILL after a grace period. */
  async stop(): Promise<void> {
    const child = this.child;
    if (child === undefined) return;
    if (this.exitHandler !== undefined) process.removeListener('exit', this.exitHandler);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((done) => {
        child.once('exit', () => {
          done();
        });
      });
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
    const record = await readServerRecord(this.dataDir);
    if (record?.pid === child.pid) await removeServerRecord(this.dataDir);
  }
}

import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MeilisearchStartError } from '../errors/search-core.error.js';
import { isMeilisearchHealthy, waitForHealthy } from './health.js';
import { loadOrCreateMasterKey } from './master-key.js';
import { findFreePort } from './free-port.js';
import { resolveMeilisearchBinary } from './meilisearch-binary.js';
import { MeilisearchProcess } from './meilisearch-process.js';
import { isProcessAlive, readServerRecord, type ServerRecord } from './server-registry.js';

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
  /**
   * Restart the server when it dies (on the same port, with backoff), for as long as this
   * process owns it: `serve` does, so search recovers without a human.
   */
  supervise?: boolean;
}

const LOOPBACK = '127.0.0.1';
/** How long a process waits for the owner's server to come back before giving up. */
const OWNER_RESTART_WAIT_MS = 45_000;
/** How often a supervising process checks the owner of the server it attached to. */
const OWNER_CHECK_MS = 1_000;

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
  private process: MeilisearchProcess | undefined;
  private ownerWatch: NodeJS.Timeout | undefined;
  private takingOver: Promise<void> = Promise.resolve();

  private constructor(
    readonly url: string,
    readonly masterKey: string,
    readonly dataDir: string,
  ) {}

  /** True when this process runs the server and will stop it. */
  get owned(): boolean {
    return this.process !== undefined;
  }

  /**
   * Attaches to the folder's running server, or starts one. While the server's owner is alive
   * it alone starts and stops it: another process waits for it to come back rather than start
   * a second server or touch the owner's record. With `supervise`, a process that attached
   * takes the server over (same address) when its owner goes, so `serve` keeps search up even
   * when a CLI run had started the server.
   */
  static async startOrAttach(options: LocalMeilisearchOptions): Promise<LocalMeilisearchServer> {
    const dataDir = resolve(options.dataDir);
    const log = options.log ?? (() => undefined);
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const masterKey = await loadOrCreateMasterKey(dataDir);
    const record = await readServerRecord(dataDir);
    if (record !== null && isProcessAlive(record.ownerPid)) {
      await LocalMeilisearchServer.awaitOwnersServer(dataDir, record, log);
      log(`attached to running Meilisearch at ${record.url} (pid ${record.pid})`);
      const server = new LocalMeilisearchServer(record.url, masterKey, dataDir);
      if (options.supervise === true) server.watchOwner(record, { ...options, dataDir, log });
      return server;
    }
    if (record !== null && isProcessAlive(record.pid)) {
      log(`stopping orphaned Meilisearch (pid ${record.pid}) left by a dead owner`);
      process.kill(record.pid, 'SIGKILL');
    }
    const port = options.port ?? (await findFreePort(LOOPBACK));
    const server = new LocalMeilisearchServer(`http://${LOOPBACK}:${port}`, masterKey, dataDir);
    await server.run({ ...options, dataDir, log }, port);
    return server;
  }

  private static async awaitOwnersServer(
    dataDir: string,
    record: ServerRecord,
    log: (message: string) => void,
  ): Promise<void> {
    if (await isMeilisearchHealthy(record.url)) return;
    log(`waiting for the Meilisearch of process ${record.ownerPid} to come back`);
    const back = await waitForHealthy({
      url: record.url,
      timeoutMs: OWNER_RESTART_WAIT_MS,
      isAlive: () => isProcessAlive(record.ownerPid),
    });
    if (!back) {
      throw new MeilisearchStartError(
        `the local Meilisearch of ${dataDir} is run by process ${record.ownerPid}, and does not answer at ${record.url}; try again, or stop that process`,
      );
    }
  }

  /** Starts the server process of this folder on `port`; throws when it never gets healthy. */
  private async run(
    options: LocalMeilisearchOptions & { log: (message: string) => void },
    port: number,
  ): Promise<void> {
    const { dataDir } = options;
    const binary = await resolveMeilisearchBinary(join(dataDir, 'bin'));
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
    const server = new MeilisearchProcess({
      binary,
      args,
      env: { ...serverEnvironment(options.environment), MEILI_MASTER_KEY: this.masterKey },
      url: this.url,
      dataDir,
      startTimeoutMs: options.startTimeoutMs ?? 30_000,
      supervise: options.supervise === true,
      log: options.log,
    });
    this.process = server;
    if (!(await server.start())) {
      await server.stop();
      this.process = undefined;
      throw new MeilisearchStartError(
        `Meilisearch did not become healthy at ${this.url}; see ${join(dataDir, 'meilisearch.log')}`,
      );
    }
    options.log(`started Meilisearch at ${this.url} (pid ${server.pid}, data ${dataDir})`);
  }

  /** Takes the attached server over on its own address when its owner process is gone. */
  private watchOwner(
    record: ServerRecord,
    options: LocalMeilisearchOptions & { dataDir: string; log: (message: string) => void },
  ): void {
    const port = Number(new URL(record.url).port);
    this.ownerWatch = setInterval(() => {
      if (isProcessAlive(record.ownerPid)) return;
      clearInterval(this.ownerWatch);
      options.log(`the owner of Meilisearch (pid ${record.ownerPid}) is gone: taking it over`);
      this.takingOver = this.run({ ...options, supervise: true }, port).catch((error: unknown) => {
        options.log(`taking Meilisearch over failed: ${String(error)}`);
      });
    }, OWNER_CHECK_MS);
    this.ownerWatch.unref();
  }

  /** Stops the server if this process runs it; an attached process leaves it running. */
  async stop(): Promise<void> {
    clearInterval(this.ownerWatch);
    await this.takingOver;
    await this.process?.stop();
  }
}

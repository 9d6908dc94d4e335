import type { ChildProcess } from 'node:child_process';
import { mkdir, open } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MeilisearchStartError } from '../errors/search-core.error.js';
import { spawnTiedToParent } from './child-process.js';
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
  /**
   * Restart the server when it dies (on the same port, with backoff), for as long as this
   * process owns it: `serve` does, so search recovers without a human.
   */
  supervise?: boolean;
}

const LOOPBACK = '127.0.0.1';
const STOP_GRACE_MS = 5_000;
/** Restart delays after unexpected exits: 1 s, doubling to 30 s; reset after a minute up. */
const RESTART_DELAY_MS = { first: 1_000, max: 30_000, resetAfter: 60_000 };
/** How long a process waits for the owner's server to come back before giving up. */
const OWNER_RESTART_WAIT_MS = 45_000;

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
  private stopping = false;
  private restarts = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private childStartedAt = 0;

  private constructor(
    readonly url: string,
    readonly masterKey: string,
    readonly dataDir: string,
    private child: ChildProcess | undefined,
    private readonly launch?: {
      binary: string;
      args: string[];
      env: NodeJS.ProcessEnv;
      options: LocalMeilisearchOptions & { log: (message: string) => void };
    },
  ) {}

  /** True when this process started the server and will stop it. */
  get owned(): boolean {
    return this.launch !== undefined;
  }

  /**
   * Attaches to the folder's running server, or starts one. While the server's owner is alive
   * it alone starts and stops it: another process waits for it to come back rather than start
   * a second server or touch the owner's record.
   */
  static async startOrAttach(options: LocalMeilisearchOptions): Promise<LocalMeilisearchServer> {
    const dataDir = resolve(options.dataDir);
    const log = options.log ?? (() => undefined);
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const masterKey = await loadOrCreateMasterKey(dataDir);
    const record = await readServerRecord(dataDir);
    if (record !== null && isProcessAlive(record.ownerPid)) {
      const healthy =
        (await isMeilisearchHealthy(record.url)) ||
        (log(`waiting for the Meilisearch of process ${record.ownerPid} to come back`),
        await waitForHealthy({
          url: record.url,
          timeoutMs: OWNER_RESTART_WAIT_MS,
          isAlive: () => isProcessAlive(record.ownerPid),
        }));
      if (!healthy) {
        throw new MeilisearchStartError(
          `the local Meilisearch of ${dataDir} is run by process ${record.ownerPid}, and does not answer at ${record.url}; try again, or stop that process`,
        );
      }
      log(`attached to running Meilisearch at ${record.url} (pid ${record.pid})`);
      return new LocalMeilisearchServer(record.url, masterKey, dataDir, undefined);
    }
    if (record !== null && isProcessAlive(record.pid)) {
      log(`stopping orphaned Meilisearch (pid ${record.pid}) left by a dead owner`);
      process.kill(record.pid, 'SIGKILL');
    }
    return LocalMeilisearchServer.spawnServer({ ...options, dataDir, log }, masterKey);
  }

  private static async spawnServer(
    options: LocalMeilisearchOptions & { log: (message: string) => void },
    masterKey: string,
  ): Promise<LocalMeilisearchServer> {
    const { dataDir } = options;
    const binary = await resolveMeilisearchBinary(join(dataDir, 'bin'));
    const port = options.port ?? (await findFreePort(LOOPBACK));
    const url = `http://${LOOPBACK}:${port}`;
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
    const env = { ...serverEnvironment(options.environment), MEILI_MASTER_KEY: masterKey };
    const server = new LocalMeilisearchServer(url, masterKey, dataDir, undefined, {
      binary,
      args,
      env,
      options,
    });
    server.installExitHandler();
    if (!(await server.startChild())) {
      await server.stop();
      throw new MeilisearchStartError(
        `Meilisearch did not become healthy at ${url}; see ${join(dataDir, 'meilisearch.log')}`,
      );
    }
    options.log(`started Meilisearch at ${url} (pid ${server.child?.pid}, data ${dataDir})`);
    return server;
  }

  /** Spawns the server tied to this process, waits for health and publishes the record. */
  private async startChild(): Promise<boolean> {
    const launch = this.launch;
    if (launch === undefined) return false;
    const logFile = await open(join(this.dataDir, 'meilisearch.log'), 'a');
    const child = spawnTiedToParent(launch.binary, launch.args, {
      stdio: ['ignore', logFile.fd, logFile.fd],
      env: launch.env,
    });
    await logFile.close();
    this.child = child;
    this.childStartedAt = Date.now();
    let exited = false;
    child.once('exit', (code, signal) => {
      exited = true;
      this.onChildExit(child, code, signal);
    });
    const healthy = await waitForHealthy({
      url: this.url,
      timeoutMs: launch.options.startTimeoutMs ?? 30_000,
      isAlive: () => !exited,
    });
    if (!healthy) return false;
    if (this.stopping) return true;
    await writeServerRecord(this.dataDir, {
      url: this.url,
      pid: child.pid ?? -1,
      ownerPid: process.pid,
      startedAt: new Date(this.childStartedAt).toISOString(),
    });
    return true;
  }

  /** Restarts a supervised server that died, with backoff; logs each step. */
  private onChildExit(child: ChildProcess, code: number | null, signal: string | null): void {
    const launch = this.launch;
    if (this.stopping || launch?.options.supervise !== true || child !== this.child) return;
    const upFor = Date.now() - this.childStartedAt;
    if (upFor > RESTART_DELAY_MS.resetAfter) this.restarts = 0;
    const delay = Math.min(RESTART_DELAY_MS.first * 2 ** this.restarts, RESTART_DELAY_MS.max);
    this.restarts++;
    launch.options.log(
      `Meilisearch (pid ${child.pid}) exited (${signal ?? `code ${code}`}); restarting in ${delay / 1000} s`,
    );
    this.restartTimer = setTimeout(() => {
      void this.startChild().then(
        (healthy) => {
          if (healthy && !this.stopping)
            launch.options.log(`restarted Meilisearch at ${this.url} (pid ${this.child?.pid})`);
        },
        (error: unknown) => {
          launch.options.log(`restarting Meilisearch failed: ${String(error)}`);
        },
      );
    }, delay);
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
    if (!this.owned) return;
    this.stopping = true;
    clearTimeout(this.restartTimer);
    if (this.exitHandler !== undefined) process.removeListener('exit', this.exitHandler);
    const child = this.child;
    if (child === undefined) return;
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
    if (record?.ownerPid === process.pid) await removeServerRecord(this.dataDir);
  }
}

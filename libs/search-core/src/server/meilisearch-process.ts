import type { ChildProcess } from 'node:child_process';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { spawnTiedToParent } from './child-process.js';
import { waitForHealthy } from './health.js';
import { readServerRecord, removeServerRecord, writeServerRecord } from './server-registry.js';

/** How to run one Meilisearch server process. */
export interface MeilisearchLaunch {
  binary: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  url: string;
  dataDir: string;
  startTimeoutMs: number;
  /** Restart it whenever it dies or fails to start, with backoff. */
  supervise: boolean;
  log: (message: string) => void;
}

const STOP_GRACE_MS = 5_000;
/**
 * Restart delays after unexpected exits: at once (searches wait out a restart this short),
 * then 1 s, doubling to 30 s while it keeps failing; reset after a minute up.
 */
const RESTART_DELAY_MS = { first: 1_000, max: 30_000, resetAfter: 60_000 };

/**
 * The Meilisearch process this process owns: spawned tied to it (it dies with it), published in
 * the data folder's `server.json` once healthy, and with `supervise` restarted on the same
 * address whenever it exits, fails to start or never becomes healthy, each step logged.
 */
export class MeilisearchProcess {
  private child: ChildProcess | undefined;
  private stopping = false;
  private restarts = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private starting: Promise<boolean> = Promise.resolve(false);
  private startedAt = 0;
  private readonly exitHandler = (): void => {
    this.child?.kill('SIGKILL');
  };

  constructor(private readonly launch: MeilisearchLaunch) {
    process.once('exit', this.exitHandler);
  }

  /** Process id of the running server, if any. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the server; resolves to whether it became healthy. */
  start(): Promise<boolean> {
    this.starting = this.spawnAndWait();
    return this.starting;
  }

  /** Stops the server (waiting out a restart under way): SIGTERM, then SIGKILL. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    process.removeListener('exit', this.exitHandler);
    await this.starting.catch(() => false);
    const child = this.child;
    if (child !== undefined && child.exitCode === null && child.signalCode === null) {
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
    const record = await readServerRecord(this.launch.dataDir);
    if (record?.ownerPid === process.pid) await removeServerRecord(this.launch.dataDir);
  }

  private async spawnAndWait(): Promise<boolean> {
    const { launch } = this;
    const logFile = await open(join(launch.dataDir, 'meilisearch.log'), 'a');
    if (this.stopping) {
      await logFile.close();
      return false;
    }
    const child = spawnTiedToParent(launch.binary, launch.args, {
      stdio: ['ignore', logFile.fd, logFile.fd],
      env: launch.env,
    });
    await logFile.close();
    this.child = child;
    this.startedAt = Date.now();
    const state = { exited: false };
    child.once('error', (error) => {
      launch.log(`Meilisearch could not be started: ${error.message}`);
    });
    child.once('exit', (code, signal) => {
      state.exited = true;
      this.onExit(child, signal ?? `code ${code}`);
    });
    const healthy = await waitForHealthy({
      url: launch.url,
      timeoutMs: launch.startTimeoutMs,
      isAlive: () => !state.exited,
    });
    if (!healthy) {
      // Hung or dead: its exit (now, or already) schedules the next attempt when supervised.
      if (!state.exited) child.kill('SIGKILL');
      return false;
    }
    if (!this.isStopping()) {
      await writeServerRecord(launch.dataDir, {
        url: launch.url,
        pid: child.pid ?? -1,
        ownerPid: process.pid,
        startedAt: new Date(this.startedAt).toISOString(),
      });
    }
    return true;
  }

  /** Read through a method: `stop()` may set it while a start awaits. */
  private isStopping(): boolean {
    return this.stopping;
  }

  private onExit(child: ChildProcess, how: string): void {
    if (this.stopping || !this.launch.supervise || child !== this.child) return;
    if (Date.now() - this.startedAt > RESTART_DELAY_MS.resetAfter) this.restarts = 0;
    const delay =
      this.restarts === 0
        ? 0
        : Math.min(RESTART_DELAY_MS.first * 2 ** (this.restarts - 1), RESTART_DELAY_MS.max);
    this.restarts++;
    this.launch.log(
      `Meilisearch (pid ${child.pid}) exited (${how}); restarting in ${delay / 1000} s`,
    );
    this.restartTimer = setTimeout(() => {
      this.restart();
    }, delay);
  }

  private restart(): void {
    if (this.stopping) return;
    this.start().then(
      (healthy) => {
        if (healthy && !this.stopping)
          this.launch.log(`restarted Meilisearch at ${this.launch.url} (pid ${this.pid})`);
      },
      (error: unknown) => {
        // Nothing was spawned (the log file or spawn itself failed): try again later.
        this.launch.log(`restarting Meilisearch failed: ${String(error)}`);
        if (this.child !== undefined) this.onExit(this.child, 'not started');
      },
    );
  }
}

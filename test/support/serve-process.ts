import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
  });
}

/** Polls until `check` holds or `timeoutMs` passes; returns whether it held. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

/** True when GET /ready answers 200. */
export function isReady(base: string): Promise<boolean> {
  return fetch(`${base}/ready`).then(
    (response) => response.ok,
    () => false,
  );
}

/** The environment of a local `serve` with its own data folder and port. */
export function serveEnvironment(dataDir: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    MEILI_DATA_DIR: dataDir,
    PORT: String(port),
    LOG_FORMAT: 'json',
    MEILI_URL: '',
    MEILI_MASTER_KEY: '',
  };
}

/** Starts `indexer serve` (or `command` with `args`, e.g. npm run serve) and collects output. */
export function startServe(
  env: NodeJS.ProcessEnv,
  command: string = process.execPath,
  args: string[] = ['dist/apps/indexer/src/main.js', 'serve'],
): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** Waits until the API answers /ready, failing early if `child` exits. */
export async function waitForReady(base: string, child: ChildProcess): Promise<void> {
  const ready = await eventually(() => {
    if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}`);
    return isReady(base);
  }, 90_000);
  if (!ready) throw new Error('search API not ready in time');
}

/** The published record of the data folder's Meilisearch. */
export async function serverRecord(
  dataDir: string,
): Promise<{ pid: number; ownerPid: number; url: string }> {
  return JSON.parse(await readFile(join(dataDir, 'server.json'), 'utf8')) as {
    pid: number;
    ownerPid: number;
    url: string;
  };
}

/** Every process of this machine with its parent and command line, from /proc. */
function processTable(): Array<{ pid: number; ppid: number; command: string }> {
  const table: Array<{ pid: number; ppid: number; command: string }> = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name in parentheses may hold spaces: the fields after it are fixed.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const command = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ');
      if (fields[0] === 'Z') continue;
      table.push({ pid: Number(name), ppid: Number(fields[1]), command });
    } catch {
      // The process ended while the table was read.
    }
  }
  return table;
}

/** Process ids of the live direct children of `pid`. */
export function childrenOf(pid: number): number[] {
  return processTable()
    .filter((entry) => entry.ppid === pid)
    .map((entry) => entry.pid);
}

/** Process ids of the live Meilisearch servers whose database is in `dataDir`. */
export function meilisearchesOf(dataDir: string): number[] {
  const flag = `--db-path=${join(dataDir, 'db')}`;
  return processTable()
    .filter((entry) => entry.command.includes(flag) && !entry.command.includes('pgrep'))
    .map((entry) => entry.pid);
}

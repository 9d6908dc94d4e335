import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** File in the data folder that tells other processes where the running local server listens. */
export const SERVER_FILE = 'server.json';

/** What the owner of a running local server publishes about it. */
export interface ServerRecord {
  url: string;
  /** Process id of meilisearch. */
  pid: number;
  /** Process id of the Node process that started it and will stop it. */
  ownerPid: number;
  startedAt: string;
}

/** True when a process with this id exists. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The published record of the data folder's server, or null when none is readable. */
export async function readServerRecord(dataDir: string): Promise<ServerRecord | null> {
  try {
    const parsed = JSON.parse(
      await readFile(join(dataDir, SERVER_FILE), 'utf8'),
    ) as Partial<ServerRecord>;
    if (
      typeof parsed.url !== 'string' ||
      typeof parsed.pid !== 'number' ||
      typeof parsed.ownerPid !== 'number'
    ) {
      return null;
    }
    return {
      url: parsed.url,
      pid: parsed.pid,
      ownerPid: parsed.ownerPid,
      startedAt: parsed.startedAt ?? '',
    };
  } catch {
    return null;
  }
}

/** Publishes the record (owner-only permissions). */
export async function writeServerRecord(dataDir: string, record: ServerRecord): Promise<void> {
  await writeFile(join(dataDir, SERVER_FILE), JSON.stringify(record, null, 2), { mode: 0o600 });
}

/** Removes the record. */
export async function removeServerRecord(dataDir: string): Promise<void> {
  await rm(join(dataDir, SERVER_FILE), { force: true });
}

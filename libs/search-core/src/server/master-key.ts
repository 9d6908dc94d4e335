import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** File in the data folder that keeps the local server's master key (mode 0600). */
export const MASTER_KEY_FILE = 'master-key';

/**
 * The master key of the local server: read from the data folder, or generated on first start
 * (32 random bytes, base64url) and written there readable by the owner only.
 */
export async function loadOrCreateMasterKey(dataDir: string): Promise<string> {
  const path = join(dataDir, MASTER_KEY_FILE);
  try {
    const existing = (await readFile(path, 'utf8')).trim();
    if (existing.length >= 16) {
      await chmod(path, 0o600);
      return existing;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32).toString('base64url');
  await writeFile(path, `${key}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
  return key;
}

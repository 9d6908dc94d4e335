import { readFile } from 'node:fs/promises';
import type { Settings } from 'meilisearch';

/** The index settings file: Meilisearch settings plus the reason for each choice. */
export interface IndexSettingsFile {
  reasons: Record<string, string>;
  settings: Settings;
}

/** Reads an index settings file (indexing/settings/*.json) and returns the Meilisearch settings. */
export async function loadIndexSettings(path: string): Promise<Settings> {
  const parsed = JSON.parse(await readFile(path, 'utf8')) as { settings?: unknown };
  if (typeof parsed.settings !== 'object' || parsed.settings === null) {
    throw new Error(`${path}: expected an object with "settings"`);
  }
  return parsed.settings;
}

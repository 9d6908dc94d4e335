import { spawn } from 'node:child_process';
import { inject } from 'vitest';

/** What a CLI run printed and returned. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built indexer CLI against the e2e Meilisearch with the given index. */
export function runIndexer(
  args: string[],
  options: { index: string; env?: Record<string, string> },
): Promise<CliRun> {
  const { url, masterKey } = inject('meili');
  const child = spawn(process.execPath, ['dist/apps/indexer/src/main.js', ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      MEILI_URL: url,
      MEILI_MASTER_KEY: masterKey,
      MEILI_INDEX: options.index,
      LOG_FORMAT: 'json',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => {
    child.once('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

import { spawn, type ChildProcess } from 'node:child_process';
import { inject } from 'vitest';

/** What a CLI run printed and returned. */
export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A CLI run in progress. */
export interface StartedCli {
  child: ChildProcess;
  done: Promise<CliRun>;
}

/** Starts the built indexer CLI against the e2e Meilisearch with the given index. */
export function startIndexer(
  args: string[],
  options: { index: string; env?: Record<string, string> },
): StartedCli {
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
  const done = new Promise<CliRun>((resolve) => {
    child.once('close', (code, signal) => {
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, done };
}

/** Runs the built indexer CLI to its end. */
export function runIndexer(
  args: string[],
  options: { index: string; env?: Record<string, string> },
): Promise<CliRun> {
  return startIndexer(args, options).done;
}

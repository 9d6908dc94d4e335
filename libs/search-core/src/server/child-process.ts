import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * util-linux's setpriv where it can set the parent-death signal before it runs a program
 * (`--pdeathsig`, util-linux 2.33 and later); asked once.
 */
function findSetpriv(): string | undefined {
  if (process.platform !== 'linux') return undefined;
  const path = ['/usr/bin/setpriv', '/bin/setpriv'].find((candidate) => existsSync(candidate));
  if (path === undefined) return undefined;
  const help = spawnSync(path, ['--help'], { encoding: 'utf8' });
  return help.stdout.includes('--pdeathsig') ? path : undefined;
}

let setpriv: { path: string | undefined } | undefined;

function setprivPath(): string | undefined {
  setpriv ??= { path: findSetpriv() };
  return setpriv.path;
}

/** True when children can be tied to this process (Linux with util-linux's setpriv). */
export function canTieChildren(): boolean {
  return setprivPath() !== undefined;
}

/**
 * Spawns a child that the kernel sends SIGTERM when this process dies, however it dies
 * (kill -9 included): `setpriv --pdeathsig TERM` sets PR_SET_PDEATHSIG and then executes the
 * program in its place, so the child keeps its pid. Without setpriv the child is spawned as
 * usual, and the next start cleans up what a killed parent left (see LocalMeilisearchServer).
 */
export function spawnTiedToParent(
  command: string,
  args: readonly string[],
  options: SpawnOptions,
): ChildProcess {
  const path = setprivPath();
  if (path === undefined) return spawn(command, args, options);
  return spawn(path, ['--pdeathsig', 'TERM', '--', command, ...args], options);
}

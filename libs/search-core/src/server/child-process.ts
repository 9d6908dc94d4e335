import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync } from 'node:fs';

/** util-linux's setpriv, which can set the parent-death signal before it runs a program. */
const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((path) => existsSync(path));

/** True when children can be tied to this process (Linux with util-linux's setpriv). */
export const CAN_TIE_CHILDREN = process.platform === 'linux' && SETPRIV !== undefined;

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
  if (!CAN_TIE_CHILDREN || SETPRIV === undefined) return spawn(command, args, options);
  return spawn(SETPRIV, ['--pdeathsig', 'TERM', '--', command, ...args], options);
}

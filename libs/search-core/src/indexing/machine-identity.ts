import { readFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * Who can see whose process ids: the kernel boot and the pid namespace, where Linux tells them.
 * Two containers may share a host name but not their process ids; a claim's pid is only checked
 * by a process that sees the same ones.
 */
function computeIdentity(): string {
  try {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const namespace = statSync('/proc/self/ns/pid').ino;
    return `${hostname()}/${boot}/${namespace}`;
  } catch {
    return `${hostname()}/unknown`;
  }
}

let identity: string | undefined;

/** This process's machine and pid namespace, as stored in a lock claim. */
export function machineIdentity(): string {
  identity ??= computeIdentity();
  return identity;
}

/** True when `other` names the machine and pid namespace of this process. */
export function sharesProcessIds(other: string): boolean {
  return other === machineIdentity() && !other.endsWith('/unknown');
}

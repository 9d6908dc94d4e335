import { readdirSync, readFileSync } from 'node:fs';

/** A memory field of /proc/<pid>/status in MB; null when unreadable. */
function statusMb(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status);
    return match === null ? null : Number(match[1]) / 1024;
  } catch {
    return null;
  }
}

/** Peak resident set size (VmHWM) of a process in MB, from /proc; null when unreadable. */
export function peakRssMb(pid: number): number | null {
  return statusMb(pid, 'VmHWM');
}

/** Current resident set size (VmRSS) of a process in MB, from /proc; null when unreadable. */
export function rssMb(pid: number): number | null {
  return statusMb(pid, 'VmRSS');
}

/** Watches a process's peak RSS until stopped; the kernel keeps the high-water mark. */
export class PeakRssWatcher {
  private peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pid: number) {
    this.timer = setInterval(() => {
      this.sample();
    }, 100);
  }

  /** Reads the current high-water mark. */
  sample(): number {
    this.peak = Math.max(this.peak, peakRssMb(this.pid) ?? 0);
    return this.peak;
  }

  /** Stops watching; returns the peak in MB. */
  stop(): number {
    clearInterval(this.timer);
    return this.peak;
  }
}

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time (user and system) a process has used, in ms, from /proc; null when unreadable. */
export function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name in parentheses: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** The pid of the Meilisearch process serving `url` (its --http-addr), from /proc; null if none. */
export function meilisearchPid(url: string): number | null {
  const address = new URL(url).host;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (command.some((arg) => arg === `--http-addr=${address}`)) return Number(entry);
    } catch {
      // The process ended while the list was read.
    }
  }
  return null;
}

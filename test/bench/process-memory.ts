import { readFileSync } from 'node:fs';

/** Peak resident set size (VmHWM) of a process in MB, from /proc; null when unreadable. */
export function peakRssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match === null ? null : Number(match[1]) / 1024;
  } catch {
    return null;
  }
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

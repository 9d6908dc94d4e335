import { Logger } from '@nestjs/common';

/** Progress of a long run: a bar on a terminal, periodic log lines otherwise. */
export class ProgressReporter {
  private readonly logger = new Logger('Progress');
  private readonly started = Date.now();
  private lastLog = 0;

  constructor(
    private readonly label: string,
    private readonly options: { tty: boolean; intervalMs?: number },
  ) {}

  /** Reports `done` documents so far and the share (0-1) of the input read, when known. */
  update(done: number, share?: number): void {
    const elapsed = (Date.now() - this.started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const eta =
      share !== undefined && share > 0.001
        ? Math.max(0, (elapsed * (1 - share)) / share)
        : undefined;
    if (this.options.tty) {
      process.stderr.write(`\r${this.render({ done, rate, share, eta })}`);
      return;
    }
    const now = Date.now();
    if (now - this.lastLog < (this.options.intervalMs ?? 2_000)) return;
    this.lastLog = now;
    this.logger.log({
      label: this.label,
      documents: done,
      docsPerSecond: Math.round(rate),
      etaSeconds: eta === undefined ? null : Math.round(eta),
    });
  }

  /** Ends the bar's line. */
  finish(): void {
    if (this.options.tty) process.stderr.write('\n');
  }

  private render(p: {
    done: number;
    rate: number;
    share: number | undefined;
    eta: number | undefined;
  }): string {
    const width = 30;
    const bar =
      p.share === undefined
        ? ''
        : `[${'#'.repeat(Math.round(p.share * width)).padEnd(width, '.')}] `;
    const etaText = p.eta === undefined ? '' : ` ETA ${Math.round(p.eta)}s`;
    return `${this.label} ${bar}${p.done} docs ${Math.round(p.rate)} docs/s${etaText}   `;
  }
}

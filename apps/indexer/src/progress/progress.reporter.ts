import { Logger } from '@nestjs/common';

/** Progress of a long run: a bar on a terminal, periodic log lines otherwise. */
export class ProgressReporter {
  private readonly logger = new Logger('Progress');
  private readonly started = Date.now();
  private lastLog = 0;

  constructor(
    private readonly label: string,
    private readonly options: { tty: boolean; total?: number; intervalMs?: number },
  ) {}

  /** Reports `done` documents so far. */
  update(done: number): void {
    const elapsed = (Date.now() - this.started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const total = this.options.total;
    const eta = total !== undefined && rate > 0 ? Math.max(0, (total - done) / rate) : undefined;
    if (this.options.tty) {
      process.stderr.write(`\r${this.render(done, rate, eta)}`);
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

  private render(done: number, rate: number, eta: number | undefined): string {
    const total = this.options.total;
    const width = 30;
    const share = total === undefined || total === 0 ? 0 : Math.min(1, done / total);
    const bar =
      total === undefined ? '' : `[${'#'.repeat(Math.round(share * width)).padEnd(width, '.')}] `;
    const etaText = eta === undefined ? '' : ` ETA ${Math.round(eta)}s`;
    return `${this.label} ${bar}${done}${total === undefined ? '' : `/${total}`} docs ${Math.round(rate)} docs/s${etaText}   `;
  }
}

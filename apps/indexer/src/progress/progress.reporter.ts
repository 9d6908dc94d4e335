import { Logger } from '@nestjs/common';
import type { IndexProgress } from '@lib/search-core';

/** What a run reports: where Meilisearch is, and how much of the input has been read. */
export interface RunProgress extends IndexProgress {
  /** Share (0-1) of the input bytes read, when known. */
  readShare?: number;
}

/**
 * Progress of a long run, following Meilisearch to the swap: the bar is the documents
 * Meilisearch has indexed against the documents the input will give (estimated from the share
 * read so far), so it fills as Meilisearch works, not as the files are read, and the ETA comes
 * from Meilisearch's pace. A bar on a terminal, periodic log lines otherwise.
 */
export class ProgressReporter {
  private readonly logger = new Logger('Progress');
  private readonly started = Date.now();
  private lastLog = 0;
  private lastPhase: IndexProgress['phase'] | undefined;

  constructor(
    private readonly label: string,
    private readonly options: { tty: boolean; intervalMs?: number },
  ) {}

  /** Reports where the run is. */
  update(progress: RunProgress): void {
    const elapsed = (Date.now() - this.started) / 1000;
    const total = estimatedTotal(progress);
    const share = total === undefined ? undefined : Math.min(1, progress.indexed / total);
    const rate = elapsed > 0 ? progress.indexed / elapsed : 0;
    const eta =
      total !== undefined && rate > 0 && progress.phase === 'indexing'
        ? Math.max(0, (total - progress.indexed) / rate)
        : undefined;
    if (this.options.tty) {
      process.stderr.write(`\r${this.render(progress, { share, total, rate, eta })}`);
      return;
    }
    const now = Date.now();
    const phaseChanged = progress.phase !== this.lastPhase;
    this.lastPhase = progress.phase;
    if (!phaseChanged && now - this.lastLog < (this.options.intervalMs ?? 2_000)) return;
    this.lastLog = now;
    this.logger.log({
      label: this.label,
      phase: progress.phase,
      sent: progress.sent,
      indexed: progress.indexed,
      expected: total ?? null,
      docsPerSecond: Math.round(rate),
      etaSeconds: eta === undefined ? null : Math.round(eta),
    });
  }

  /** Ends the bar's line. */
  finish(): void {
    if (this.options.tty) process.stderr.write('\n');
  }

  private render(
    p: RunProgress,
    e: { share?: number; total?: number; rate: number; eta?: number },
  ): string {
    const width = 30;
    const bar =
      e.share === undefined
        ? ''
        : `[${'#'.repeat(Math.round(e.share * width)).padEnd(width, '.')}] `;
    const of = e.total === undefined ? '' : ` of ~${e.total}`;
    const read = p.readShare === undefined ? '' : `, read ${Math.round(p.readShare * 100)}%`;
    const eta = e.eta === undefined ? '' : ` ETA ${Math.round(e.eta)}s`;
    const phase = p.phase === 'indexing' ? '' : ` ${p.phase}`;
    return `${this.label} ${bar}${p.indexed}${of} indexed${read} ${Math.round(e.rate)} docs/s${eta}${phase}   `;
  }
}

/** The documents the input will give: those sent so far over the share of the input read. */
function estimatedTotal(progress: RunProgress): number | undefined {
  if (progress.phase !== 'indexing') return progress.sent;
  const share = progress.readShare;
  if (share === undefined || share < 0.001 || progress.sent === 0) return undefined;
  return Math.max(progress.sent, Math.round(progress.sent / share));
}

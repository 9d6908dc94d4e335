import type { IngestEvent } from './record/article-record.js';

/** Counts of a run; `skipped` by reason. */
export interface IngestSummary {
  ok: number;
  skipped: number;
  failed: number;
  skippedByReason: Record<string, number>;
}

/** Drops records whose normalized body was seen before (exact duplicates), reporting them as skipped. */
export class DuplicateFilter {
  private readonly seen = new Map<string, string>();

  /** The event itself, or a `skipped` event for a duplicate body. */
  apply(event: IngestEvent): IngestEvent {
    if (event.kind !== 'record') return event;
    const first = this.seen.get(event.record.content_hash);
    if (first !== undefined && first !== event.record.id) {
      return { kind: 'skipped', origin: event.origin, reason: `duplicate of ${first}` };
    }
    this.seen.set(event.record.content_hash, event.record.id);
    return event;
  }
}

/** Tallies events into a summary. */
export class IngestTally {
  readonly summary: IngestSummary = { ok: 0, skipped: 0, failed: 0, skippedByReason: {} };

  add(event: IngestEvent): void {
    if (event.kind === 'record') this.summary.ok++;
    else if (event.kind === 'failed') this.summary.failed++;
    else {
      this.summary.skipped++;
      const reason = event.reason.startsWith('duplicate') ? 'duplicate' : event.reason;
      this.summary.skippedByReason[reason] = (this.summary.skippedByReason[reason] ?? 0) + 1;
    }
  }
}

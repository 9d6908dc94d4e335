import type { ArticleRecord, IngestEvent } from './record/article-record.js';
import { contentHash } from './record/content-hash.js';

/** Counts of a run; `skipped` by reason. */
export interface IngestSummary {
  ok: number;
  skipped: number;
  failed: number;
  skippedByReason: Record<string, number>;
}

/**
 * What makes two records the same article: the normalized body and title. Agencies re-title
 * updates of a story while keeping its text (154 such pairs in the corpus); readers look those
 * up by their own headlines, so they stay two articles.
 */
function duplicateKey(record: ArticleRecord): string {
  return `${record.content_hash}:${contentHash(record.title)}`;
}

/** Drops records whose title and body were seen before (exact duplicates), reporting them as skipped. */
export class DuplicateFilter {
  private readonly seen = new Map<string, string>();

  /** The event itself, or a `skipped` event for a duplicate. */
  apply(event: IngestEvent): IngestEvent {
    if (event.kind !== 'record') return event;
    const key = duplicateKey(event.record);
    const first = this.seen.get(key);
    if (first !== undefined && first !== event.record.id) {
      return { kind: 'skipped', origin: event.origin, reason: `duplicate of ${first}` };
    }
    this.seen.set(key, event.record.id);
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

import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProgressReporter } from './progress.reporter.js';

describe('ProgressReporter on a terminal', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  function drawn(updates: Parameters<ProgressReporter['update']>[0][]): string[] {
    const writes: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      writes.push(String(chunk));
      return true;
    });
    const reporter = new ProgressReporter('reindex', { tty: true });
    for (const update of updates) reporter.update(update);
    return writes;
  }

  it('follows what Meilisearch has indexed, not what has been read', () => {
    const [line] = drawn([{ phase: 'indexing', sent: 1000, indexed: 0, readShare: 1 }]);
    expect(line).toContain(`[${'.'.repeat(30)}]`);
    expect(line).toContain('0 of ~1000 indexed, read 100%');
  });

  it('fills as Meilisearch indexes and names the phases after indexing', () => {
    const lines = drawn([
      { phase: 'indexing', sent: 1000, indexed: 500, readShare: 1 },
      { phase: 'verifying', sent: 1000, indexed: 1000 },
    ]);
    expect(lines[0]).toContain(`[${'#'.repeat(15)}${'.'.repeat(15)}]`);
    expect(lines[1]).toContain(`[${'#'.repeat(30)}]`);
    expect(lines[1]).toContain('verifying');
  });
});

import type { TermBag } from './term-bag.js';

/**
 * How many articles hold each term (by 32-bit hash), how many articles there are and their
 * mean field lengths: what BM25F needs beyond one article. Built with the index, loaded by the
 * search API; terms no article holds have no entry.
 */
export class TermStatistics {
  private constructor(
    /** Term hashes, ascending. */
    private readonly hashes: Uint32Array,
    /** Document frequency of each hash in `hashes`. */
    private readonly frequencies: Uint32Array,
    readonly documents: number,
    readonly meanTitleLength: number,
    readonly meanBodyLength: number,
  ) {}

  /** Statistics of sorted hashes and their frequencies (as built or read back). */
  static of(
    hashes: Uint32Array,
    frequencies: Uint32Array,
    summary: { documents: number; meanTitleLength: number; meanBodyLength: number },
  ): TermStatistics {
    if (hashes.length !== frequencies.length)
      throw new Error('term statistics: hashes and frequencies differ in length');
    return new TermStatistics(
      hashes,
      frequencies,
      summary.documents,
      summary.meanTitleLength,
      summary.meanBodyLength,
    );
  }

  /** Distinct terms counted. */
  get terms(): number {
    return this.hashes.length;
  }

  /** The articles that hold the term with this hash (0 when none does). */
  documentFrequency(hash: number): number {
    let low = 0;
    let high = this.hashes.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = this.hashes[middle] ?? 0;
      if (value === hash) return this.frequencies[middle] ?? 0;
      if (value < hash) low = middle + 1;
      else high = middle - 1;
    }
    return 0;
  }

  /**
   * BM25's inverse document frequency, ln(1 + (N - df + 0.5) / (df + 0.5)): never negative, so
   * a word in most articles still counts a little.
   */
  idf(hash: number): number {
    const df = this.documentFrequency(hash);
    return Math.log(1 + (this.documents - df + 0.5) / (df + 0.5));
  }

  /** The sorted arrays, for storage. */
  columns(): { hashes: Uint32Array; frequencies: Uint32Array } {
    return { hashes: this.hashes, frequencies: this.frequencies };
  }
}

/** Counts term bags as the articles are analyzed. */
export class TermStatisticsBuilder {
  private readonly frequencies = new Map<number, number>();
  private documents = 0;
  private titleLength = 0;
  private bodyLength = 0;

  /** Counts one article. */
  add(bag: TermBag): void {
    this.documents++;
    this.titleLength += bag.titleLength;
    this.bodyLength += bag.bodyLength;
    for (const hash of bag.counts.keys())
      this.frequencies.set(hash, (this.frequencies.get(hash) ?? 0) + 1);
  }

  /** The statistics of the articles counted so far. */
  build(): TermStatistics {
    const hashes = Uint32Array.from(this.frequencies.keys()).sort();
    const frequencies = Uint32Array.from(hashes, (hash) => this.frequencies.get(hash) ?? 0);
    const n = Math.max(1, this.documents);
    return TermStatistics.of(hashes, frequencies, {
      documents: this.documents,
      meanTitleLength: this.titleLength / n,
      meanBodyLength: this.bodyLength / n,
    });
  }
}

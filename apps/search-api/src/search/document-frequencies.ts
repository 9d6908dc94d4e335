import { Inject, Injectable, Logger } from '@nestjs/common';
import { MeiliRepository, MeilisearchUnavailableError } from '@lib/search-core';
import { SEARCH_API_CONFIG, type SearchApiConfig } from '../config/search-api.config.js';

/** Counts kept per generation; a news vocabulary's common words fit many times over. */
const CAPACITY = 50_000;
/** Counts drift as the index changes; every ten minutes they are asked for again. */
const MAX_AGE_MS = 10 * 60_000;

/**
 * Document frequencies of terms per language, asked of Meilisearch in one request for the
 * terms not yet known and remembered in two bounded generations, so a warm query costs nothing.
 * Concurrent searches share a lookup in flight. When the lookup fails for another reason than
 * Meilisearch being down, every term counts as used (the lexicon's order decides) and nothing
 * is remembered.
 */
@Injectable()
export class DocumentFrequencies {
  private readonly logger = new Logger(DocumentFrequencies.name);
  private young = new Map<string, number>();
  private old = new Map<string, number>();
  private readonly pending = new Map<string, Promise<number | Error>>();
  private bornAt = Date.now();

  constructor(
    private readonly repository: MeiliRepository,
    @Inject(SEARCH_API_CONFIG) private readonly config: SearchApiConfig,
  ) {}

  /** Counts of `terms` in the articles of `lang` (all articles when null). */
  async of(terms: readonly string[], lang: 'ru' | 'en' | null): Promise<Map<string, number>> {
    if (Date.now() - this.bornAt > MAX_AGE_MS) {
      this.young = new Map();
      this.old = new Map();
      this.bornAt = Date.now();
    }
    const keyOf = (term: string): string => `${lang ?? '*'}:${term}`;
    const missing = terms.filter((term) => {
      const key = keyOf(term);
      return !this.young.has(key) && !this.old.has(key) && !this.pending.has(key);
    });
    if (missing.length > 0) {
      const lookup = this.lookup(missing, lang);
      missing.forEach((term, i) => {
        const key = keyOf(term);
        // Settles to the error rather than rejecting, so a lookup nobody waits for is no
        // unhandled rejection.
        const count = lookup.then(
          (counts) => counts[i] ?? 1,
          (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
        );
        this.pending.set(key, count);
        void count.then(() => this.pending.delete(key));
      });
    }
    const counts = new Map<string, number>();
    for (const term of terms) {
      const key = keyOf(term);
      const count = this.young.get(key) ?? this.old.get(key) ?? (await this.pending.get(key)) ?? 1;
      if (count instanceof Error) throw count;
      counts.set(term, count);
    }
    return counts;
  }

  private async lookup(terms: string[], lang: 'ru' | 'en' | null): Promise<number[]> {
    try {
      const counts = await this.repository.documentFrequencies(this.config.meili.index, terms, {
        filter: lang === null ? undefined : `lang = "${lang}"`,
        attributesToSearchOn: ['title_terms', 'body_terms'],
      });
      terms.forEach((term, i) => {
        this.remember(`${lang ?? '*'}:${term}`, counts[i] ?? 0);
      });
      return counts;
    } catch (error) {
      // Meilisearch being down fails the search itself at once; anything else only costs
      // the choice of translations.
      if (error instanceof MeilisearchUnavailableError) throw error;
      this.logger.warn(`document frequencies unavailable: ${String(error)}`);
      return terms.map(() => 1);
    }
  }

  private remember(key: string, count: number): void {
    if (this.young.size >= CAPACITY) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, count);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { MeiliRepository } from '@lib/search-core';
import { SEARCH_API_CONFIG, type SearchApiConfig } from '../config/search-api.config.js';

/** Counts kept per generation; a news vocabulary's common words fit many times over. */
const CAPACITY = 50_000;
/** Counts drift as the index changes; every ten minutes they are asked for again. */
const MAX_AGE_MS = 10 * 60_000;

/**
 * Document frequencies of terms per language, asked of Meilisearch in one request for the
 * terms not yet known and remembered in two bounded generations, so a warm query costs nothing.
 */
@Injectable()
export class DocumentFrequencies {
  private young = new Map<string, number>();
  private old = new Map<string, number>();
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
    const counts = new Map<string, number>();
    const missing: string[] = [];
    for (const term of terms) {
      const key = `${lang ?? '*'}:${term}`;
      const known = this.young.get(key) ?? this.old.get(key);
      if (known === undefined) missing.push(term);
      else counts.set(term, known);
    }
    const fetched = await this.repository.documentFrequencies(this.config.meili.index, missing, {
      filter: lang === null ? undefined : `lang = "${lang}"`,
      attributesToSearchOn: ['title_terms', 'body_terms'],
    });
    missing.forEach((term, i) => {
      const count = fetched[i] ?? 0;
      counts.set(term, count);
      this.remember(`${lang ?? '*'}:${term}`, count);
    });
    return counts;
  }

  private remember(key: string, count: number): void {
    if (this.young.size >= CAPACITY) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, count);
  }
}

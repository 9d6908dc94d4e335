import { Inject, Injectable } from '@nestjs/common';
import { MeiliRepository, primaryKeyFor, type StoredArticle } from '@lib/search-core';
import { SEARCH_API_CONFIG, type SearchApiConfig } from '../config/search-api.config.js';

/** Reads stored articles by their original id. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly repository: MeiliRepository,
    @Inject(SEARCH_API_CONFIG) private readonly config: SearchApiConfig,
  ) {}

  /** The stored article; DocumentNotFoundError when there is none. */
  async get(id: string): Promise<Omit<StoredArticle, 'key'>> {
    const { key: _key, ...article } = await this.repository.getDocument(
      this.config.meili.index,
      primaryKeyFor(id),
    );
    return article;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DocumentNotFoundError, MeiliRepository, primaryKeyFor } from '@lib/search-core';
import { SEARCH_API_CONFIG, type SearchApiConfig } from '../config/search-api.config.js';
import { PUBLIC_ARTICLE_FIELDS, toPublicArticle, type PublicArticle } from './public-article.js';

/** Reads stored articles by their original id. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly repository: MeiliRepository,
    @Inject(SEARCH_API_CONFIG) private readonly config: SearchApiConfig,
  ) {}

  /** The article's public fields; DocumentNotFoundError when there is none. */
  async get(id: string): Promise<PublicArticle> {
    const [stored] = await this.repository.getDocuments(
      this.config.meili.index,
      [primaryKeyFor(id)],
      // The repository matches what it fetched to the keys asked for by `key`.
      ['key', ...PUBLIC_ARTICLE_FIELDS],
    );
    if (stored === undefined) throw new DocumentNotFoundError(`document ${id}`);
    return toPublicArticle(stored);
  }
}

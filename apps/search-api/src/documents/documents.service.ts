import { Inject, Injectable } from '@nestjs/common';
import { DocumentNotFoundError, primaryKeyFor, type ArticleSearchPort } from '@lib/search-core';
import { ARTICLE_SEARCH } from '../article-search.provider.js';
import { SEARCH_API_CONFIG, type SearchApiConfig } from '../config/search-api.config.js';
import { PUBLIC_ARTICLE_FIELDS, toPublicArticle, type PublicArticle } from './public-article.js';

/** Reads stored articles by their original id. */
@Injectable()
export class DocumentsService {
  constructor(
    @Inject(ARTICLE_SEARCH) private readonly search: ArticleSearchPort,
    @Inject(SEARCH_API_CONFIG) private readonly config: SearchApiConfig,
  ) {}

  /** The article's public fields; DocumentNotFoundError when there is none. */
  async get(id: string): Promise<PublicArticle> {
    const [stored] = await this.search.getDocuments(
      this.config.meili.index,
      [primaryKeyFor(id)],
      // The port matches what it fetched to the keys asked for by `key`.
      ['key', ...PUBLIC_ARTICLE_FIELDS],
    );
    if (stored === undefined) throw new DocumentNotFoundError(`document ${id}`);
    return toPublicArticle(stored);
  }
}

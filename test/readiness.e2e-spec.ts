import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadIndexSettings, toArticleDocument } from '@lib/search-core';
import { adminRepository, startSearchApi, uniqueIndex } from './support/search-api.harness.js';
import { article, SETTINGS_PATH } from './support/samples.js';

describe('GET /ready means searches work', () => {
  it('is 503 for an index without the settings the API relies on, 200 once they are applied', async () => {
    const index = uniqueIndex('ready');
    const repository = adminRepository();
    // An index as a write re-created it without settings: it exists and holds documents.
    await repository.createIndex(index, {});
    const document = toArticleDocument(article({ id: 'a', title: 'Bare', body: 'A bare index.' }));
    await repository.putDocuments(index, [{ ...document }]);
    const api = await startSearchApi(index);
    try {
      const server = api.app.getHttpServer();
      const bare = await request(server).get('/ready');
      expect(bare.status, JSON.stringify(bare.body)).toBe(503);
      expect(bare.body.error.message).toMatch(/cannot serve searches/);
      await request(server).get('/api/v1/search').query({ q: 'bare' }).expect(503);

      await repository.applySettings(index, await loadIndexSettings(SETTINGS_PATH));
      // One check answers /ready for a second.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const ready = await request(server).get('/ready');
      expect(ready.status, JSON.stringify(ready.body)).toBe(200);
      expect(ready.body).toMatchObject({ status: 'ready', documents: 1 });
    } finally {
      await api.close();
    }
  });
});

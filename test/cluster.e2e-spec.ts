import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '@lib/ingest';
import {
  IndexBuilder,
  loadIndexSettings,
  MeiliRepository,
  type IndexTargets,
} from '@lib/search-core';
import { LocalCluster } from './support/cluster.js';
import { runIndexer, startIndexer } from './support/indexer-cli.js';
import { article, readRecords, SAMPLES_DIR, SETTINGS_PATH } from './support/samples.js';
import {
  buildIndex,
  startSearchApi,
  uniqueIndex,
  type SearchApiHarness,
} from './support/search-api.harness.js';
import { writeSyntheticCorpus } from './support/synthetic-corpus.js';

interface Hit {
  id: string;
  lang: string;
  source: string | null;
  published_at: string | null;
  explain?: { score: number; bm25f: number };
}

interface Body {
  total: number;
  hits: Hit[];
  facets: { lang: Record<string, number>; source: Record<string, number> };
  partial: boolean;
  missing_shards: string[];
}

const EN = [
  'Oil prices rose after producers agreed to cut output',
  'The central bank kept interest rates unchanged',
  'Talks on the trade deal resumed in Geneva',
  'The football club signed a new striker',
  'Storms closed ports along the northern coast',
  'Shares of the carmaker fell on weak sales',
  'The election commission counted the last ballots',
  'Wheat harvest forecasts were cut after the drought',
  'Engineers tested the new reactor design',
  'Ministers met to discuss gas supplies for winter',
];
const RU = [
  'Цены на нефть выросли после соглашения о сокращении добычи',
  'Центральный банк сохранил ключевую ставку',
  'Переговоры о торговой сделке возобновились в Женеве',
  'Футбольный клуб подписал контракт с новым нападающим',
  'Шторм закрыл порты на северном побережье',
  'Акции автопроизводителя упали из-за слабых продаж',
  'Избирательная комиссия подсчитала последние бюллетени',
  'Прогноз урожая пшеницы снизили после засухи',
  'Инженеры испытали новую конструкцию реактора',
  'Министры обсудили поставки газа на зиму',
];

/** Articles whose titles and bodies mix the sentences differently, in both languages. */
function fixtures(): ArticleRecord[] {
  return Array.from({ length: 60 }, (_, i) => {
    const ru = i % 2 === 1;
    const pool = ru ? RU : EN;
    const pick = (k: number): string =>
      pool[(i * 7 + k * k * (1 + (i % 3)) + Math.floor(i / 10)) % pool.length] ?? '';
    const sentences = Array.from({ length: 2 + (i % 7) }, (_, k) => pick(k));
    return article({
      id: `cluster-${String(i)}`,
      lang: ru ? 'ru' : 'en',
      source: ['wire.example', 'daily.example', 'weekly.example'][i % 3] ?? null,
      title: `${pick(0)} (${String(i)})`,
      body: `${sentences.join('. ')}.`,
      published_at: `202${String(i % 4)}-0${String((i % 9) + 1)}-1${String(i % 10)}T08:00:00Z`,
    });
  });
}

/** The fixtures as a JSON Lines file in `dir`; returns its path. */
async function writeFixtures(dir: string): Promise<string> {
  const path = join(dir, 'fixtures.jsonl');
  await writeFile(
    path,
    `${fixtures()
      .map((r) => JSON.stringify(r))
      .join('\n')}\n`,
  );
  return path;
}

const QUERIES = [
  'oil prices',
  'interest rates central bank',
  'нефть',
  'ставка центрального банка',
  'футбольный клуб',
  'trade talks Geneva',
  'Putin',
  'встреча',
  'storms closed ports along the northern coast',
];

describe('sharded Meilisearch through remote federated search (three local nodes)', () => {
  let work: string;
  let cluster: LocalCluster;
  let single: SearchApiHarness;
  let sharded: SearchApiHarness;
  let searchKey: string;
  let records: ArticleRecord[];
  const index = 'articles';

  const clusterEnv = (): Record<string, string> => ({
    MEILI_URL: '',
    MEILI_SHARDS: cluster.shards,
    MEILI_MASTER_KEY: cluster.masterKey,
  });
  const search = async (
    api: SearchApiHarness,
    query: Record<string, string>,
    status = 200,
  ): Promise<Body> =>
    (await request(api.app.getHttpServer()).get('/api/v1/search').query(query).expect(status))
      .body as Body;
  const ids = (body: Body): string[] => body.hits.map((hit) => hit.id);
  /**
   * Two rankings are the same, ties aside: the hits grouped by equal score (or date, for date
   * sorts) are the same groups in the same order, and the last group, which the page may cut
   * anywhere among equals, is as large.
   */
  const expectSameRanking = (three: Body, one: Body, what = ''): void => {
    const groups = (body: Body): string[][] => {
      const result: Array<{ key: unknown; ids: string[] }> = [];
      for (const hit of body.hits) {
        const key = hit.explain?.score ?? hit.published_at;
        const last = result.at(-1);
        if (last !== undefined && last.key === key) last.ids.push(hit.id);
        else result.push({ key, ids: [hit.id] });
      }
      return result.map((group) => group.ids.sort());
    };
    const [a, b] = [groups(three), groups(one)];
    expect(a.slice(0, -1), what).toEqual(b.slice(0, -1));
    expect(a.at(-1)?.length, what).toBe(b.at(-1)?.length);
    expect(three.hits.length, what).toBe(one.hits.length);
  };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'cluster-e2e-'));
    cluster = await LocalCluster.start(join(work, 'nodes'), 3);
    const corpus = await writeFixtures(work);
    records = await readRecords([SAMPLES_DIR, corpus]);
    const reindex = await runIndexer(['reindex', SAMPLES_DIR, corpus], {
      index,
      env: clusterEnv(),
    });
    expect(reindex.code, reindex.stderr).toBe(0);
    const key = await runIndexer(['search-key'], { index, env: clusterEnv() });
    expect(key.code, key.stderr).toBe(0);
    searchKey = key.stdout.trim();
    const reference = uniqueIndex('cluster_reference');
    await buildIndex(reference, records);
    single = await startSearchApi(reference);
    sharded = await startSearchApi(index, {
      MEILI_URL: '',
      MEILI_SHARDS: cluster.shards,
      MEILI_API_KEY: searchKey,
    });
  }, 180_000);

  afterAll(async () => {
    await single.close();
    await sharded.close();
    await cluster.stopAll();
    await rm(work, { recursive: true, force: true });
  });

  it('puts each article on one shard by its key, and stats reports each shard and the total', async () => {
    const stats = await runIndexer(['stats', '--json'], { index, env: clusterEnv() });
    expect(stats.code, stats.stderr).toBe(0);
    const report = JSON.parse(stats.stdout) as {
      documents: number;
      shards: Array<{ shard: string; documents: number }>;
    };
    expect(report.documents).toBe(records.length);
    expect(report.shards.map((s) => s.shard)).toEqual(['s0', 's1', 's2']);
    for (const shard of report.shards) expect(shard.documents).toBeGreaterThan(5);
    expect(report.shards.reduce((sum, s) => sum + s.documents, 0)).toBe(records.length);
  });

  it.each(QUERIES)('ranks %s as one node does', async (q) => {
    const query = { q, explain: 'true' };
    const [one, three] = await Promise.all([search(single, query), search(sharded, query)]);
    expect(three.partial).toBe(false);
    if (!q.includes(' ')) {
      expect(three.total).toBe(one.total);
      expect(three.facets).toEqual(one.facets);
      expectSameRanking(three, one);
      return;
    }
    // Meilisearch's `frequency` strategy gives up a query's words by how many articles of each
    // shard hold them, so which articles match at all, and Meilisearch's own ranking score, may
    // differ between shards and one node. The second stage's BM25F, from corpus-wide term
    // statistics, may not: the pages agree but for articles near the cut.
    const bm25f = new Map(one.hits.map((hit) => [hit.id, hit.explain?.bm25f]));
    const shared = three.hits.filter((hit) => bm25f.has(hit.id));
    for (const hit of shared)
      expect(hit.explain?.bm25f, hit.id).toBeCloseTo(bm25f.get(hit.id) ?? -1, 9);
    expect(shared.length).toBeGreaterThanOrEqual(Math.min(one.hits.length, 10) - 2);
    expect(
      three.hits
        .slice(0, 3)
        .map((hit) => hit.id)
        .sort(),
    ).toEqual(
      one.hits
        .slice(0, 3)
        .map((hit) => hit.id)
        .sort(),
    );
  });

  it('filters, sorts, pages and explains across shards as one node does', async () => {
    const cases: Array<Record<string, string>> = [
      { q: 'oil', lang: 'ru' },
      { q: 'oil', source: 'wire.example' },
      { q: 'bank', from: '2021-01-01', to: '2022-12-31' },
      { q: 'нефть', sort: 'date_desc', limit: '5' },
      { q: 'нефть', sort: 'date_asc', limit: '5', offset: '5' },
      { q: '', sort: 'date_desc' },
      { q: 'prices', translate: 'false', offset: '3', limit: '4' },
    ];
    for (const explained of cases) {
      const query = { ...explained, explain: 'true' };
      const [one, three] = await Promise.all([search(single, query), search(sharded, query)]);
      expectSameRanking(three, one, JSON.stringify(query));
      expect(three.total, JSON.stringify(query)).toBe(one.total);
      expect(three.facets, JSON.stringify(query)).toEqual(one.facets);
    }
    const explained = await search(sharded, { q: 'oil prices', explain: 'true' });
    expect(explained.hits[0]?.explain?.score).toBeGreaterThan(0);
    const posted = await request(sharded.app.getHttpServer())
      .post('/api/v1/search')
      .send({ q: 'oil prices', limit: 3 })
      .expect(200);
    expect((posted.body as Body).hits).toHaveLength(3);
    for (const record of records.slice(0, 12)) {
      await request(sharded.app.getHttpServer())
        .get(`/api/v1/documents/${encodeURIComponent(record.id)}`)
        .expect(200);
    }
  });

  it('routes add and delete by key: an added article is found, a deleted one is gone', async () => {
    const added = article({
      id: 'cluster-added-quokka',
      title: 'Quokka census counts record numbers',
      body: 'Rangers counted a record number of quokkas on the island this spring.',
    });
    const file = join(work, 'added.jsonl');
    await writeFile(file, `${JSON.stringify(added)}\n`);
    const add = await runIndexer(['add', file], { index, env: clusterEnv() });
    expect(add.code, add.stderr).toBe(0);
    const found = await search(sharded, { q: 'quokka census' });
    expect(ids(found)).toEqual([added.id]);
    await request(sharded.app.getHttpServer()).get(`/api/v1/documents/${added.id}`).expect(200);
    const removed = await runIndexer(['delete', added.id], { index, env: clusterEnv() });
    expect(removed.code, removed.stderr).toBe(0);
    expect((await search(sharded, { q: 'quokka census' })).total).toBe(0);
    await request(sharded.app.getHttpServer()).get(`/api/v1/documents/${added.id}`).expect(404);
  });

  it('answers with the live shards when one is down, says so, and recovers when it returns', async () => {
    const query = { q: 'oil prices', limit: '50', explain: 'true' };
    const everything = await search(sharded, query);
    await cluster.stop(1);
    try {
      const partial = await search(sharded, query);
      expect(partial.partial).toBe(true);
      expect(partial.missing_shards).toEqual(['s1']);
      expect(partial.total).toBeGreaterThan(0);
      expect(partial.total).toBeLessThan(everything.total);
      for (const id of ids(partial)) expect(ids(everything)).toContain(id);
      const ready = await request(sharded.app.getHttpServer()).get('/ready').expect(200);
      expect(
        (ready.body as { shards: Array<{ shard: string; ready: boolean }> }).shards.map((s) => [
          s.shard,
          s.ready,
        ]),
      ).toEqual([
        ['s0', true],
        ['s1', false],
        ['s2', true],
      ]);
      const strict = await startSearchApi(index, {
        MEILI_URL: '',
        MEILI_SHARDS: cluster.shards,
        MEILI_API_KEY: searchKey,
        MEILI_REQUIRE_ALL_SHARDS: 'true',
      });
      try {
        const refused = await request(strict.app.getHttpServer())
          .get('/api/v1/search')
          .query({ q: 'oil prices' })
          .expect(503);
        expect(refused.body.error.message).toContain('s1');
        await request(strict.app.getHttpServer()).get('/ready').expect(503);
      } finally {
        await strict.close();
      }
    } finally {
      await cluster.restart(1);
    }
    // A node that failed is asked again after a few seconds.
    const deadline = Date.now() + 15_000;
    let recovered = await search(sharded, query);
    while (recovered.partial && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      recovered = await search(sharded, query);
    }
    expect(recovered.partial).toBe(false);
    expectSameRanking(recovered, everything);
  }, 60_000);

  it('swaps nowhere when a shard fails in the middle of a reindex', async () => {
    const before = await Promise.all(
      cluster.nodes.map((node) =>
        new MeiliRepository({ url: node.url, apiKey: cluster.masterKey }).summary(index),
      ),
    );
    const big = await writeSyntheticCorpus(work, 'big.jsonl', 3000);
    const run = startIndexer(['reindex', big], {
      index,
      env: { ...clusterEnv(), BATCH_BYTES: '65536' },
    });
    // Once the builds are being filled, the third node goes away.
    const admin = new MeiliRepository({
      url: cluster.nodes[2]?.url ?? '',
      apiKey: cluster.masterKey,
    });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const builds = (await admin.listIndexes(`${index}_`)).filter((uid) => /_\d{13}$/.test(uid));
      if (builds.length > 0 && ((await admin.summary(builds[0] ?? ''))?.documents ?? 0) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await cluster.stop(2);
    const result = await run.done;
    await cluster.restart(2);
    expect(result.code).not.toBe(0);
    const after = await Promise.all(
      cluster.nodes.map((node) =>
        new MeiliRepository({ url: node.url, apiKey: cluster.masterKey }).summary(index),
      ),
    );
    expect(after.map((s) => s?.documents)).toEqual(before.map((s) => s?.documents));
    for (const q of QUERIES.slice(0, 3)) {
      const query = { q, explain: 'true' };
      const [one, three] = await Promise.all([search(single, query), search(sharded, query)]);
      expectSameRanking(three, one, q);
    }
  }, 120_000);

  it('swaps back the shards already swapped when the swap fails on the last one', async () => {
    const admin = (url: string): MeiliRepository =>
      new MeiliRepository({ url, apiKey: cluster.masterKey });
    const before = await Promise.all(cluster.nodes.map((node) => admin(node.url).summary(index)));
    // The last node's connection may do everything but swap indexes.
    const last = cluster.nodes[2]?.url ?? '';
    const created = await fetch(`${last}/keys`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${cluster.masterKey}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        name: 'everything but swaps',
        actions: [
          'search',
          'documents.*',
          'indexes.create',
          'indexes.get',
          'indexes.update',
          'indexes.delete',
          'tasks.*',
          'settings.*',
          'stats.*',
          'keys.get',
          'keys.create',
          'keys.update',
          'keys.delete',
        ],
        indexes: ['*'],
        expiresAt: null,
      }),
    });
    const { key } = (await created.json()) as { key: string };
    expect(created.status).toBe(201);
    const targets: IndexTargets = {
      shards: cluster.nodes.map((node, i) => ({
        name: `s${String(i)}`,
        nodes: [
          {
            name: `s${String(i)}r0`,
            repository:
              i === 2 ? new MeiliRepository({ url: node.url, apiKey: key }) : admin(node.url),
          },
        ],
      })),
    };
    const started = new Date().toISOString();
    const failure = await new IndexBuilder(targets)
      .reindex({
        liveIndex: index,
        settings: await loadIndexSettings(SETTINGS_PATH),
        records: fixtures().slice(0, 20),
      })
      .catch((error: unknown) => error);
    expect(String(failure)).toContain('API key');
    // The first two nodes swapped and swapped back; the last one refused its swap.
    const swaps = await Promise.all(
      cluster.nodes.map(async (node) => {
        const response = await fetch(
          `${node.url}/tasks?types=indexSwap&statuses=succeeded&afterEnqueuedAt=${started}`,
          { headers: { authorization: `Bearer ${cluster.masterKey}` } },
        );
        return ((await response.json()) as { results: unknown[] }).results.length;
      }),
    );
    expect(swaps).toEqual([2, 2, 0]);
    const after = await Promise.all(cluster.nodes.map((node) => admin(node.url).summary(index)));
    expect(after.map((s) => s?.documents)).toEqual(before.map((s) => s?.documents));
    for (const node of cluster.nodes) {
      const builds = (await admin(node.url).listIndexes(`${index}_`)).filter((uid) =>
        /_\d{13}$/.test(uid),
      );
      expect(builds, node.url).toEqual([]);
    }
    const query = { q: 'oil prices', explain: 'true' };
    const [one, three] = await Promise.all([search(single, query), search(sharded, query)]);
    expectSameRanking(three, one);
  }, 60_000);
});

describe('a shard on two replicas (three local nodes, two shards)', () => {
  let work: string;
  let cluster: LocalCluster;
  let api: SearchApiHarness;
  let layout: string;
  const index = 'articles';

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'replicas-e2e-'));
    cluster = await LocalCluster.start(join(work, 'nodes'), 3);
    const [a, b, c] = cluster.nodes.map((node) => node.url);
    layout = `${a ?? ''}|${b ?? ''},${c ?? ''}`;
    const corpus = await writeFixtures(work);
    const env = { MEILI_URL: '', MEILI_SHARDS: layout, MEILI_MASTER_KEY: cluster.masterKey };
    const reindex = await runIndexer(['reindex', corpus], { index, env });
    expect(reindex.code, reindex.stderr).toBe(0);
    const key = await runIndexer(['search-key'], { index, env });
    expect(key.code, key.stderr).toBe(0);
    api = await startSearchApi(index, {
      MEILI_URL: '',
      MEILI_SHARDS: layout,
      MEILI_API_KEY: key.stdout.trim(),
    });
  }, 120_000);

  afterAll(async () => {
    await api.close();
    await cluster.stopAll();
    await rm(work, { recursive: true, force: true });
  });

  it('writes every article of a shard to both its nodes', async () => {
    const counts = await Promise.all(
      cluster.nodes.map(
        async (node) =>
          (await new MeiliRepository({ url: node.url, apiKey: cluster.masterKey }).summary(index))
            ?.documents,
      ),
    );
    expect(counts[0]).toBe(counts[1]);
    expect((counts[0] ?? 0) + (counts[2] ?? 0)).toBe(fixtures().length);
  });

  it('answers whole while one replica of a shard is down, from the other', async () => {
    const search = async (): Promise<Body> =>
      (
        await request(api.app.getHttpServer())
          .get('/api/v1/search')
          .query({ q: 'oil prices', limit: '50', explain: 'true' })
          .expect(200)
      ).body as Body;
    const whole = await search();
    await cluster.stop(0);
    try {
      for (let i = 0; i < 4; i++) {
        const answer = await search();
        expect(answer.partial).toBe(false);
        expect(answer.total).toBe(whole.total);
        expect(answer.hits.map((hit) => hit.id).sort()).toEqual(
          whole.hits.map((hit) => hit.id).sort(),
        );
      }
      await request(api.app.getHttpServer()).get('/ready').expect(200);
    } finally {
      await cluster.restart(0);
    }
  }, 60_000);
});

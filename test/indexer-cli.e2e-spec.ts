import { describe, expect, it } from 'vitest';
import { adminRepository, uniqueIndex } from './support/search-api.harness.js';
import { runIndexer } from './support/indexer-cli.js';

const FIXTURES = 'test/fixtures/ingest';

async function ids(index: string): Promise<string[]> {
  const result = await adminRepository().search(index, '', {
    limit: 1000,
    attributesToRetrieve: ['id'],
  });
  return result.hits.map((hit) => hit.id).sort();
}

describe('indexer CLI against a real Meilisearch', () => {
  it('reindexes twice with the same ids and count, and reports stats', async () => {
    const index = uniqueIndex('cli');
    const first = await runIndexer(['reindex', 'indexing/samples', '--json'], { index });
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      command: 'reindex',
      indexed: 5,
      failed: 0,
      files: 5,
    });
    const before = await ids(index);

    const second = await runIndexer(['reindex', 'indexing/samples', '--json'], { index });
    expect(second.code).toBe(0);
    expect(await ids(index)).toEqual(before);
    expect(before).toHaveLength(5);

    const stats = await runIndexer(['stats', '--json'], { index });
    expect(JSON.parse(stats.stdout)).toMatchObject({
      exists: true,
      documents: 5,
      languages: { ru: 4, en: 1 },
    });
    expect(JSON.parse(stats.stdout).lastReindex).toMatchObject({ documents: 5 });
    const builds = (await adminRepository().listIndexes(index)).filter((uid) =>
      /_\d{13}$/.test(uid),
    );
    expect(builds).toEqual([]);
  });

  it('adds, then deletes by id, and fails on an unknown id', async () => {
    const index = uniqueIndex('cli');
    expect((await runIndexer(['reindex', 'indexing/samples'], { index })).code).toBe(0);
    const add = await runIndexer(['add', `${FIXTURES}/records.json`, '--json'], { index });
    expect(JSON.parse(add.stdout)).toMatchObject({ indexed: 2, failed: 0 });
    expect(await ids(index)).toEqual(expect.arrayContaining(['fx-1', 'fx-2']));

    const removed = await runIndexer(['delete', 'fx-1', 'no-such-id', '--json'], { index });
    expect(removed.code).toBe(1);
    expect(JSON.parse(removed.stdout)).toEqual({
      requested: 2,
      deleted: 1,
      missing: ['no-such-id'],
    });
    expect(await ids(index)).not.toContain('fx-1');
    expect(await ids(index)).toHaveLength(6);
  });

  it('goes on past bad files, names each, exits 1, and keeps the good records', async () => {
    const index = uniqueIndex('cli');
    const run = await runIndexer(
      [
        'reindex',
        `${FIXTURES}/records.jsonl`,
        `${FIXTURES}/empty.txt`,
        `${FIXTURES}/binary.txt`,
        'missing.jsonl',
      ],
      { index },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('indexed 3 documents');
    expect(run.stdout).toContain(`error: ${FIXTURES}/records.jsonl:2: invalid JSON`);
    expect(run.stdout).toContain(
      `error: ${FIXTURES}/records.jsonl:4: record has neither "title" nor "body"`,
    );
    expect(run.stdout).toContain(`error: ${FIXTURES}/empty.txt: empty file`);
    expect(run.stdout).toContain(`error: ${FIXTURES}/binary.txt: binary data, not text`);
    expect(run.stdout).toContain('error: missing.jsonl: no such file');
    expect(await ids(index)).toEqual(['fx-1', 'fx-2', 'fx-brief']);
  });

  it('leaves the live index untouched when a reindex finds no records', async () => {
    const index = uniqueIndex('cli');
    expect((await runIndexer(['reindex', 'indexing/samples'], { index })).code).toBe(0);
    const run = await runIndexer(['reindex', `${FIXTURES}/empty.txt`], { index });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no documents to index: the live index is left unchanged');
    expect(await ids(index)).toHaveLength(5);
  });

  it('changes nothing on --dry-run', async () => {
    const index = uniqueIndex('cli');
    const run = await runIndexer(['reindex', 'indexing/samples', '--dry-run', '--json'], { index });
    expect(JSON.parse(run.stdout)).toMatchObject({ dryRun: true, indexed: 5 });
    expect(await adminRepository().summary(index)).toBeNull();
  });

  it('prints usage with exit code 2 for a bad command line', async () => {
    const run = await runIndexer(['reindex'], { index: 'unused' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('reindex needs at least one path');
    expect(run.stderr).toContain('Usage:');
  });
});

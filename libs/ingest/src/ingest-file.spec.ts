import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestEvent } from './record/article-record.js';
import { ingestFile } from './ingest-file.js';
import { DuplicateFilter, IngestTally } from './ingest-summary.js';
import { contentHash } from './record/content-hash.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/ingest/', import.meta.url));
const fixture = (name: string): string => join(FIXTURES, name);

async function events(path: string): Promise<IngestEvent[]> {
  const out: IngestEvent[] = [];
  for await (const event of ingestFile(path)) out.push(event);
  return out;
}

async function onlyRecord(path: string) {
  const [event, ...rest] = await events(path);
  expect(rest).toEqual([]);
  if (event?.kind !== 'record') throw new Error(`expected a record, got ${JSON.stringify(event)}`);
  return event.record;
}

describe('encodings', () => {
  it.each([
    'page-utf8-bom.txt',
    'page-utf16le.txt',
    'page-utf16be.txt',
    'page-cp1251.txt',
    'page-koi8r.txt',
  ])('%s decodes to the same article as UTF-8', async (name) => {
    const reference = await onlyRecord(fixture('page-utf8.txt'));
    const record = await onlyRecord(fixture(name));
    expect(record.title).toBe(reference.title);
    expect(record.body).toBe(reference.body);
    expect(record.content_hash).toBe(reference.content_hash);
  });

  it('reads the UTF-8 page: title, body, language, stable id', async () => {
    const record = await onlyRecord(fixture('page-utf8.txt'));
    expect(record).toMatchObject({
      title: 'Путин и Трамп обсудили ситуацию в Сирии',
      lang: 'ru',
      url: null,
      source: null,
      published_at: null,
    });
    expect(record.body).toMatch(/^Президент России Владимир Путин/);
    expect(record.body).toMatch(/пресс-секретарь президента\.$/);
    expect((await onlyRecord(fixture('page-utf8.txt'))).id).toBe(record.id);
  });
});

describe('JSON and JSON Lines', () => {
  it('reads good lines and names the bad ones by line', async () => {
    const result = await events(fixture('records.jsonl'));
    expect(result.map((e) => e.kind)).toEqual(['record', 'failed', 'record', 'failed', 'record']);
    expect(result[1]).toMatchObject({
      origin: { line: 2 },
      message: expect.stringContaining('invalid JSON'),
    });
    expect(result[3]).toMatchObject({
      origin: { line: 4 },
      message: 'record has neither "title" nor "body"',
    });
    const first = result[0];
    if (first?.kind !== 'record') throw new Error('expected a record');
    expect(first.record).toMatchObject({
      id: 'fx-1',
      lang: 'en',
      source: 'example.com',
      url: 'https://example.com/a',
      published_at: '2020-01-02T03:04:05Z',
      tags: ['world'],
      summary: null,
    });
  });

  it('reads a JSON array', async () => {
    const result = await events(fixture('records.json'));
    expect(result.map((e) => (e.kind === 'record' ? e.record.id : e.kind))).toEqual([
      'fx-1',
      'fx-2',
    ]);
  });

  it('indexes a news brief (a title and no body) by its title', async () => {
    const [event] = await events(fixture('no-body.json'));
    if (event?.kind !== 'record') throw new Error('expected a record');
    expect(event.record).toMatchObject({ id: 'nb', title: 'Only a title', body: '', lang: 'en' });
  });

  it('keeps the records before the cut of a truncated .gz and reports the file', async () => {
    const result = await events(fixture('truncated.jsonl.gz'));
    const last = result[result.length - 1];
    expect(result.filter((e) => e.kind === 'record').length).toBeGreaterThan(0);
    expect(last).toMatchObject({ kind: 'failed', message: 'truncated or corrupt gzip data' });
  });
});

describe('bad files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ingest-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['empty.txt', 'empty file'],
    ['binary.txt', 'binary data, not text'],
    ['unsupported.pdf', 'unsupported file type'],
  ])('%s -> %s', async (name, message) => {
    const result = await events(fixture(name));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ kind: 'failed', origin: { file: fixture(name) } });
    expect((result[0] as { message: string }).message).toContain(message);
  });

  it('refuses a 50 MB page without reading it all', async () => {
    const path = join(dir, 'huge.txt');
    await writeFile(path, Buffer.alloc(50 * 1024 * 1024, 'а '));
    const result = await events(path);
    expect(result).toMatchObject([
      { kind: 'failed', message: expect.stringContaining('larger than 20 MB') },
    ]);
  });

  it('reports a missing file', async () => {
    expect(await events(join(dir, 'missing.jsonl'))).toMatchObject([
      { kind: 'failed', message: expect.stringContaining('ENOENT') },
    ]);
  });
});

describe('HTML', () => {
  it('extracts the article and its metadata, without navigation, scripts or footers', async () => {
    const record = await onlyRecord(fixture('article.html'));
    expect(record).toMatchObject({
      title: 'Iran sanctions: what changes for oil exports',
      url: 'https://news.example.com/world/iran-sanctions-oil',
      published_at: '2023-10-05T08:30:00Z',
      source: 'Example News',
      lang: 'en',
    });
    expect(record.body).toMatch(/^New sanctions on Iran's oil sector/);
    expect(record.body).toMatch(/before the winter\.$/);
    expect(record.id).toMatch(/^u-/);
    for (const noise of ['Home', 'Celebrity', 'Subscribe', 'analytics'])
      expect(record.body).not.toContain(noise);
  });

  it('decodes a windows-1251 page', async () => {
    const record = await onlyRecord(fixture('article-cp1251.html'));
    expect(record.title).toBe('Санкции против Ирана');
    expect(record.lang).toBe('ru');
    expect(record.body).toContain('Новые санкции против нефтяного сектора Ирана');
  });
});

describe('duplicates and the summary', () => {
  it('indexes an exact duplicate once and counts ok, skipped and failed', async () => {
    const filter = new DuplicateFilter();
    const tally = new IngestTally();
    for (const name of ['page-utf8.txt', 'page-cp1251.txt', 'records.jsonl']) {
      for await (const event of ingestFile(fixture(name))) tally.add(filter.apply(event));
    }
    expect(tally.summary).toEqual({
      ok: 4,
      skipped: 1,
      failed: 2,
      skippedByReason: { duplicate: 1 },
    });
  });

  it('keeps a re-titled copy of a body and drops one that differs only in case and spaces', () => {
    const filter = new DuplicateFilter();
    const record = (id: string, title: string): IngestEvent => ({
      kind: 'record',
      origin: { file: 'feed.jsonl', line: 1 },
      record: {
        id,
        lang: 'en',
        source: null,
        url: null,
        title,
        body: 'The same text.',
        published_at: null,
        tags: [],
        summary: null,
        content_hash: contentHash('The same text.'),
      },
    });
    expect(filter.apply(record('a', 'Rates held')).kind).toBe('record');
    expect(filter.apply(record('b', 'Rates held at 4.75%')).kind).toBe('record');
    expect(filter.apply(record('c', 'RATES  held')).kind).toBe('skipped');
  });
});

describe('text Meilisearch would reject', () => {
  it('replaces lone surrogates so a batch never fails on them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ingest-'));
    try {
      const path = join(dir, 'surrogates.jsonl');
      await writeFile(
        path,
        `${JSON.stringify({ id: 's1\uD800', source: 'src\uDC00', url: 'https://example.com/\uD800', lang: 'en', published_at: '2020-01-01\uD800', summary: 's\uD800', title: 'A\uD800B', body: 'broken \uDC00 text', tags: ['x\uD800'] })}\n`,
      );
      const [event] = await events(path);
      if (event?.kind !== 'record') throw new Error('expected a record');
      for (const [field, value] of Object.entries(event.record))
        expect(JSON.stringify(value).isWellFormed(), field).toBe(true);
      expect(event.record.id).toBe('s1\uFFFD');
      expect(event.record.source).toBe('src\uFFFD');
      expect(event.record.body).toBe('broken \uFFFD text');
      expect(event.record.title).toBe('A\uFFFDB');
      expect(event.record.tags).toEqual(['x\uFFFD']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

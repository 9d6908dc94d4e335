import { execFile } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import request from 'supertest';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '@lib/ingest';
import {
  buildIndex,
  startSearchApi,
  uniqueIndex,
  type SearchApiHarness,
} from './support/search-api.harness.js';
import { readRecords, SAMPLES_DIR } from './support/samples.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** One problem as `redocly lint --format json` reports it. */
interface LintProblem {
  ruleId: string;
  severity: string;
  message: string;
  location: Array<{ pointer: string }>;
}

/** Lints a saved document with the committed redocly.yaml; every error and warning comes back. */
async function lint(file: string): Promise<LintProblem[]> {
  const result = await run(
    join(ROOT, 'node_modules/.bin/redocly'),
    ['lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format', 'json'],
    { env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' }, cwd: ROOT },
  ).catch((error: unknown) => error as { stdout: string });
  return (JSON.parse(result.stdout) as { problems: LintProblem[] }).problems;
}

/** Type-checks files with the project's strictness; the formatted diagnostics, if any. */
function typeCheck(files: string[]): string {
  const program = ts.createProgram(files, {
    strict: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ['node'],
    skipLibCheck: true,
  });
  return ts.formatDiagnostics(ts.getPreEmitDiagnostics(program), {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => ROOT,
    getNewLine: () => '\n',
  });
}

/**
 * A client of every endpoint, written against the generated types as another service would.
 * The @ts-expect-error lines prove the types are real: were a schema `unknown` or `any`,
 * those lines would compile and the directives would fail the check.
 */
const CLIENT_PROGRAM = `
import createClient from 'openapi-fetch';
import type { components, paths } from './schema.js';

type Article = components['schemas']['PublicArticle'];
type ApiError = components['schemas']['ApiErrorBody'];

const client = createClient<paths>({ baseUrl: process.env.API_URL ?? '' });

const search = await client.GET('/api/v1/search', {
  params: { query: { q: 'Путин', limit: 5, offset: 0, sort: 'relevance', translate: false } },
});
const filtered = await client.GET('/api/v1/search', {
  params: {
    query: { q: 'встреча', lang: 'ru', source: 'ria.ru', from: '2017-01-01', to: '2017-12-31', sort: 'date_desc' },
  },
});
const hit = search.data?.hits[0];
const id: string = hit?.id ?? 'none';
const snippet: string | undefined = hit?.highlight.snippet;
const lang: 'ru' | 'en' | undefined = hit?.lang;
const russian: number | undefined = search.data?.facets.lang['ru'];
const translated: string[] | undefined = filtered.data?.translation?.words.map((w) => w.from + '>' + w.to);
const searchError: string | undefined = filtered.error?.error.code;

const found = await client.GET('/api/v1/documents/{id}', { params: { path: { id } } });
const article: Article | undefined = found.data;
const tags: string[] | undefined = article?.tags;
const missing = await client.GET('/api/v1/documents/{id}', { params: { path: { id: 'no-such-id' } } });
const notFound: ApiError | undefined = missing.error;

const health = await client.GET('/health');
const status: 'ok' | undefined = health.data?.status;
const ready = await client.GET('/ready');
const documents: number | undefined = ready.data?.documents;

/** Never called: calls the types must reject. */
export function rejectedByTheTypes(): void {
  // @ts-expect-error limit is an integer
  void client.GET('/api/v1/search', { params: { query: { limit: 'ten' } } });
  // @ts-expect-error sort is one of its values
  void client.GET('/api/v1/search', { params: { query: { sort: 'random' } } });
  // @ts-expect-error a document is fetched by its id
  void client.GET('/api/v1/documents/{id}', { params: { path: {} } });
  // @ts-expect-error there is no such path
  void client.GET('/api/v1/articles');
  // @ts-expect-error the analysis fields are not part of an article
  void article?.title_terms;
}

console.log(JSON.stringify({
  id, snippet, lang, russian, translated, searchError, title: article?.title, tags,
  notFound: notFound?.error.code, status, documents,
}));
`;

describe('the OpenAPI document, as client generators read it', () => {
  let api: SearchApiHarness;
  let samples: ArticleRecord[];
  let document: OpenAPI3;
  let dir: string;

  beforeAll(async () => {
    samples = await readRecords([SAMPLES_DIR]);
    const index = uniqueIndex('openapi');
    await buildIndex(index, samples);
    api = await startSearchApi(index);
    const response = await request(api.app.getHttpServer()).get('/api/docs-json').expect(200);
    document = response.body as OpenAPI3;
    dir = await mkdtemp(join(tmpdir(), 'openapi-client-'));
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(document, null, 2));
  });
  afterAll(async () => {
    await api.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('lints clean with Redocly’s recommended rules', async () => {
    const problems = await lint(join(dir, 'openapi.json'));
    const described = problems.map(
      (p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`,
    );
    expect(described).toEqual([]);
  });

  it('generates a typed client that compiles and calls every endpoint', async () => {
    await writeFile(join(dir, 'schema.ts'), astToString(await openapiTS(document)));
    await writeFile(join(dir, 'client.ts'), CLIENT_PROGRAM);
    await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    expect(typeCheck([join(dir, 'client.ts')])).toBe('');

    const javascript = ts.transpileModule(CLIENT_PROGRAM, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    await writeFile(join(dir, 'client.js'), javascript);
    const { port } = api.app.getHttpServer().address() as { port: number };
    const { stdout } = await run(process.execPath, [join(dir, 'client.js')], {
      env: { ...process.env, API_URL: `http://127.0.0.1:${String(port)}` },
    });
    const russianSamples = samples.filter((s) => s.lang === 'ru');
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(result).toMatchObject({
      lang: 'ru',
      russian: russianSamples.length,
      title: samples.find((s) => s.id === result.id)?.title,
      notFound: 'not_found',
      status: 'ok',
      documents: samples.length,
    });
    expect(result.snippet).toContain('<mark>');
  });
});

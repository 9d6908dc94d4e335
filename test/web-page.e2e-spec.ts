import { mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';
import {
  buildIndex,
  startSearchApi,
  uniqueIndex,
  type SearchApiHarness,
} from './support/search-api.harness.js';
import { article, readRecords, SAMPLES_DIR } from './support/samples.js';

const OUTPUT_DIR = 'test-output/browser';
const CRAFTED_ID = 'crafted-1';
/** Enough articles on one topic for three pages of results. */
const TARIFF_ARTICLES = Array.from({ length: 25 }, (_, i) =>
  article({
    id: `tariff-${String(i + 1).padStart(2, '0')}`,
    title: `Tariff report number ${String(i + 1)}`,
    body: `Customs officials discussed tariffs on steel imports in report ${String(i + 1)}.`,
    published_at: `2024-01-${String(i + 1).padStart(2, '0')}T00:00:00Z`,
  }),
);

/** The same company in English and Russian articles, for the language filter. */
const GAZPROM_ARTICLES = [
  article({ id: 'gaz-en-1', title: 'Gazprom raises exports', body: 'Gazprom raised gas exports.' }),
  article({ id: 'gaz-en-2', title: 'Gazprom profit falls', body: 'Profit at Gazprom fell.' }),
  article({
    id: 'gaz-ru-1',
    lang: 'ru',
    title: 'Gazprom увеличил экспорт газа',
    body: 'Компания Gazprom увеличила поставки газа в Европу.',
  }),
];

/**
 * A host name the browser resolves to the API's loopback address: a page opened under any name
 * but localhost is not a secure context, as a reader reaching a deployment over plain HTTP sees
 * it (Chromium treats localhost and 127.0.0.1 as secure and would hide the difference).
 */
const PLAIN_HOST = 'news.test';

let api: SearchApiHarness;
let base: string;
/** The same server under PLAIN_HOST. */
let plainBase: string;
let browser: Browser;

beforeAll(async () => {
  const index = uniqueIndex('web');
  const samples = await readRecords([SAMPLES_DIR]);
  await buildIndex(index, [
    ...samples,
    ...TARIFF_ARTICLES,
    ...GAZPROM_ARTICLES,
    article({
      id: CRAFTED_ID,
      title: 'Crafted <img src=x onerror="window.__pwned=1"> headline',
      body: 'A crafted body with <script>window.__pwned=1</script> inside and <b>bold</b> markup.',
    }),
  ]);
  api = await startSearchApi(index, { RATE_LIMIT_PER_MINUTE: '0' });
  const { port } = api.app.getHttpServer().address() as AddressInfo;
  base = `http://127.0.0.1:${String(port)}`;
  plainBase = `http://${PLAIN_HOST}:${String(port)}`;
  browser = await launchChromium({ args: [`--host-resolver-rules=MAP ${PLAIN_HOST} 127.0.0.1`] });
  mkdirSync(OUTPUT_DIR, { recursive: true });
});

afterAll(async () => {
  await browser.close();
  await api.close();
});

async function openPage(
  path = '/',
  options: { locale?: string; width?: number; origin?: string } = {},
): Promise<Page> {
  const page = await browser.newPage({
    locale: options.locale ?? 'en-US',
    viewport: { width: options.width ?? 1024, height: 800 },
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // What the Content Security Policy blocks is reported on the console only.
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy'))
      errors.push(message.text());
  });
  page.on('close', () => {
    expect(errors).toEqual([]);
  });
  await page.goto(`${options.origin ?? base}${path}`);
  return page;
}

/** Waits until the page has shown the answer to its last request. */
async function settled(page: Page): Promise<void> {
  await page.locator('#results[aria-busy="false"]').waitFor({ state: 'attached' });
  await page.locator('#status:not(.loading)').waitFor({ state: 'attached' });
}

async function search(page: Page, q: string): Promise<void> {
  await page.locator('#q').fill(q);
  await page.locator('#q').press('Enter');
  await settled(page);
}

describe('web search page', () => {
  it('focuses the box; a Russian query shows highlighted results, inflected forms marked', async () => {
    const page = await openPage('/', { locale: 'ru-RU' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await search(page, 'встреча');
    expect(new URL(page.url()).searchParams.get('q')).toBe('встреча');
    const hits = page.locator('#results .hit');
    expect(await hits.count()).toBeGreaterThan(0);
    const marks = await page.locator('#results mark').allTextContents();
    expect(marks.map((m) => m.toLowerCase())).toContain('встречи');
    expect(await page.locator('#status').textContent()).toMatch(/^Найдено: \d+ · \d+ мс$/);
    await page.screenshot({ path: `${OUTPUT_DIR}/results-ru.png`, fullPage: true });
    await page.close();
  });

  it('an English query finds and marks English and Russian-page words alike', async () => {
    const page = await openPage();
    await search(page, 'Trump summit');
    const titles = await page.locator('#results .hit h2').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect((await page.locator('#results mark').allTextContents()).join(' ')).toMatch(/Trump/);
    expect(await page.locator('#results .hit .badge').first().textContent()).toMatch(/^(EN|RU)$/);
    await page.screenshot({ path: `${OUTPUT_DIR}/results-en.png`, fullPage: true });
    await page.close();
  });

  it('says which words it also searched in the other language, and can switch it off', async () => {
    const page = await openPage();
    await search(page, 'Kremlin meeting');
    expect(await page.locator('#translation').textContent()).toMatch(
      /^Also searching in Russian: .*meeting → встреча/,
    );
    expect(await page.locator('#results .hit .badge').allTextContents()).toContain('RU');
    await page.locator('#f-translate').uncheck();
    await settled(page);
    await page.waitForURL(/translate=0/);
    expect(await page.locator('#translation').textContent()).toBe('');
    expect(new Set(await page.locator('#results .hit .badge').allTextContents())).toEqual(
      new Set(['EN']),
    );
    await page.close();
  });

  it('applies a language filter from the facets and keeps it in the URL', async () => {
    const page = await openPage();
    await search(page, 'Gazprom');
    expect(await page.locator('#results .hit').count()).toBe(3);
    const options = await page.locator('#f-lang option').allTextContents();
    expect(options).toEqual(['Any language', 'Russian (1)', 'English (2)']);
    await page.locator('#f-lang').selectOption('ru');
    await settled(page);
    await page.waitForURL(/lang=ru/);
    const badges = await page.locator('#results .hit .badge').allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    expect(new Set(badges)).toEqual(new Set(['RU']));
    await page.close();
  });

  it('goes to page 2 and back, the URL following', async () => {
    const page = await openPage();
    await search(page, 'tariffs');
    expect(await page.locator('#pager').textContent()).toContain('Page 1 of 3');
    const first = await page.locator('#results .hit h2').allTextContents();
    await page.locator('#pager a[rel="next"]').click();
    await page.waitForURL(/page=2/);
    await settled(page);
    const second = await page.locator('#results .hit h2').allTextContents();
    expect(second).toHaveLength(10);
    expect(second.some((t) => first.includes(t))).toBe(false);
    expect(await page.locator('#pager').textContent()).toContain('Page 2 of 3');
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('page'));
    await page.locator('#pager:has-text("Page 1 of 3")').waitFor();
    expect(await page.locator('#results .hit h2').allTextContents()).toEqual(first);
    expect(await page.locator('#q').inputValue()).toBe('tariffs');
    await page.close();
  });

  it('shows an empty state with a hint', async () => {
    const page = await openPage();
    await search(page, 'qwzxv');
    expect(await page.locator('#results .hit').count()).toBe(0);
    expect(await page.locator('#message').textContent()).toContain('Nothing found for “qwzxv”');
    await page.close();
  });

  it('shows a crafted document’s markup as text and runs none of it', async () => {
    const page = await openPage('/?q=crafted');
    await page.locator('#results .hit').first().waitFor();
    const hit = page.locator('#results .hit').first();
    expect(await hit.locator('.snippet').textContent()).toContain(
      '<script>window.__pwned=1</script>',
    );
    expect(await hit.locator('h2').textContent()).toContain(
      '<img src=x onerror="window.__pwned=1">',
    );
    expect(await page.locator('#results script, #results img, #results b').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });

  it('shows an error state with a retry when the API fails', async () => {
    const page = await openPage();
    await page.route('**/api/v1/search**', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'search_unavailable', message: 'Search is unavailable' },
        }),
      }),
    );
    await search(page, 'tariffs');
    expect(await page.locator('#message [role="alert"]').textContent()).toContain(
      'Search is unavailable',
    );
    await page.unroute('**/api/v1/search**');
    await page.locator('#message button').click();
    await page.locator('#results .hit').first().waitFor();
    await page.close();
  });

  it('speaks the browser’s language and switches on request', async () => {
    const page = await openPage('/', { locale: 'ru-RU' });
    expect(await page.locator('h1').textContent()).toBe('Поиск новостей');
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await page.locator('#ui-language').click();
    expect(await page.locator('h1').textContent()).toBe('News search');
    expect(await page.locator('label[for="q"]').textContent()).toBe(
      'Search Russian and English news',
    );
    await page.reload();
    expect(await page.locator('h1').textContent()).toBe('News search');
    await page.close();
  });

  it('loads only its own scripts, at most 50 KB gzipped', async () => {
    const page = await browser.newPage();
    const scripts: Array<Promise<{ url: string; gzipped: number }>> = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script')
        scripts.push(
          response.body().then((body) => ({ url: response.url(), gzipped: gzipSync(body).length })),
        );
    });
    await page.goto(`${base}/?q=tariffs`);
    await page.locator('#results .hit').first().waitFor();
    const loaded = await Promise.all(scripts);
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.every(({ url }) => url.startsWith(base))).toBe(true);
    expect(loaded.reduce((sum, s) => sum + s.gzipped, 0)).toBeLessThanOrEqual(50 * 1024);
    await page.close();
  });

  it('works by keyboard alone and fits a 360-pixel screen', async () => {
    const page = await openPage('/', { width: 360 });
    await page.keyboard.type('tariffs');
    await page.keyboard.press('Enter');
    await page.locator('#results .hit').first().waitFor();
    await page.keyboard.press('Shift+Tab');
    await page.locator('#q').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Search');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-lang');
    const outline = await page.evaluate(() =>
      document.activeElement === null ? '' : getComputedStyle(document.activeElement).outlineStyle,
    );
    expect(outline).toBe('solid');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await page.screenshot({ path: `${OUTPUT_DIR}/results-360px.png`, fullPage: true });
    await page.close();
  });
});

describe('served over plain HTTP under a host name', () => {
  it('loads its stylesheet and scripts from the same origin and searches', async () => {
    const page = await openPage('/', { origin: plainBase });
    // A rule of style.css: without the stylesheet the header is a block.
    expect(await page.locator('header.top').evaluate((el) => getComputedStyle(el).display)).toBe(
      'flex',
    );
    await search(page, 'tariffs');
    expect(await page.locator('#results .hit').count()).toBe(10);
    const loaded = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => entry.name),
    );
    expect(loaded).toEqual(
      expect.arrayContaining([`${plainBase}/style.css`, `${plainBase}/main.js`]),
    );
    expect(loaded.filter((url) => !url.startsWith(`${plainBase}/`))).toEqual([]);
    await page.screenshot({ path: `${OUTPUT_DIR}/plain-http-host.png`, fullPage: true });
    await page.close();
  });

  it('shows the OpenAPI operations in Swagger UI', async () => {
    const page = await openPage('/api/docs', { origin: plainBase });
    const operations = page.locator('.opblock-summary-path');
    await operations.first().waitFor({ timeout: 10_000 });
    expect(
      await operations.evaluateAll((paths) => paths.map((p) => p.getAttribute('data-path'))),
    ).toEqual(expect.arrayContaining(['/api/v1/search', '/api/v1/documents/{id}']));
    await page.screenshot({ path: `${OUTPUT_DIR}/api-docs-plain-http.png`, fullPage: true });
    await page.close();
  });
});

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleDraft } from '../record/record-builder.js';

type HtmlDocument = ReturnType<typeof parseHTML>['document'];

const BLOCKS = 'p, h1, h2, h3, h4, li, blockquote, pre, td';

function meta(document: HtmlDocument, selectors: string[]): string | null {
  for (const selector of selectors) {
    const element = document.querySelector(selector);
    const value =
      element?.getAttribute('content') ??
      element?.getAttribute('href') ??
      element?.getAttribute('datetime');
    if (value !== null && value !== undefined && value.trim().length > 0) return value.trim();
  }
  return null;
}

function text(value: string | null | undefined): string {
  return (value ?? '').replace(/[\s\u00A0]+/g, ' ').trim();
}

/** Paragraph text of an HTML fragment: one paragraph per block element. */
function paragraphsOf(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = [...document.querySelectorAll(BLOCKS)]
    .filter((element) => element.querySelector(BLOCKS) === null)
    .map((element) => text(element.textContent))
    .filter((paragraph) => paragraph.length > 0);
  return blocks.length > 0 ? blocks.join('\n\n') : text(document.body.textContent);
}

/**
 * Extracts the article of an HTML page with Mozilla Readability on linkedom, and its metadata:
 * og:title, <title> or h1; canonical or og:url; article:published_time and similar; <html lang>.
 */
export function extractHtmlArticle(html: string): ArticleDraft {
  const { document } = parseHTML(html);
  const title =
    meta(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ??
    (text(document.querySelector('title')?.textContent) ||
      text(document.querySelector('h1')?.textContent) ||
      null);
  const url = meta(document, ['link[rel="canonical"]', 'meta[property="og:url"]']);
  const published = meta(document, [
    'meta[property="article:published_time"]',
    'meta[name="pubdate"]',
    'meta[name="date"]',
    'meta[itemprop="datePublished"]',
    'time[datetime]',
  ]);
  const source = meta(document, ['meta[property="og:site_name"]']);
  const lang = document.documentElement.getAttribute('lang')?.slice(0, 2).toLowerCase() ?? null;
  const article = new Readability(document, { charThreshold: 200 }).parse();
  const content = article?.content ?? '';
  const body = content.length > 0 ? paragraphsOf(content) : text(document.body.textContent);
  return { title, url, published_at: published, source, lang, body };
}

import { escapeHtml } from '@lib/search-core';
import type { PublicArticle } from './public-article.js';

const STYLE = `<style>body{font:17px/1.55 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
a{color:#0b57d0}.meta{color:#555}</style>`;

/** A readable HTML page for a stored article; every value is escaped. */
export function renderDocumentPage(article: PublicArticle): string {
  const paragraphs = article.body
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
  const meta = [article.source, article.published_at?.slice(0, 10), article.lang.toUpperCase()]
    .filter((v): v is string => typeof v === 'string' && v.length > 0)
    .map(escapeHtml)
    .join(' · ');
  const original =
    article.url === null
      ? ''
      : `<p><a href="${escapeHtml(article.url)}" rel="noopener noreferrer">${escapeHtml(article.url)}</a></p>`;
  return `<!doctype html>
<html lang="${escapeHtml(article.lang)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(article.title)}</title>
${STYLE}</head>
<body><p><a href="/">← Search</a></p><article><h1>${escapeHtml(article.title)}</h1>
<p class="meta">${meta}</p>${original}
${paragraphs}</article></body></html>`;
}

/** The page for an article that cannot be shown (unknown id, search down), with a way back. */
export function renderErrorPage(message: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(message)}</title>
${STYLE}</head>
<body><p><a href="/">← Search</a></p><h1>${escapeHtml(message)}</h1></body></html>`;
}

import { findDate } from '../metadata/dates.js';
import { findUrl } from '../metadata/url.js';
import { classifyParagraphs } from './paragraph-classifier.js';
import { splitParagraphs, type Paragraph } from './paragraph.js';

/** What a scraped page yields: the article and the metadata found around it. */
export interface ScrapedArticle {
  title: string | null;
  body: string;
  url: string | null;
  publishedAt: string | null;
}

/** Lines at the top of a page searched for a headline, a header and a date. */
const HEAD_LINES = 15;
const HEADLINE_WORDS = { min: 3, max: 30 };

/** A header line holds little besides a URL or a date ("date 2025-08-15 https://…"). */
function readHeader(paragraphs: Paragraph[]): {
  url: string | null;
  date: string | null;
  index: number | null;
} {
  for (const p of paragraphs.slice(0, 3)) {
    const url = findUrl(p.text);
    const date = findDate(p.text);
    const rest = p.text.replace(/https?:\/\/\S+/g, '').replace(/\d[\d:.-]*/g, '');
    if ((url !== null || date !== null) && rest.trim().split(/\s+/).length <= 3)
      return { url, date, index: p.index };
  }
  return { url: null, date: null, index: null };
}

function overlap(p: Paragraph, terms: Set<string>): number {
  let shared = 0;
  for (const stem of p.stems) if (terms.has(stem)) shared++;
  return shared;
}

/** The headline: the first short line near the top whose words the article itself uses. */
function findTitle(
  paragraphs: Paragraph[],
  good: Paragraph[],
  skip: number | null,
): Paragraph | null {
  const articleStems = new Set(good.flatMap((p) => [...p.stems]));
  for (const p of paragraphs.slice(0, HEAD_LINES)) {
    if (p.index === skip || p.words < HEADLINE_WORDS.min || p.words > HEADLINE_WORDS.max) continue;
    if (
      p.endsSentence ||
      p.codeDensity > 0.04 ||
      p.isCredit ||
      p.lang === 'unknown' ||
      p.stems.size === 0
    )
      continue;
    const shared = overlap(p, articleStems);
    if (shared >= Math.min(2, p.stems.size) && shared / p.stems.size >= 0.5) return p;
  }
  return null;
}

/** The article starts at the first good paragraph that shares the headline's topic (skips promos). */
function leadIndex(good: Paragraph[], title: Paragraph | null): number {
  if (title === null) return 0;
  const needed = title.stems.size <= 3 ? 1 : 2;
  const lead = good.findIndex((p) => p.index !== title.index && overlap(p, title.stems) >= needed);
  return lead < 0 ? 0 : lead;
}

/** The first date in a short line near the top, such as a byline's "Saturday 11 November 2017". */
function findPublished(paragraphs: Paragraph[]): string | null {
  for (const p of paragraphs.slice(0, HEAD_LINES)) {
    if (p.words > 12) continue;
    const date = findDate(p.text);
    if (date !== null) return date;
  }
  return null;
}

/**
 * Extracts the article from a scraped page: jusText-style paragraph classification drops
 * scripts, menus, feeds, prompts and credits; the headline is the first short line near the
 * top that the article's own words confirm; a header line gives url and date.
 */
export function extractScrapedPage(page: string): ScrapedArticle {
  const paragraphs = splitParagraphs(page);
  const header = readHeader(paragraphs);
  const classes = classifyParagraphs(paragraphs);
  const good = paragraphs.filter((p, i) => classes[i] === 'good' && p.index !== header.index);
  const title = findTitle(paragraphs, good, header.index);
  const body = good
    .slice(leadIndex(good, title))
    .filter((p) => p.index !== title?.index)
    .map((p) => p.text)
    .join('\n\n');
  return {
    title: title?.text ?? null,
    body,
    url: header.url,
    publishedAt: header.date ?? findPublished(paragraphs.filter((p) => p.index !== title?.index)),
  };
}

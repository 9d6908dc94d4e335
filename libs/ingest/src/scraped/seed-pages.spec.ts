import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../ingest-file.js';
import type { ArticleRecord } from '../record/article-record.js';

const SAMPLES = new URL('../../../../indexing/samples/', import.meta.url);

async function record(name: string): Promise<ArticleRecord> {
  for await (const event of ingestFile(new URL(name, SAMPLES).pathname)) {
    if (event.kind === 'record') return event.record;
    throw new Error(JSON.stringify(event));
  }
  throw new Error('no record');
}

interface Golden {
  file: string;
  title: string;
  url: string | null;
  publishedAt: string | null;
  lang: 'ru' | 'en';
  first: string;
  last: string;
  absent: string[];
}

const GOLDEN: Golden[] = [
  {
    file: '000_73efe689a983abb3.txt',
    title: 'Путин и Трамп во время краткого общения согласовали заявление по Сирии',
    url: null,
    publishedAt: null,
    lang: 'ru',
    first:
      'Президент России Владимир Путин и глава США Дональд Трамп на полях саммита АТЭС во вьетнамском Дананге одобрили совместное заявление по ситуации в Сирии.',
    last: 'По возвращении в Вашингтон Дональду Трампу даже пришлось оправдываться.',
    absent: [
      'jwplayer',
      'function(',
      'Поделиться Видео',
      '© Sana',
      'Также по теме',
      'На страницу галереи',
    ],
  },
  {
    file: '001_642c3ac84b7956ff.txt',
    title: 'Путин и Трамп договорились об организации личной встречи',
    url: null,
    publishedAt: null,
    lang: 'ru',
    first:
      'Президенты России и США Владимир Путин и Дональд Трамп провели свой третий телефонный разговор.',
    last: 'участники совещания обменялись мнениями',
    absent: [
      'Газета.Ru в Telegram',
      'Новости и материалы',
      'Госдеп подтвердил тайные поставки',
      'Кубка Гагарина',
      'Все новости',
    ],
  },
  {
    file: '002_9de72c9b0accbad2.txt',
    title:
      'APEC summit: Donald Trump and Putin sign joint statement on Syria crisis after exchanging brief comments in Vietnam',
    url: null,
    publishedAt: '2017-11-11T04:36:00-05:00',
    lang: 'en',
    first:
      'Vladimir Putin and Donald Trump have signed a joint statement on solving the Syria conflict following a brief meeting in Vietnam',
    last: 'who has admitted lying to the FBI.',
    absent: [
      'Your support makes all the difference',
      'Stay up to date with notifications',
      'reproductive rights',
      'Join our commenting forum',
      'Please refresh the page',
    ],
  },
  {
    file: '003_f68d6a9b1cbf47e3.txt',
    title:
      'Президент России Владимир Путин и президент США Дональд Трамп встретятся в пятницу в Анкоридже (штат Аляска, США). РИА Новости, 15.08.2025',
    url: 'https://ria.ru/20250815/putin-2035410603.html',
    publishedAt: '2025-08-15',
    lang: 'ru',
    first:
      'МОСКВА, 15 авг - РИА Новости. Президент России Владимир Путин и президент США Дональд Трамп встретятся в пятницу',
    last: 'шесть раз в этом году).',
    absent: ['date 2025-08-15'],
  },
  {
    file: '004_e7b668645c73d797.txt',
    title: 'Кремль рассказал об итогах встречи Путина и Керри',
    url: null,
    publishedAt: null,
    lang: 'ru',
    first: 'Кремль рассказал о встрече президента России с американским госсекретарем.',
    last: 'Переговоры Путина с Керри продлились три часа',
    absent: [
      'Перейти к основному контенту',
      'Фото:',
      'Лента новостей',
      'Курс евро',
      'Зарегистрироваться',
      'Прямой эфир',
    ],
  },
];

describe.each(GOLDEN)('seed page $file', (golden) => {
  it('has the right metadata', async () => {
    const article = await record(golden.file);
    expect(article).toMatchObject({
      title: golden.title,
      url: golden.url,
      published_at: golden.publishedAt,
      lang: golden.lang,
    });
    expect(article.source).toBe(golden.url === null ? null : new URL(golden.url).hostname);
  });

  it('keeps the article from its first to its last sentence and drops the noise', async () => {
    const article = await record(golden.file);
    expect(article.body.startsWith(golden.first)).toBe(true);
    expect(article.body.slice(-400)).toContain(golden.last);
    for (const noise of golden.absent) expect(article.body).not.toContain(noise);
  });

  it('keeps every article paragraph of the page', async () => {
    const article = await record(golden.file);
    const page = readFileSync(new URL(golden.file, SAMPLES), 'utf8');
    const firstAt = page.indexOf(golden.first.slice(0, 40));
    const lastAt = page.indexOf(golden.last);
    const inArticle = page
      .slice(firstAt, lastAt)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 200 && !line.includes('function') && !line.includes('{'));
    for (const paragraph of inArticle) expect(article.body).toContain(paragraph);
  });
});

import { requestJson } from '@lib/search-core';
import { round } from '../stats.js';

/**
 * One query of the precision check. `topic` is a list of groups, each a list of alternatives
 * (RegExp sources, matched case-insensitively with the `u` flag): an article is on the topic
 * when it matches every group. Each alternative must start a word, so write stems ("нефт",
 * "oil"); add `(?!\p{L})` or an ending where a stem would catch other words. A space matches
 * any run of white space (line breaks included).
 */
export interface PrecisionQuery {
  q: string;
  lang: 'en' | 'ru';
  topic: ReadonlyArray<readonly string[]>;
  /** For exclusion queries: an article matching any of these is a miss. */
  excluded?: readonly string[];
}

/** A hit that is not on the topic (or holds what the query excludes). */
export interface PrecisionMiss {
  id: string;
  lang: string;
  title: string;
  why: 'off-topic' | 'excluded';
}

/** One search of one query: the share of its top 10 on the topic. */
export interface PrecisionRun {
  /** Hits on the topic over hits returned (at most 10); 1 when nothing came back. */
  precision: number;
  /** Hits returned (at most 10). */
  hits: number;
  /** The response's `total`. */
  total: number;
  misses: PrecisionMiss[];
}

/** One query: unfiltered, and with `lang` set to the other language (every hit cross-lingual). */
export interface QueryPrecision {
  query: string;
  direction: 'en->ru' | 'ru->en';
  unfiltered: PrecisionRun;
  crossOnly: PrecisionRun;
}

/** The precision check: per query, and the mean of each column. */
export interface PrecisionResult {
  queries: QueryPrecision[];
  meanUnfiltered: number;
  meanCrossOnly: number;
}

const PUTIN = ['путин', 'putin'];
const OIL = ['нефт', 'oil', 'crude', 'petroleum'];
const PRICE = ['цен(?:а|ы|у|е|ой|ам|ами|ах)?(?!\\p{L})', 'подорожа', 'подешев', 'price'];
const OPEC = ['опек(?!\\p{L})', 'opec'];
const SYRIA = ['сири', 'syria'];
const QUAKE = ['землетрясен', 'сейсм', 'earthquake', 'quake', 'seism'];
const OLYMPICS = ['олимпи', 'olympi'];
const INFLATION = ['инфляц', 'inflation'];
const TERROR = ['теракт', 'террор', 'terror'];
const ELECTIONS = [
  'выбор(?:ы|ов|ах|ам|ами)(?!\\p{L})',
  'выборн',
  'избират',
  // Not "elected" or "voted": boards elect chairmen and shareholders vote.
  'election',
  'electoral',
  'electorate',
  're-?elect',
  'voters?(?!\\p{L})',
  'ballot',
];

/**
 * Names, organisations, places and common topics, about half English and half Russian. Each
 * topic has at least about ten articles in the other language's part of the corpus, so a
 * cross-only search can fill its top 10 with articles on the topic.
 */
export const PRECISION_QUERIES: readonly PrecisionQuery[] = [
  // English queries: the cross-only search looks in Russian.
  { q: 'Joe Biden', lang: 'en', topic: [['байден', 'biden']] },
  { q: 'Biden', lang: 'en', topic: [['байден', 'biden']] },
  { q: 'Putin', lang: 'en', topic: [PUTIN] },
  { q: 'Putin -Syria', lang: 'en', topic: [PUTIN], excluded: SYRIA },
  { q: 'oil prices', lang: 'en', topic: [OIL, PRICE] },
  { q: '"oil prices" -Opec', lang: 'en', topic: [OIL, PRICE], excluded: OPEC },
  {
    q: 'fishing season',
    lang: 'en',
    // Fishing, not fish: "How Much Is the Fish?" in an article on Scooter is no fishing season.
    topic: [
      [
        'рыбак',
        'рыбал',
        'рыболов',
        'рыбопромысл',
        'рыбн\\p{L}* промысл',
        'вылов',
        'улов(?:а|у|ом|е)?(?!\\p{L})',
        'нерест',
        'лосос',
        'fishing',
        'fisher',
        'trawl',
        'salmon',
      ],
    ],
  },
  { q: 'summit', lang: 'en', topic: [['саммит', 'summit']] },
  {
    q: 'artificial intelligence',
    lang: 'en',
    topic: [
      [
        'искусственн\\p{L}* интеллект',
        'ии(?!\\p{L})',
        'нейросет',
        'машинн\\p{L}* обучени',
        'artificial intelligence',
        'ai(?!\\p{L})',
        'machine learning',
        'neural net',
      ],
    ],
  },
  {
    q: 'price cuts',
    lang: 'en',
    // A price and a cut together, not any article with a price and a fall somewhere in it.
    topic: [
      [
        '(?:сниж|сниз|уменьш)\\p{L}* (?:\\p{L}+ )?цен(?!тр)',
        'цен\\p{L}* (?:на \\p{L}+ )?(?:снизи|сниж|снижа|упа|опусти)',
        'подешев',
        'удешев',
        'скидк',
        'price (?:cut|reduction)',
        '(?:cut|lower|reduc|slash)\\p{L}* (?:\\p{L}+ )?prices?',
        'prices? (?:\\p{L}+ )?(?:cut|lowered|reduced|slashed)',
        'discount(?!\\p{L}* rate)',
      ],
    ],
  },

  { q: 'NATO', lang: 'en', topic: [['нато', 'nato']] },
  {
    q: 'central bank interest rates',
    lang: 'en',
    topic: [
      [
        'центробанк',
        'центральн\\p{L}* банк',
        'цб(?!\\p{L})',
        'банк\\p{L}* росси',
        'фрс(?!\\p{L})',
        'федеральн\\p{L}* резерв',
        'ецб(?!\\p{L})',
        'central bank',
        'fed(?!\\p{L})',
        'federal reserve',
        'bundesbank',
        'bank of (?:england|japan|france|canada|russia)',
        'ecb(?!\\p{L})',
      ],
      ['ставк', 'rate'],
    ],
  },
  { q: 'earthquake', lang: 'en', topic: [QUAKE] },
  { q: 'Microsoft', lang: 'en', topic: [['microsoft', 'майкрософт']] },
  { q: 'Olympic Games', lang: 'en', topic: [OLYMPICS] },
  { q: 'inflation', lang: 'en', topic: [INFLATION] },
  { q: 'terrorist attack', lang: 'en', topic: [TERROR] },
  { q: 'Merkel', lang: 'en', topic: [['меркел', 'merkel']] },
  { q: 'State Duma', lang: 'en', topic: [['госдум', 'дум[аеуы](?!\\p{L})', 'duma']] },
  { q: 'Lukashenko', lang: 'en', topic: [['лукашенк', 'lukashenk']] },
  { q: 'sanctions', lang: 'en', topic: [['санкц', 'sanction']] },
  { q: 'doping', lang: 'en', topic: [['допинг', 'doping', 'drug test']] },
  // Russian queries: the cross-only search looks in English.
  { q: 'Путина', lang: 'ru', topic: [PUTIN] },
  { q: 'нефть', lang: 'ru', topic: [OIL] },
  { q: 'нефть -ОПЕК', lang: 'ru', topic: [OIL], excluded: OPEC },
  { q: 'саммит', lang: 'ru', topic: [['саммит', 'summit']] },
  { q: 'выборы', lang: 'ru', topic: [ELECTIONS] },
  { q: 'Трамп', lang: 'ru', topic: [['трамп(?!лин)', 'trump(?!et)']] },
  { q: 'ОПЕК', lang: 'ru', topic: [OPEC] },
  { q: 'футбол', lang: 'ru', topic: [['футбол', 'football', 'soccer']] },
  { q: 'Газпром', lang: 'ru', topic: [['газпром', 'gazprom']] },
  { q: 'Олимпийские игры', lang: 'ru', topic: [OLYMPICS] },
  { q: 'инфляция', lang: 'ru', topic: [INFLATION] },
  { q: 'теракт', lang: 'ru', topic: [TERROR] },
  { q: 'землетрясение', lang: 'ru', topic: [QUAKE] },
  { q: 'ЮКОС', lang: 'ru', topic: [['юкос', 'yukos']] },
  { q: 'Ходорковский', lang: 'ru', topic: [['ходорковск', 'khodorkovsk']] },
  { q: 'безработица', lang: 'ru', topic: [['безработ', 'unemploy', 'jobless']] },
  { q: 'Ирак', lang: 'ru', topic: [['ирак', 'iraq']] },
  { q: 'Иран', lang: 'ru', topic: [['иран', 'iran']] },
  { q: 'Китай', lang: 'ru', topic: [['кита[йяею]', 'china', 'chinese', 'beijing', 'пекин']] },
  { q: 'кофе', lang: 'ru', topic: [['кофе', 'coffee']] },
  { q: 'пшеница', lang: 'ru', topic: [['пшениц', 'wheat']] },
  { q: 'Блэр', lang: 'ru', topic: [['блэр', 'blair']] },
];

/** A group of alternatives as one RegExp, each anchored at a word's start, spaces as `\s+`. */
function alternatives(sources: readonly string[]): RegExp {
  const anchored = sources.map((s) => `(?<!\\p{L})(?:${s.replaceAll(' ', '\\s+')})`);
  return new RegExp(anchored.join('|'), 'iu');
}

/** Whether a text is on the query's topic, holds what it excludes, or neither. */
export function judge(query: PrecisionQuery, text: string): 'hit' | PrecisionMiss['why'] {
  if (query.excluded !== undefined && alternatives(query.excluded).test(text)) return 'excluded';
  return query.topic.every((group) => alternatives(group).test(text)) ? 'hit' : 'off-topic';
}

interface ApiArticle {
  id: string;
  lang: string;
  title: string;
  summary: string | null;
  body: string;
}

/** Articles by id from GET /api/v1/documents/:id, each fetched once per run. */
class ArticleCache {
  private readonly articles = new Map<string, ApiArticle>();

  constructor(private readonly apiUrl: string) {}

  async get(id: string): Promise<ApiArticle> {
    const cached = this.articles.get(id);
    if (cached !== undefined) return cached;
    const response = await requestJson(
      new URL(`/api/v1/documents/${encodeURIComponent(id)}`, this.apiUrl),
    );
    if (response.status !== 200) throw new Error(`API answered ${response.status} for ${id}`);
    const article = response.body as ApiArticle;
    this.articles.set(id, article);
    return article;
  }
}

/** The top 10 of one search, judged on each hit's whole article. */
async function measureRun(
  apiUrl: string,
  articles: ArticleCache,
  query: PrecisionQuery,
  extra: Record<string, string>,
): Promise<PrecisionRun> {
  const params = new URLSearchParams({ q: query.q, limit: '10', ...extra });
  const response = await requestJson(new URL(`/api/v1/search?${params}`, apiUrl));
  if (response.status !== 200) throw new Error(`API answered ${response.status} for ${query.q}`);
  const { hits, total } = response.body as { hits: Array<{ id: string }>; total: number };
  const misses: PrecisionMiss[] = [];
  for (const { id } of hits) {
    const article = await articles.get(id);
    const verdict = judge(query, [article.title, article.summary ?? '', article.body].join('\n'));
    if (verdict !== 'hit')
      misses.push({ id, lang: article.lang, title: article.title, why: verdict });
  }
  return {
    precision: hits.length === 0 ? 1 : round(1 - misses.length / hits.length, 3),
    hits: hits.length,
    total,
    misses,
  };
}

/** Runs every query unfiltered and cross-only against a running search API. */
export async function measurePrecision(options: {
  apiUrl: string;
  queries?: readonly PrecisionQuery[];
}): Promise<PrecisionResult> {
  const articles = new ArticleCache(options.apiUrl);
  const queries: QueryPrecision[] = [];
  for (const query of options.queries ?? PRECISION_QUERIES) {
    const other = query.lang === 'en' ? 'ru' : 'en';
    queries.push({
      query: query.q,
      direction: query.lang === 'en' ? 'en->ru' : 'ru->en',
      unfiltered: await measureRun(options.apiUrl, articles, query, {}),
      crossOnly: await measureRun(options.apiUrl, articles, query, { lang: other }),
    });
  }
  const mean = (pick: (q: QueryPrecision) => number): number =>
    round(queries.reduce((sum, q) => sum + pick(q), 0) / Math.max(1, queries.length), 3);
  return {
    queries,
    meanUnfiltered: mean((q) => q.unfiltered.precision),
    meanCrossOnly: mean((q) => q.crossOnly.precision),
  };
}

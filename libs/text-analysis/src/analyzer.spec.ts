import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, analyzeForIndex, wordSpans } from './analyzer.js';
import { firstCharFilter } from './first-char-filter.js';
import { analyzeWord } from './word-analysis.js';

/** Terms of a text; compounds' wholes end in '+', stop words in '*'. */
function terms(text: string): string {
  return analyze(text)
    .map((t) => `${t.term}${t.compound === true ? '+' : ''}${t.stop ? '*' : ''}`)
    .join(' ');
}

describe('one term for every form of a word', () => {
  it.each([
    ['Путин', 'путин'],
    ['Путина', 'путин'],
    ['Путину', 'путин'],
    ['Путиным', 'путин'],
    ['Путине', 'путин'],
    ['встреча', 'встреч'],
    ['встречи', 'встреч'],
    ['встрече', 'встреч'],
    ['встречу', 'встреч'],
    ['встречей', 'встреч'],
    ['президент', 'президент'],
    ['президента', 'президент'],
    ['президентом', 'президент'],
    ['президенты', 'президент'],
    ['Россия', 'росс'],
    ['России', 'росс'],
    ['Россией', 'росс'],
    ['санкции', 'санкц'],
    ['санкций', 'санкц'],
    ['санкциям', 'санкц'],
    ['Сирия', 'сир'],
    ['Сирии', 'сир'],
    ['Кремль', 'кремл'],
    ['Кремле', 'кремл'],
    ['Кремля', 'кремл'],
    ['заявление', 'заявлен'],
    ['заявления', 'заявлен'],
    ['заявлением', 'заявлен'],
    ['переговоры', 'переговор'],
    ['переговоров', 'переговор'],
    ['переговорах', 'переговор'],
    ['meeting', 'meet'],
    ['meetings', 'meet'],
    ['run', 'run'],
    ['running', 'run'],
    ['runs', 'run'],
    ['talk', 'talk'],
    ['talks', 'talk'],
    ['sanction', 'sanction'],
    ['sanctions', 'sanction'],
    ['sanctioned', 'sanction'],
    ['president', 'presid'],
    ['presidents', 'presid'],
    ['country', 'countri'],
    ['countries', 'countri'],
    ['statement', 'statement'],
    ['statements', 'statement'],
    ['leader', 'leader'],
    ['leaders', 'leader'],
  ])('%s -> %s', (word, term) => {
    expect(terms(word)).toBe(term);
  });
});

describe('normalization', () => {
  it.each([
    ['ё folds to е before stemming', 'оживлённо', 'оживлен'],
    ['е form of the same word', 'оживленно', 'оживлен'],
    ['ёлка', 'ёлка', 'елк'],
    ['елка', 'елка', 'елк'],
    ['capital Ё', 'Ёлка', 'елк'],
    ['upper case', 'ЁЛКА', 'елк'],
    ['combining acute stress mark', 'заме\u0301ток', 'заметок'],
    ['stress mark in another form', 'заме\u0301тки', 'заметк'],
    ['combining grave stress mark', 'сло\u0300во', 'слов'],
    ['soft hyphen inside a Russian word', 'при\u00ADвет', 'привет'],
    ['soft hyphen inside an English word', 'Mos\u00ADcow', 'moscow'],
    ['zero-width space inside a word', 'при\u200Bвет', 'привет'],
    ['NFKC ligature', '\uFB01nance', 'financ'],
    ['NFKC full-width letters', 'ＡＢＣ', 'abc'],
    ['NFKC roman numeral', 'Ⅻ', 'xii'],
    ['typographic apostrophe possessive', 'Trump’s', 'trump'],
    ['ASCII possessive', "Putin's", 'putin'],
    ['plural possessive', "leaders'", 'leader'],
    ['em dash separates words', 'Трамп—Путин', 'трамп путин'],
    ['spaced dash', 'Путин — Трамп', 'путин трамп'],
    ['guillemets are punctuation', '«Беседа»', 'бесед'],
    ['typographic quotes are punctuation', '“quoted”', 'quot'],
    ['no-break space separates', 'Владимир\u00A0Путин', 'владимир путин'],
    ['narrow no-break space separates', '15\u202Fавгуста', '15 август'],
  ])('%s: %s', (_rule, text, expected) => {
    expect(terms(text)).toBe(expected);
  });
});

describe('tokenization', () => {
  it.each([
    ['compound: parts then whole', 'северо-запад', 'север запад северозапад+'],
    ['city compound', 'Санкт-Петербург', 'санкт петербург санктпетербург+'],
    ['English compound', 'New York-based', 'new york base yorkbas+'],
    ['adjective compound', 'российско-американских', 'российск американск российскоамериканск+'],
    ['letters and digits', 'COVID-19', 'covid 19 covid19+'],
    ['non-breaking hyphen joins', 'пресс\u2011секретарь', 'пресс секретар пресссекретар+'],
    ['year', '2017', '2017'],
    ['date stays one word', '11.11.2017', '11_11_2017'],
    ['decimal comma', '1,5', '1_5'],
    ['decimal point', '3.14', '3_14'],
    ['time', '12:30', '12_30'],
    ['dotted abbreviation', 'U.S.', 'us'],
    ['another dotted abbreviation', 'U.K.', 'uk'],
    ['Russian dotted abbreviation', 'т.е.', 'те'],
    ['Russian acronym', 'США', 'сша'],
    ['Russian acronym', 'ООН', 'оон'],
    ['English acronym', 'NATO', 'nato'],
    [
      'URL: host and path words, no scheme or extension',
      'https://ria.ru/20250815/putin-2035410603.html',
      'ria ru 20250815 putin 2035410603 putin2035410603+',
    ],
    ['URL without scheme', 'www.rt.com/news', 'rt com news'],
    ['e-mail address: its parts', 'info@rt.com', 'info rt com'],
  ])('%s: %s', (_rule, text, expected) => {
    expect(terms(text)).toBe(expected);
  });
});

describe('homoglyph repair', () => {
  it.each([
    ['Latin P in a Cyrillic word', 'Pоссия', 'росс'],
    ['Latin M in a Cyrillic word', 'Mосква', 'москв'],
    ['Cyrillic о in a Latin word', 'Rоme', 'rome'],
    ['Cyrillic с in a Latin word', 'сooperation', 'cooper'],
    ['clean word is unchanged', 'Москва', 'москв'],
  ])('%s: %s', (_rule, text, expected) => {
    expect(terms(text)).toBe(expected);
  });
});

describe('stop words are flagged, not dropped', () => {
  it.each([
    ['Russian preposition in a phrase', 'в Сирии', 'в* сир'],
    ['English phrase keeps "of"', 'Secretary of State', 'secretari of* state'],
    ['the', 'the', 'the*'],
    ['и', 'и', 'и*'],
  ])('%s: %s', (_rule, text, expected) => {
    expect(terms(text)).toBe(expected);
  });
});

describe('sentences from the sample pages', () => {
  it.each([
    [
      'Президент России Владимир Путин и глава США Дональд Трамп на полях саммита АТЭС во вьетнамском Дананге одобрили совместное заявление по ситуации в Сирии.',
      'президент росс владимир путин и* глав сша дональд трамп на* пол саммит атэс во* вьетнамск дананг одобр совместн заявлен по* ситуац в* сир',
    ],
    [
      'Журналисты сообщили, что лидеры вместе шли к месту совместного фотографирования гостей саммита и оживлённо беседовали.',
      'журналист сообщ что* лидер вмест шли к* мест совместн фотографирован гост саммит и* оживлен беседова',
    ],
    [
      '«Беседа Владимира Путина и Дональда Трампа состоялась перед началом церемонии совместного фотографирования лидеров экономик форума АТЭС», — говорится на сайте Кремля.',
      'бесед владимир путин и* дональд трамп состоя перед* начал церемон совместн фотографирован лидер экономик форум атэс говор на* сайт кремл',
    ],
    [
      'The Kremlin said the statement on Syria was coordinated by Russian Foreign Minister Sergei Lavrov and US Secretary of State Rex Tillerson.',
      'the* kremlin said* the* statement on* syria was* coordin by* russian foreign minist sergei lavrov and* us secretari of* state rex tillerson',
    ],
    [
      "Mr Trump's former campaign manager, Paul Manafort, has been indicted in the investigation.",
      'mr trump former campaign manag paul manafort has* been* indict in* the* investig',
    ],
    [
      'МОСКВА, 15 авг - РИА Новости. Президент России Владимир Путин и президент США Дональд Трамп встретятся в пятницу в Анкоридже (штат Аляска, США).',
      'москв 15 авг ри новост президент росс владимир путин и* президент сша дональд трамп встрет в* пятниц в* анкоридж штат аляск сша',
    ],
  ])('%s', (sentence, expected) => {
    expect(terms(sentence)).toBe(expected);
  });
});

describe('offsets', () => {
  const samples = new URL('../../../indexing/samples/', import.meta.url);
  it.each(readdirSync(samples))('slice the original back to every surface of %s', (file) => {
    const text = readFileSync(new URL(file, samples), 'utf8');
    const tokens = analyze(text);
    expect(tokens.length).toBeGreaterThan(500);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.surface);
  });

  it('numbers positions consecutively, compounds at their first part', () => {
    const tokens = analyze('в Санкт-Петербурге прошла встреча');
    expect(tokens.map((t) => [t.term, t.position])).toEqual([
      ['в', 0],
      ['санкт', 1],
      ['петербург', 2],
      ['санктпетербург', 1],
      ['прошл', 3],
      ['встреч', 4],
    ]);
  });

  it('reports the script used for each token', () => {
    expect(analyze('Путин met 2017').map((t) => t.script)).toEqual(['cyrillic', 'latin', 'number']);
  });
});

describe('bad input never throws', () => {
  it.each([
    ['empty string', '', ''],
    ['only punctuation', '!!! ... «» — ,,,', ''],
    ['control characters separate words', 'abc\u0000def\u0007ghi', 'abc def ghi'],
    ['RTL marks separate words', 'abc\u200Fdef\u202Eghi', 'abc def ghi'],
    ['emoji separate words', 'мир🙂дружба 👍🏽', 'мир дружб'],
    ['lone surrogates are dropped', 'ab\uD800cd\uDC00ef', 'ab cd ef'],
    ['Chinese is kept unstemmed', '北京 встреча', '北京 встреч'],
  ])('%s', (_case, text, expected) => {
    expect(terms(text)).toBe(expected);
  });

  it('a 1 MB string with no spaces becomes one bounded term', () => {
    const text = 'я'.repeat(1024 * 1024);
    const tokens = analyze(text);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.term.length).toBe(64);
    expect(tokens[0]?.end).toBe(text.length);
  });
});

describe('analyzeForIndex', () => {
  it('joins terms with spaces in order, stop words included', () => {
    expect(analyzeForIndex('Встреча в Сирии')).toBe('встреч в сир');
  });
});

describe('wordSpans', () => {
  it('gives the tokens of analyze without the wholes of compounds', () => {
    const text = 'Санкт-Петербург принял «U.S.» делегацию, 11.11.2017';
    const expected = analyze(text)
      .filter((token) => token.compound === undefined)
      .map(({ term, start, end }) => ({ term, start, end }));
    expect(wordSpans(text)).toEqual(expected);
    expect(wordSpans(text).map((span) => text.slice(span.start, span.end))).toEqual([
      'Санкт',
      'Петербург',
      'принял',
      'U.S.',
      'делегацию',
      '11.11.2017',
    ]);
  });

  it('leaves the words a filter rules out unanalyzed, with an empty term, in their places', () => {
    const text =
      'Пyтин (Latin y) встретился с Эрдоганом в Сочи-Парке, see https://kremlin.ru/putin';
    const queryTerms = ['Путин', 'Сочи', 'Putin'].map((word) => analyzeWord(word)?.term ?? '');
    const full = wordSpans(text);
    const filtered = wordSpans(text, firstCharFilter(queryTerms));
    expect(filtered.map(({ start, end }) => [start, end])).toEqual(
      full.map(({ start, end }) => [start, end]),
    );
    const matching = (spans: typeof full): string[] =>
      spans.filter((s) => queryTerms.includes(s.term)).map((s) => text.slice(s.start, s.end));
    expect(matching(filtered)).toEqual(['Пyтин', 'Сочи', 'putin']);
    expect(matching(filtered)).toEqual(matching(full));
    expect(filtered.find((s) => text.slice(s.start, s.end) === 'встретился')?.term).toBe('');
  });
});

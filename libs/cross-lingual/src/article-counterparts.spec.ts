import { nameUsage } from '@lib/text-analysis';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArticleCounterparts } from './article-counterparts.js';
import { loadCounterparts } from './lexicon.js';
import { NamesLexicon } from './names-lexicon.js';

let article: ArticleCounterparts;
beforeAll(() => {
  const names = new NamesLexicon(['Putin\tПутин', 'Baden\tБаден', 'Moscow\tМосква'].join('\n'));
  article = new ArticleCounterparts(loadCounterparts(), names);
});

describe('ArticleCounterparts', () => {
  it('knows a name the text capitalizes only where a sentence opens, if the lexicon does', () => {
    const names = article.namesOf(nameUsage('«Путин мне пока не звонил». Так сказал боксер.'));
    expect([...names]).toEqual(['путин']);
    // So «Путин» gets no counterparts of the fishing season's «путина».
    expect(article.ofTerms(['путин'], names)).toEqual([]);
    expect(article.ofTerms(['путин'], new Set())).toEqual(expect.arrayContaining(['fish']));
  });

  it("stores its names' tokens and the keys of their spellings there", () => {
    expect(article.nameKeys(new Set(['москв']), 'ru')).toEqual(['nmmoskva', 'nmmoscow', 'maskav']);
  });

  it('keys no name by a stem of three letters, which stands for many («Баден», «Бадр»)', () => {
    expect(article.nameKeys(new Set(['бад']), 'ru')).toEqual(['nmbaden']);
  });
});

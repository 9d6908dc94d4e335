import { describe, expect, it } from 'vitest';
import { apiQuery, queryFromState, stateFromQuery } from './search-state.js';

describe('search state in the URL', () => {
  it('round-trips every field', () => {
    const search =
      '?q=%D0%BF%D1%83%D1%82%D0%B8%D0%BD&lang=ru&source=ria.ru&from=2017-11-01&to=2017-11-30&sort=date_desc&page=3';
    const state = stateFromQuery(search);
    expect(state).toEqual({
      q: 'путин',
      lang: 'ru',
      source: 'ria.ru',
      from: '2017-11-01',
      to: '2017-11-30',
      sort: 'date_desc',
      page: 3,
      translate: true,
    });
    expect(queryFromState(state)).toBe(search);
  });

  it('leaves defaults out of the URL', () => {
    expect(queryFromState(stateFromQuery('?q=oil'))).toBe('?q=oil');
    expect(queryFromState(stateFromQuery(''))).toBe('');
  });

  it('drops values the API would refuse', () => {
    const state = stateFromQuery('?q=x&lang=de&sort=random&page=-4&from=yesterday&to=2017-13');
    expect(state).toMatchObject({ lang: '', sort: 'relevance', page: 1, from: '', to: '' });
    expect(stateFromQuery('?page=999999').page).toBe(1001);
    expect(stateFromQuery(`?q=${'a'.repeat(600)}`).q).toHaveLength(512);
  });

  it('asks the API for the page as limit and offset', () => {
    const query = apiQuery(stateFromQuery('?q=oil&page=2&lang=en'));
    const params = new URL(query, 'http://x').searchParams;
    expect(params.get('limit')).toBe('10');
    expect(params.get('offset')).toBe('10');
    expect(params.get('lang')).toBe('en');
    expect(params.has('sort')).toBe(false);
    expect(params.get('translate')).toBe('true');
  });

  it('keeps translation on unless the URL switches it off', () => {
    const off = stateFromQuery('?q=oil&translate=0');
    expect(off.translate).toBe(false);
    expect(queryFromState(off)).toBe('?q=oil&translate=0');
    expect(new URL(apiQuery(off), 'http://x').searchParams.get('translate')).toBe('false');
  });
});

/** What the page shows, kept in the URL so results can be linked and the back button works. */
export interface SearchState {
  q: string;
  lang: '' | 'ru' | 'en';
  source: string;
  from: string;
  to: string;
  sort: 'relevance' | 'date_desc' | 'date_asc';
  page: number;
  /** Also search the other language (on unless switched off). */
  translate: boolean;
}

export const PAGE_SIZE = 10;
/** The API serves offsets up to 10,000. */
export const MAX_PAGE = Math.floor(10_000 / PAGE_SIZE) + 1;
const SORTS: ReadonlyArray<SearchState['sort']> = ['relevance', 'date_desc', 'date_asc'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a state from a query string, dropping values the API would refuse. */
export function stateFromQuery(search: string): SearchState {
  const params = new URLSearchParams(search);
  const lang = params.get('lang');
  const sort = params.get('sort') as SearchState['sort'] | null;
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const date = (name: string): string => {
    const value = params.get(name) ?? '';
    return DATE.test(value) ? value : '';
  };
  return {
    q: (params.get('q') ?? '').slice(0, 512),
    lang: lang === 'ru' || lang === 'en' ? lang : '',
    source: params.get('source') ?? '',
    from: date('from'),
    to: date('to'),
    sort: sort !== null && SORTS.includes(sort) ? sort : 'relevance',
    page: Number.isFinite(page) ? Math.min(Math.max(page, 1), MAX_PAGE) : 1,
    translate: params.get('translate') !== '0',
  };
}

/** The page's query string for a state: only what differs from the defaults. */
export function queryFromState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q !== '') params.set('q', state.q);
  if (state.lang !== '') params.set('lang', state.lang);
  if (state.source !== '') params.set('source', state.source);
  if (state.from !== '') params.set('from', state.from);
  if (state.to !== '') params.set('to', state.to);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  if (!state.translate) params.set('translate', '0');
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

/** The API request for a state. */
export function apiQuery(state: SearchState): string {
  const params = new URLSearchParams({
    q: state.q,
    limit: String(PAGE_SIZE),
    offset: String((state.page - 1) * PAGE_SIZE),
  });
  if (state.lang !== '') params.set('lang', state.lang);
  if (state.source !== '') params.set('source', state.source);
  if (state.from !== '') params.set('from', state.from);
  if (state.to !== '') params.set('to', state.to);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  params.set('translate', String(state.translate));
  return `/api/v1/search?${params.toString()}`;
}

import type { SearchHit, SearchResponse } from './api.js';
import { highlighted } from './highlight.js';
import type { Messages, UiLanguage } from './i18n.js';
import { MAX_PAGE, PAGE_SIZE, queryFromState, type SearchState } from './search-state.js';

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Pick<HTMLElement, 'className' | 'textContent' | 'title'>> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

/** The domain a hit comes from: its source, else its url's host. */
function sourceOf(hit: SearchHit): string {
  if (hit.source !== null && hit.source !== '') return hit.source;
  try {
    return hit.url === null ? '' : new URL(hit.url).hostname;
  } catch {
    return '';
  }
}

function formatDate(iso: string | null, language: UiLanguage): HTMLTimeElement | null {
  if (iso === null) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const time = element('time', {
    textContent: new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date),
  });
  time.dateTime = iso;
  return time;
}

/** One result: title link, source, date, language badge, highlighted snippet. */
export function renderHit(hit: SearchHit, t: Messages, language: UiLanguage): HTMLLIElement {
  const link = element('a', {}, highlighted(hit.highlight.title));
  link.href = hit.link;
  const meta = element('div', { className: 'meta' });
  const source = sourceOf(hit);
  if (source !== '') meta.append(element('span', { className: 'source', textContent: source }));
  const date = formatDate(hit.published_at, language);
  if (date !== null) meta.append(date);
  meta.append(
    element('span', {
      className: 'badge',
      textContent: t.langBadge[hit.lang] ?? hit.lang.toUpperCase(),
      title: t.langBadgeTitle[hit.lang] ?? hit.lang,
    }),
  );
  const item = element(
    'li',
    { className: 'hit' },
    element('h2', {}, link),
    meta,
    element('p', { className: 'snippet' }, highlighted(hit.highlight.snippet)),
  );
  item.lang = hit.lang;
  return item;
}

function option(value: string, label: string, selected: boolean): HTMLOptionElement {
  const node = new Option(label, value, selected, selected);
  return node;
}

/** Language choices with the current query's counts. */
export function renderLanguageOptions(
  select: HTMLSelectElement,
  state: SearchState,
  counts: Record<string, number> | null,
  t: Messages,
): void {
  const label = (name: string, code: string): string =>
    counts === null ? name : `${name} (${String(counts[code] ?? 0)})`;
  select.replaceChildren(
    option('', t.anyLanguage, state.lang === ''),
    option('ru', label(t.langRu, 'ru'), state.lang === 'ru'),
    option('en', label(t.langEn, 'en'), state.lang === 'en'),
  );
}

/** Source choices from the current query's facets, the chosen one kept even at zero. */
export function renderSourceOptions(
  select: HTMLSelectElement,
  state: SearchState,
  counts: Record<string, number> | null,
  t: Messages,
): void {
  const entries = Object.entries(counts ?? {}).sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  );
  if (state.source !== '' && !entries.some(([name]) => name === state.source))
    entries.push([state.source, 0]);
  select.replaceChildren(
    option('', t.anySource, state.source === ''),
    ...entries.map(([name, count]) =>
      option(name, `${name} (${String(count)})`, name === state.source),
    ),
  );
}

export function renderSortOptions(
  select: HTMLSelectElement,
  state: SearchState,
  t: Messages,
): void {
  select.replaceChildren(
    option('relevance', t.relevance, state.sort === 'relevance'),
    option('date_desc', t.newest, state.sort === 'date_desc'),
    option('date_asc', t.oldest, state.sort === 'date_asc'),
  );
}

/** Previous / next links (real links, so they open in new tabs too) and the page number. */
export function renderPager(
  nav: HTMLElement,
  state: SearchState,
  response: SearchResponse,
  t: Messages,
): void {
  const pages = Math.min(Math.ceil(response.total / PAGE_SIZE), MAX_PAGE);
  nav.setAttribute('aria-label', t.pages);
  if (pages <= 1) {
    nav.replaceChildren();
    return;
  }
  const link = (page: number, text: string, rel: string): HTMLAnchorElement => {
    const a = element('a', { textContent: text });
    a.href = queryFromState({ ...state, page }) || '/';
    a.rel = rel;
    a.dataset.page = String(page);
    return a;
  };
  const children: Node[] = [];
  if (state.page > 1) children.push(link(state.page - 1, t.previous, 'prev'));
  children.push(element('span', { textContent: t.pageOf(state.page, pages) }));
  if (state.page < pages) children.push(link(state.page + 1, t.next, 'next'));
  nav.replaceChildren(...children);
}

/** Nothing found: the query and a hint. */
export function renderEmpty(message: HTMLElement, q: string, t: Messages): void {
  message.replaceChildren(
    element('p', { className: 'empty', textContent: t.noResults(q) }),
    element('p', { textContent: t.noResultsHint }),
  );
}

const EXAMPLES = ['Путин встреча', 'санкции', 'oil prices', 'Brexit'];

/** Before any search: what can be typed, with example searches. */
export function renderStart(message: HTMLElement, t: Messages): void {
  const examples = EXAMPLES.map((q) => {
    const a = element('a', { textContent: q });
    a.href = `?${new URLSearchParams({ q }).toString()}`;
    return a;
  });
  message.replaceChildren(
    element('p', { textContent: t.start }),
    element('p', { className: 'examples' }, `${t.examples} `, ...examples),
  );
}

/** The API failed: its message and a way to try again. */
export function renderError(
  message: HTMLElement,
  detail: string,
  t: Messages,
  retry: () => void,
): void {
  const button = element('button', { textContent: t.retry });
  button.type = 'button';
  button.addEventListener('click', retry);
  const alert = element('p', { className: 'error', textContent: `${t.failed} ${detail}` });
  alert.setAttribute('role', 'alert');
  message.replaceChildren(alert, button);
}

/** The "also searching in …" line: which words were carried over, and to what. */
export function renderTranslation(
  line: HTMLElement,
  translation: SearchResponse['translation'],
  t: Messages,
): void {
  // Nothing was carried over: no bare "Also searching in Russian:".
  if (
    translation === null ||
    (translation.words.length === 0 && translation.name_keys.length === 0)
  ) {
    line.replaceChildren();
    return;
  }
  const words = translation.words.map(({ from, to }) => `${from} → ${to}`);
  if (translation.name_keys.length > 0) words.push(t.namesAcrossScripts);
  line.replaceChildren(`${t.alsoSearching(translation.lang)} ${words.join(', ')}`);
}

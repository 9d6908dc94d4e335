import { fetchSearch, SearchFailed } from './api.js';
import { initialLanguage, MESSAGES, saveLanguage, savedLanguage, type UiLanguage } from './i18n.js';
import {
  renderEmpty,
  renderError,
  renderHit,
  renderLanguageOptions,
  renderPager,
  renderSortOptions,
  renderSourceOptions,
  renderStart,
  renderTranslation,
} from './render.js';
import { apiQuery, queryFromState, stateFromQuery, type SearchState } from './search-state.js';
import type { SearchResponse } from './api.js';

/** An element the page's HTML must hold, of the expected kind. */
function byId<T extends HTMLElement>(id: string, kind: new () => T): T {
  const node = document.getElementById(id);
  if (!(node instanceof kind)) throw new Error(`#${id} is missing from the page`);
  return node;
}

const form = byId('search-form', HTMLFormElement);
const input = byId('q', HTMLInputElement);
const languageSelect = byId('f-lang', HTMLSelectElement);
const sourceSelect = byId('f-source', HTMLSelectElement);
const fromInput = byId('f-from', HTMLInputElement);
const toInput = byId('f-to', HTMLInputElement);
const sortSelect = byId('f-sort', HTMLSelectElement);
const translateBox = byId('f-translate', HTMLInputElement);
const translationLine = byId('translation', HTMLParagraphElement);
const status = byId('status', HTMLParagraphElement);
const message = byId('message', HTMLDivElement);
const results = byId('results', HTMLOListElement);
const pager = byId('pager', HTMLElement);
const uiButton = byId('ui-language', HTMLButtonElement);

let language: UiLanguage = initialLanguage(savedLanguage(), navigator.languages);
let state: SearchState = stateFromQuery(location.search);
let last: SearchResponse | null = null;
let inFlight: AbortController | null = null;

/** Puts the interface text of the current language on the page. */
function applyLanguage(): void {
  const t = MESSAGES[language];
  document.documentElement.lang = language;
  document.title = state.q === '' ? t.title : `${state.q} — ${t.title}`;
  for (const node of document.querySelectorAll<HTMLElement>('[data-t]')) {
    const key = node.dataset.t as keyof typeof t;
    const text = t[key];
    if (typeof text === 'string') node.textContent = text;
  }
  input.placeholder = t.placeholder;
  uiButton.textContent = t.switchTo;
  uiButton.setAttribute('aria-label', t.switchLabel);
  uiButton.lang = language === 'en' ? 'ru' : 'en';
  renderControls();
}

/** Fills the form from the state, facet counts from the last answer. */
function renderControls(): void {
  const t = MESSAGES[language];
  input.value = state.q;
  renderLanguageOptions(languageSelect, state, last?.facets.lang ?? null, t);
  renderSourceOptions(sourceSelect, state, last?.facets.source ?? null, t);
  renderSortOptions(sortSelect, state, t);
  fromInput.value = state.from;
  toInput.value = state.to;
  translateBox.checked = state.translate;
}

function showResults(response: SearchResponse): void {
  const t = MESSAGES[language];
  last = response;
  status.textContent = t.results(response.total, response.took_ms);
  renderTranslation(translationLine, response.translation, t);
  results.replaceChildren(...response.hits.map((hit) => renderHit(hit, t, language)));
  if (response.hits.length === 0) renderEmpty(message, state.q, t);
  else message.replaceChildren();
  renderPager(pager, state, response, t);
  renderControls();
}

function setLoading(loading: boolean): void {
  results.setAttribute('aria-busy', String(loading));
  status.classList.toggle('loading', loading);
  if (loading) status.textContent = MESSAGES[language].searching;
}

/** Runs the search the state describes (or shows the start page when it has no query). */
async function run(): Promise<void> {
  inFlight?.abort();
  document.title =
    state.q === '' ? MESSAGES[language].title : `${state.q} — ${MESSAGES[language].title}`;
  if (state.q.trim() === '') {
    last = null;
    setLoading(false);
    status.textContent = '';
    results.replaceChildren();
    pager.replaceChildren();
    translationLine.replaceChildren();
    renderStart(message, MESSAGES[language]);
    renderControls();
    return;
  }
  const controller = new AbortController();
  inFlight = controller;
  setLoading(true);
  try {
    const response = await fetchSearch(apiQuery(state), controller.signal);
    if (controller.signal.aborted) return;
    setLoading(false);
    showResults(response);
  } catch (error) {
    if (controller.signal.aborted) return;
    setLoading(false);
    last = null;
    status.textContent = '';
    results.replaceChildren();
    pager.replaceChildren();
    translationLine.replaceChildren();
    const detail = error instanceof SearchFailed || error instanceof Error ? error.message : '';
    renderError(message, detail, MESSAGES[language], () => void run());
  }
}

/** A new state from the reader: into the history (so Back returns), then searched. */
function navigate(next: SearchState): void {
  state = next;
  history.pushState(null, '', queryFromState(state) || location.pathname);
  void run();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  navigate({ ...state, q: input.value.trim(), page: 1 });
});

for (const control of [
  languageSelect,
  sourceSelect,
  fromInput,
  toInput,
  sortSelect,
  translateBox,
]) {
  control.addEventListener('change', () => {
    const next: SearchState = {
      ...state,
      lang: languageSelect.value as SearchState['lang'],
      source: sourceSelect.value,
      from: fromInput.value,
      to: toInput.value,
      sort: sortSelect.value as SearchState['sort'],
      translate: translateBox.checked,
      page: 1,
    };
    if (state.q === '' && input.value.trim() === '') {
      state = next;
      history.replaceState(null, '', queryFromState(state) || location.pathname);
      return;
    }
    navigate({ ...next, q: input.value.trim() || state.q });
  });
}

pager.addEventListener('click', (event) => {
  const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-page]');
  if (link === null || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  navigate({ ...state, page: Number(link.dataset.page) });
  results.focus();
});

message.addEventListener('click', (event) => {
  const link = (event.target as Element).closest<HTMLAnchorElement>('.examples a');
  if (link === null) return;
  event.preventDefault();
  navigate(stateFromQuery(new URL(link.href).search));
});

uiButton.addEventListener('click', () => {
  language = language === 'en' ? 'ru' : 'en';
  saveLanguage(language);
  applyLanguage();
  if (last !== null) showResults(last);
  else if (state.q === '') renderStart(message, MESSAGES[language]);
});

window.addEventListener('popstate', () => {
  state = stateFromQuery(location.search);
  void run();
});

applyLanguage();
void run();

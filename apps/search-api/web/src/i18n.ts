export type UiLanguage = 'ru' | 'en';

const EN = {
  title: 'News search',
  label: 'Search Russian and English news',
  placeholder: 'e.g. Путин встреча or oil prices',
  submit: 'Search',
  switchTo: 'Русский',
  switchLabel: 'Переключить интерфейс на русский',
  filters: 'Filters',
  language: 'Language',
  anyLanguage: 'Any language',
  langRu: 'Russian',
  langEn: 'English',
  source: 'Source',
  anySource: 'Any source',
  from: 'From',
  to: 'To',
  sort: 'Sort',
  relevance: 'Relevance',
  newest: 'Newest first',
  oldest: 'Oldest first',
  searching: 'Searching…',
  results: (total: number, ms: number) =>
    `${total.toLocaleString('en')} ${total === 1 ? 'result' : 'results'} · ${String(Math.round(ms))} ms`,
  noResults: (q: string) => `Nothing found for “${q}”.`,
  noResultsHint: 'Try fewer or other words, another spelling, or remove the filters.',
  start: 'Type words in Russian or English: any word form finds the others.',
  examples: 'Try:',
  failed: 'Search failed:',
  retry: 'Try again',
  pages: 'Pages',
  previous: '← Previous',
  next: 'Next →',
  pageOf: (page: number, pages: number) => `Page ${String(page)} of ${String(pages)}`,
  translate: 'Also search in the other language',
  alsoSearching: (lang: 'ru' | 'en' | null): string =>
    lang === 'ru'
      ? 'Also searching in Russian:'
      : lang === 'en'
        ? 'Also searching in English:'
        : 'Also searching in the other language:',
  namesAcrossScripts: 'names in both scripts',
  langBadge: { ru: 'RU', en: 'EN' } as Record<string, string>,
  langBadgeTitle: { ru: 'Russian', en: 'English' } as Record<string, string>,
};

export type Messages = typeof EN;

const RU: Messages = {
  title: 'Поиск новостей',
  label: 'Поиск по новостям на русском и английском',
  placeholder: 'например, Путин встреча или oil prices',
  submit: 'Найти',
  switchTo: 'English',
  switchLabel: 'Switch the interface to English',
  filters: 'Фильтры',
  language: 'Язык',
  anyLanguage: 'Любой язык',
  langRu: 'Русский',
  langEn: 'Английский',
  source: 'Источник',
  anySource: 'Любой источник',
  from: 'С',
  to: 'По',
  sort: 'Порядок',
  relevance: 'По релевантности',
  newest: 'Сначала новые',
  oldest: 'Сначала старые',
  searching: 'Ищем…',
  results: (total: number, ms: number) =>
    `Найдено: ${total.toLocaleString('ru')} · ${String(Math.round(ms))} мс`,
  noResults: (q: string) => `По запросу «${q}» ничего не найдено.`,
  noResultsHint: 'Попробуйте меньше слов, другие слова или написание, или снимите фильтры.',
  start: 'Вводите слова по-русски или по-английски: любая форма слова находит остальные.',
  examples: 'Например:',
  failed: 'Поиск не удался:',
  retry: 'Повторить',
  pages: 'Страницы',
  previous: '← Назад',
  next: 'Дальше →',
  pageOf: (page: number, pages: number) => `Страница ${String(page)} из ${String(pages)}`,
  translate: 'Искать и на другом языке',
  alsoSearching: (lang: 'ru' | 'en' | null) =>
    lang === 'ru'
      ? 'Ищем и на русском:'
      : lang === 'en'
        ? 'Ищем и на английском:'
        : 'Ищем и на другом языке:',
  namesAcrossScripts: 'имена в обоих алфавитах',
  langBadge: { ru: 'RU', en: 'EN' },
  langBadgeTitle: { ru: 'русский', en: 'английский' },
};

export const MESSAGES: Readonly<Record<UiLanguage, Messages>> = { en: EN, ru: RU };

const STORAGE_KEY = 'ui-language';

/** The interface language: the reader's choice if saved, else the browser's first match. */
export function initialLanguage(
  saved: string | null,
  browserLanguages: readonly string[],
): UiLanguage {
  if (saved === 'ru' || saved === 'en') return saved;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ru' || base === 'en') return base;
  }
  return 'en';
}

export function savedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function saveLanguage(language: UiLanguage): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage can be disabled; the choice then lasts for this page only.
  }
}

import { describe, expect, it } from 'vitest';
import { initialLanguage, MESSAGES } from './i18n.js';

describe('interface language', () => {
  it('prefers the saved choice, then the browser languages in order', () => {
    expect(initialLanguage('en', ['ru-RU'])).toBe('en');
    expect(initialLanguage(null, ['ru-RU', 'en'])).toBe('ru');
    expect(initialLanguage(null, ['de-DE', 'en-GB', 'ru'])).toBe('en');
    expect(initialLanguage('fr', ['uk', 'de'])).toBe('en');
  });

  it('has every message in both languages', () => {
    expect(Object.keys(MESSAGES.ru).sort()).toEqual(Object.keys(MESSAGES.en).sort());
    expect(MESSAGES.ru.results(1234, 12.6)).toBe('Найдено: 1\u00a0234 · 13 мс');
    expect(MESSAGES.en.results(1, 3)).toBe('1 result · 3 ms');
  });
});

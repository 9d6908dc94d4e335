import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.js';

describe('detectLanguage', () => {
  it.each([
    ['Президент России встретился с журналистами.', 'ru'],
    ['The president met reporters in Moscow.', 'en'],
    ['Путин и Trump обсудили Syria и sanctions', 'mixed'],
    ['Президент Путин (Putin) заявил журналистам', 'ru'],
    ['', 'unknown'],
    ['12345 67', 'unknown'],
    ['ok', 'unknown'],
    ['北京欢迎你', 'unknown'],
    ['Ёлка', 'ru'],
  ] as const)('%s -> %s', (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { consonantSkeleton, nameKey, nameKeys, romanize } from './names.js';

describe('names across scripts', () => {
  it.each([
    ['Трамп', 'Trump'],
    ['Трампом', 'Trump’s'],
    ['Зеленский', 'Zelensky'],
    ['Зеленскому', 'Zelenskiy'],
    ['Зеленского', 'Zelenskyy'],
    ['Тиллерсон', 'Tillerson'],
    ['Тиллерсона', 'Tillerson'],
    ['Эрдоган', 'Erdogan'],
    ['Эрдоганом', 'Erdogan'],
    ['Хабаровск', 'Khabarovsk'],
    ['Хабаровске', 'Khabarovsk'],
    ['Путиным', 'Putin'],
    ['Медведевым', 'Medvedev'],
    ['Джонсон', 'Johnson'],
    ['Шойгу', 'Shoigu'],
    ['Лавров', 'Lavrov'],
    ['Ельцин', 'Yeltsin'],
    ['Макрон', 'Macron'],
    ['Омикрон', 'Omicron'],
    ['Навальным', 'Navalny'],
    ['Байдена', 'Biden'],
  ])('%s and %s share a key', (russian, english) => {
    expect(nameKey(russian)).not.toBeNull();
    expect(nameKey(russian)).toBe(nameKey(english));
  });

  it.each([
    ['Трамп', 'Путин'],
    ['Trump', 'Tramp'.replace('a', 'i') + 'let'],
    ['Лавров', 'Levin'],
  ])('%s and %s differ', (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it('romanizes as Wikipedia does', () => {
    expect(romanize('Хабаровск')).toBe('Khabarovsk');
    expect(romanize('Зеленский')).toBe('Zelensky');
  });

  it('keeps consonants only, merged where spellings differ', () => {
    expect(consonantSkeleton('tillerson')).toBe('tlrsn');
    expect(consonantSkeleton('mcconnell')).toBe('mknl');
    expect(consonantSkeleton('philipp')).toBe('flp');
  });

  it('gives no key to short or non-name words', () => {
    expect(nameKey('Ким')).toBeNull();
    expect(nameKey('EU')).toBeNull();
    expect(nameKey('2017')).toBeNull();
    expect(nameKey('中国')).toBeNull();
  });

  it('keys the capitalized words of a text once each, compounds by part', () => {
    expect(nameKeys('Путин встретился с Эрдоганом; Эрдоган и Путин, Санкт-Петербург')).toEqual([
      'ptn',
      'rdgn',
      'snkt',
      'ptrbrg',
    ]);
    expect(nameKeys('no names here')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { nameKey, nameKeys, nameShape, nameUsage, romanize } from './names.js';

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
    ['Трамм', 'Term'],
    ['Трамм', 'Terumo'],
    ['Путин', 'Patent'.replace('e', 'o')],
  ])('%s and %s differ', (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it('romanizes as Wikipedia does', () => {
    expect(romanize('Хабаровск')).toBe('Khabarovsk');
    expect(romanize('Зеленский')).toBe('Zelensky');
  });

  it('keeps consonants and where vowels stand, merged where spellings differ', () => {
    expect(nameShape('tillerson')).toBe('talarsan');
    expect(nameShape('mcconnell')).toBe('mkanal');
    expect(nameShape('philipp')).toBe('falap');
    expect(nameShape('shoigu')).toBe(nameShape('shoygu'));
  });

  it('keys a long name of two consonants, the same in both scripts', () => {
    expect(nameKey('Yukos')).toBe('akas');
    expect(nameKey('ЮКОС')).toBe('akas');
    expect(nameKey('Иран')).toBeNull();
    expect(nameKey('Ирана')).toBeNull();
  });

  it('keeps ch one sound of its own: China is no Khan', () => {
    expect(nameKey('Chechnya')).toBe(nameKey('Чечня'));
    expect(nameKey('Chekhov')).not.toBe(nameKey('Khekhov'));
  });

  it('gives no key to short or non-name words', () => {
    expect(nameKey('Ким')).toBeNull();
    expect(nameKey('EU')).toBeNull();
    expect(nameKey('2017')).toBeNull();
    expect(nameKey('中国')).toBeNull();
  });

  it('keys the capitalized words of a text once each, compounds by part', () => {
    expect(nameKeys('Путин встретился с Эрдоганом; Эрдоган и Путин, Санкт-Петербург')).toEqual([
      'patan',
      'ardagan',
      'sankt',
      'patarbarg',
    ]);
    expect(nameKeys('no names here')).toEqual([]);
  });

  it('takes no keys from lines all in capitals', () => {
    expect(nameKeys('NO NEAR TERM BRAZIL COFFEE MOVES\nThe Brazilian Coffee Institute')).toEqual([
      'brazalan',
      'anstatat',
    ]);
  });

  describe('names a text uses', () => {
    it('a word capitalized inside a sentence is a name', () => {
      expect(nameUsage('Встреча Путина и Байдена прошла в Женеве.').terms).toEqual(
        new Set(['путин', 'байд', 'женев']),
      );
    });

    it('a sentence opening says nothing, a lower-case use makes a word', () => {
      const usage = nameUsage('Путина началась. Рыбаки ждут, путина будет долгой.');
      expect(usage.terms.has('путин')).toBe(false);
      expect(nameUsage('Путин прилетел. Визит Путина длился день.').terms.has('путин')).toBe(true);
    });

    it('a word capitalized only where sentences open is told apart by a lexicon of names', () => {
      const usage = nameUsage('«Путин мне пока не звонил». Так сказал боксер.');
      expect(usage.terms.has('путин')).toBe(false);
      expect(usage.openingOnly).toEqual(new Set(['путин', 'так']));
    });

    it('acronyms are names, capital-letter lines are not evidence', () => {
      expect(nameUsage('Решение ОПЕК и ВОЗ').terms).toEqual(new Set(['опек', 'воз']));
      expect(nameUsage('OIL PRICES RISE\noil prices rose').terms.size).toBe(0);
    });
  });
});

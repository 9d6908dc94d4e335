import { describe, expect, it } from 'vitest';
import { NamesLexicon, nameToken } from './names-lexicon.js';

const names = new NamesLexicon(
  [
    'Putin\tПутин',
    'Biden\tБайден',
    'Baden\tБаден',
    'Moscow\tМосква|Москов',
    'Москва\tMoscow|Moskva',
    'Joe\tЁся|Джо',
    'Erdoğan\tЭрдоган',
  ].join('\n'),
);

describe('NamesLexicon', () => {
  it('gives a name the tokens of all its spellings, both scripts, without accents', () => {
    expect(names.nameTokens('путин')).toEqual(['nmputin']);
    expect(names.nameTokens('байд')).toEqual(['nmbayden', 'nmbiden']);
    expect(names.nameTokens('erdogan')).toEqual(['nmerdogan']);
  });

  it("searches a query word by its own spelling's token, which articles there store", () => {
    // «Путина» is a form of Путин; an English article on Putin stores nmputin.
    expect(names.queryToken('Путина', 'путин')).toBe('nmputin');
    expect(names.nameTokens('putin')).toContain(names.queryToken('Путина', 'путин'));
    expect(names.nameTokens('байд')).toContain(names.queryToken('Biden', 'biden'));
    // Baden and Biden share a key, never a token.
    expect(names.nameTokens('бад')).not.toContain(names.queryToken('Biden', 'biden'));
    expect(names.queryToken('Tillerson', 'tillerson')).toBeNull();
  });

  it('ranks spellings by a preferred reading, and finds the transliteration', () => {
    expect(names.translations('москв', 'en', ['moscow'])[0]).toBe('Moscow');
    expect(names.spelling('Joe', 'joe', 'ru')).toBe('Джо');
    expect(names.knows('biden', 'biden')).toBe(true);
    expect(names.knows('bide', 'bide')).toBe(false);
  });

  it('writes name tokens in lower-case Latin letters after a prefix', () => {
    expect(nameToken('Хабаровск')).toBe('nmkhabarovsk');
    expect(nameToken("O'Brien")).toBe('nmobrien');
  });
});

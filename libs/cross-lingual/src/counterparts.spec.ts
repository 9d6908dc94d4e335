import { describe, expect, it } from 'vitest';
import { compileCounterparts } from './counterparts-compiler.js';
import { Counterparts } from './counterparts.js';
import { loadCounterparts } from './lexicon.js';
import { parseWikdict } from './lexicon-compiler.js';

function compiled(en: string, ru: string): Counterparts {
  return new Counterparts(compileCounterparts(parseWikdict(en), parseWikdict(ru)));
}

describe('the counterpart map', () => {
  it('maps analyzed terms to the analyzed terms of their translations', () => {
    const map = compiled('meeting\tвстреча|собрание', '');
    expect(map.of('meet')).toEqual(['встреч', 'собран']);
  });

  it('is symmetric: a one-word translation leads back to its headword', () => {
    const map = compiled('refuse\tотказываться', '');
    expect(map.of('отказыва')).toEqual(['refus']);
  });

  it('pools the headwords that share a key and ranks by sense order', () => {
    const map = compiled('', 'отказать\tforbid|refuse\nотказаться\trenounce|abandon');
    expect(map.of('отказа')).toEqual(['forbid', 'renounc', 'refus', 'abandon']);
  });

  it('enters a lower-case name in -ов/-ев also as written with a capital', () => {
    // Articles write «Киев», whose term is `киев`; the dictionary's «киев» analyzes to `ки`.
    const map = compiled('kiev\tкиев', 'киев\tkiev');
    expect(map.of('kiev')).toEqual(['ки', 'киев']);
    expect(map.of('киев')).toEqual(['kiev']);
    expect(map.of('ки')).toEqual(['kiev']);
  });

  it('keeps two-word headwords as phrases and skips stop words', () => {
    const map = compiled('prime minister\tпремьер-министр\nthe\tэтот', '');
    expect(map.of('prime minist')).toEqual(['премьер', 'министр']);
    expect(map.of('the')).toEqual([]);
  });

  it("gives a text's counterparts from its words and its lexicon phrases, each once", () => {
    const map = compiled('prime minister\tпремьер-министр\nmeeting\tвстреча', '');
    expect(map.ofTerms(['prime', 'minist', 'meet', 'meet'])).toEqual([
      'премьер',
      'министр',
      'встреч',
    ]);
    expect(map.ofTerms([])).toEqual([]);
  });

  it('loads the shipped map with counterparts in both directions', () => {
    const map = loadCounterparts();
    expect(map.size).toBeGreaterThan(100_000);
    expect(map.of('war')).toContain('войн');
    expect(map.of('войн')).toContain('war');
    // Sense eight of "предупредить" in WikDict, out of reach of the four a query shows.
    expect(map.of('предупред')).toContain('warn');
  });
});

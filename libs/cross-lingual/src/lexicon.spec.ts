import { describe, expect, it } from 'vitest';
import { compileDirection, lexiconKey, parseWikdict, writtenForms } from './lexicon-compiler.js';
import { LexiconDirection, loadLexicon, parseCompiledLexicon } from './lexicon.js';

describe('the lexicon', () => {
  it('drops noise headwords and translations, keeps words and two-word phrases', () => {
    const parsed = parseWikdict(
      [
        ')\tсало',
        '&nbsp\tпредыстория',
        '# dispense\tраздавать',
        'less\tез-|ес-|меньше',
        'prime minister\tпремьер-министр|премьер',
        'state of the art\tпередовой',
      ].join('\n'),
    );
    expect([...parsed.keys()]).toEqual(['less', 'prime minister']);
    expect(parsed.get('less')).toEqual(['меньше']);
  });

  it('ranks translations that translate back first', () => {
    const forward = parseWikdict('meet\tподходящий|встречать|встретить');
    const reverse = parseWikdict('встречать\tmeet|greet\nподходящий\tsuitable|fit');
    const direction = new LexiconDirection(compileDirection(forward, reverse));
    expect(direction.lookup(lexiconKey('meet'), 'meet')[0]).toBe('встречать');
  });

  it('finds a name in -ов/-ев written with a capital or in lower case', () => {
    const direction = new LexiconDirection(
      compileDirection(parseWikdict('лавров\tLavrov'), new Map()),
    );
    expect(writtenForms('лавров')).toEqual(['лавров', 'Лавров']);
    expect(writtenForms('встреча')).toEqual(['встреча']);
    expect(direction.lookup(lexiconKey('Лавров'), 'Лавров')).toEqual(['lavrov']);
    expect(direction.lookup(lexiconKey('лавров'), 'лавров')).toEqual(['lavrov']);
  });

  it('prefers the headword closest to what was written among those sharing a key', () => {
    const forward = parseWikdict('meet\tвстречать\nmeeting\tвстреча');
    const direction = new LexiconDirection(compileDirection(forward, new Map()));
    expect(direction.lookup(lexiconKey('meetings'), 'meetings')).toEqual(['встреча']);
    expect(direction.lookup(lexiconKey('meet'), 'meet')).toEqual(['встречать']);
    expect(direction.lookup('nothing', 'nothing')).toEqual([]);
  });

  it('loads both directions of the shipped WikDict data', () => {
    const lexicon = loadLexicon();
    expect(lexicon.en.size).toBeGreaterThan(50_000);
    expect(lexicon.ru.size).toBeGreaterThan(50_000);
    const roundTrip = parseCompiledLexicon(
      `${compileDirection(parseWikdict('war\tвойна'), new Map())}\f`,
    );
    expect(roundTrip.en.lookup('war', 'war')).toEqual(['война']);
  });
});

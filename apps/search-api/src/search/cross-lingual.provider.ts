import { Logger, type Provider } from '@nestjs/common';
import { loadCounterparts, loadLexicon, type Counterparts, type Lexicon } from '@lib/cross-lingual';

/** What cross-lingual search reads: the lexicon (to explain) and the counterparts (to mark). */
export interface CrossLingualData {
  lexicon: Lexicon;
  counterparts: Counterparts;
}

/** Injection token of the cross-lingual data, loaded once at start-up. */
export const CROSS_LINGUAL = Symbol('CROSS_LINGUAL');

export const crossLingualProvider: Provider<CrossLingualData> = {
  provide: CROSS_LINGUAL,
  useFactory: (): CrossLingualData => {
    const started = performance.now();
    const data = { lexicon: loadLexicon(), counterparts: loadCounterparts() };
    new Logger('Lexicon').log(
      `loaded ${String(data.lexicon.en.size)} English and ${String(data.lexicon.ru.size)} Russian entries and counterparts of ${String(data.counterparts.size)} terms in ${String(Math.round(performance.now() - started))} ms`,
    );
    return data;
  },
};

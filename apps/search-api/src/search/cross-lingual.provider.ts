import { Logger, type Provider } from '@nestjs/common';
import {
  loadCounterparts,
  loadLexicon,
  loadNamesLexicon,
  type CrossLingualResources,
} from '@lib/cross-lingual';

/** What cross-lingual search reads: the lexicon (to explain), counterparts (to mark), names. */
export type CrossLingualData = CrossLingualResources;

/** Injection token of the cross-lingual data, loaded once at start-up. */
export const CROSS_LINGUAL = Symbol('CROSS_LINGUAL');

export const crossLingualProvider: Provider<CrossLingualData> = {
  provide: CROSS_LINGUAL,
  useFactory: (): CrossLingualData => {
    const started = performance.now();
    const data = {
      lexicon: loadLexicon(),
      counterparts: loadCounterparts(),
      names: loadNamesLexicon(),
    };
    new Logger('Lexicon').log(
      `loaded ${String(data.lexicon.en.size)} English and ${String(data.lexicon.ru.size)} Russian entries, counterparts of ${String(data.counterparts.size)} terms and ${String(data.names.size)} names in ${String(Math.round(performance.now() - started))} ms`,
    );
    return data;
  },
};

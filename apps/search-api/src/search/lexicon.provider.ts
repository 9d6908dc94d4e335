import { Logger, type Provider } from '@nestjs/common';
import { loadLexicon, type Lexicon } from '@lib/cross-lingual';

/** Injection token of the English-Russian lexicon, loaded once at start-up. */
export const LEXICON = Symbol('LEXICON');

export const lexiconProvider: Provider<Lexicon> = {
  provide: LEXICON,
  useFactory: (): Lexicon => {
    const started = performance.now();
    const lexicon = loadLexicon();
    new Logger('Lexicon').log(
      `loaded ${String(lexicon.en.size)} English and ${String(lexicon.ru.size)} Russian entries in ${String(Math.round(performance.now() - started))} ms`,
    );
    return lexicon;
  },
};

import { Logger, type Provider } from '@nestjs/common';
import { loadArticleCounterparts, type ArticleCounterparts } from '@lib/cross-lingual';

/** Injection token of the counterpart map and names, loaded once at start-up. */
export const COUNTERPARTS = Symbol('COUNTERPARTS');

/** What the indexer writes into each article's cross-lingual fields. */
export const counterpartsProvider: Provider<ArticleCounterparts> = {
  provide: COUNTERPARTS,
  useFactory: (): ArticleCounterparts => {
    const started = performance.now();
    const counterparts = loadArticleCounterparts();
    new Logger('Counterparts').log(
      `loaded counterparts of ${String(counterparts.size)} terms and the names in ${String(Math.round(performance.now() - started))} ms`,
    );
    return counterparts;
  },
};

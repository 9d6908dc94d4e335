import { Logger, type Provider } from '@nestjs/common';
import { loadCounterparts, type Counterparts } from '@lib/cross-lingual';

/** Injection token of the counterpart map, loaded once at start-up. */
export const COUNTERPARTS = Symbol('COUNTERPARTS');

/** The counterpart map the indexer writes into each article's cross-lingual fields. */
export const counterpartsProvider: Provider<Counterparts> = {
  provide: COUNTERPARTS,
  useFactory: (): Counterparts => {
    const started = performance.now();
    const counterparts = loadCounterparts();
    new Logger('Counterparts').log(
      `loaded counterparts of ${String(counterparts.size)} terms in ${String(Math.round(performance.now() - started))} ms`,
    );
    return counterparts;
  },
};

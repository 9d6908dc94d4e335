import { analyze, isStopTerm } from '@lib/text-analysis';
import { lexiconKey, writtenForms } from './lexicon-compiler.js';

type Dictionary = ReadonlyMap<string, readonly string[]>;

/**
 * Translations read per headword. More than a query shows (TRANSLATIONS_PER_HEADWORD): an
 * article offers every one of its words, so a rarer sense costs little and the right one is
 * often far down the list ("предупредить" lists "warn" eighth).
 */
export const COUNTERPART_TRANSLATIONS = 8;
/**
 * Counterparts kept per term, best ranked first: on the eval-dev titles 10 kept the recall of
 * 24, while each one more adds words to every article's index; 5 already loses "встреча" for
 * "meeting" to the senses of the headwords pooled under `meet`.
 */
export const MAX_COUNTERPARTS = 6;
/** First translations kept per term past MAX_COUNTERPARTS. */
export const MAX_FIRST_COUNTERPARTS = 10;
/** Translations of more content words than this are explanations, not counterparts. */
const MAX_TRANSLATION_TERMS = 2;

/** The content terms of a headword or translation: no stop words, no compound wholes. */
function contentTerms(text: string): string[] {
  return analyze(text.replace(/-/g, ' '))
    .filter((token) => !token.stop && token.compound !== true)
    .map((token) => token.term);
}

/**
 * Stop words never have counterparts, nor are they one: "и" held "joe" and "ai" (from "ии"),
 * so "Joe Biden" found Russian articles by their "и". One letter is no word either.
 */
function isMeaningful(term: string): boolean {
  return term.length >= 2 && !isStopTerm(term) && !term.split(' ').some(isStopTerm);
}

/** Counterparts by term with the best (lowest) rank each was given. */
class RankedCounterparts {
  private readonly byTerm = new Map<string, Map<string, number>>();

  add(term: string, counterpart: string, rank: number): void {
    if (term === counterpart || !isMeaningful(term) || !isMeaningful(counterpart)) return;
    let ranked = this.byTerm.get(term);
    if (ranked === undefined) this.byTerm.set(term, (ranked = new Map<string, number>()));
    const known = ranked.get(counterpart);
    if (known === undefined || rank < known) ranked.set(counterpart, rank);
  }

  /** Lines of `term \t counterpart counterpart …`, best ranked first, sorted by term. */
  lines(): string[] {
    const lines: string[] = [];
    for (const [term, ranked] of this.byTerm) {
      // Every first translation stays: "inflat" is inflate's (надувать) and inflation's
      // (инфляция), and six of the first would lose the second.
      const sorted = [...ranked].sort((a, b) => a[1] - b[1]);
      const firsts = sorted.filter(([, rank]) => rank === 0).length;
      const best = sorted
        .slice(0, Math.max(MAX_COUNTERPARTS, Math.min(firsts, MAX_FIRST_COUNTERPARTS)))
        .map(([counterpart]) => counterpart);
      lines.push(`${term}\t${best.join(' ')}`);
    }
    return lines.sort();
  }
}

/**
 * Compiles the counterpart map of both directions: for every analyzed term (or two-term
 * phrase) of a headword, the analyzed terms of its translations, and back from each one-term
 * translation to its headword. Both directions of WikDict are read, and each knows pairs the
 * other lacks ("refuse" -> "отказываться" only in the English one), so the relation is
 * symmetric: a term's counterparts are the terms that have it as a counterpart. Headwords
 * that share a key ("отказать", "отказаться") pool their translations.
 */
export function compileCounterparts(en: Dictionary, ru: Dictionary): string {
  const counterparts = new RankedCounterparts();
  for (const dictionary of [en, ru]) {
    for (const [entry, translations] of dictionary) {
      for (const headword of writtenForms(entry)) {
        const headTerms = contentTerms(headword);
        if (headTerms.length === 0 || headTerms.length > 2) continue;
        const key = headTerms.length === 1 ? (headTerms[0] ?? '') : lexiconKey(headword);
        if (key.split(' ').length !== headTerms.length) continue;
        translations.slice(0, COUNTERPART_TRANSLATIONS).forEach((translation, rank) => {
          for (const written of writtenForms(translation)) {
            const terms = contentTerms(written);
            if (terms.length === 0 || terms.length > MAX_TRANSLATION_TERMS) continue;
            for (const term of terms) counterparts.add(key, term, rank);
            const [only] = terms;
            if (terms.length === 1 && only !== undefined && headTerms.length === 1)
              counterparts.add(only, key, rank);
          }
        });
      }
    }
  }
  return counterparts.lines().join('\n');
}

import { firstCharFilter, nameKey, type FirstCharFilter } from '@lib/text-analysis';

/**
 * Query terms for highlighting that also match names across scripts: a word matches when its
 * term is a query term, or when its cross-script key is one of `nameKeys` (Trump in a query
 * marks Трампа in a Russian snippet). Iterating yields the terms only.
 */
class TermsWithNames extends Set<string> {
  constructor(
    terms: Iterable<string>,
    private readonly nameKeys: ReadonlySet<string>,
  ) {
    super(terms);
  }

  /** Whether each term looked up so far matches by its key: windows test a word several times. */
  private readonly byKey = new Map<string, boolean>();

  override has(term: string): boolean {
    if (term.length === 0) return false;
    if (super.has(term)) return true;
    let matches = this.byKey.get(term);
    if (matches === undefined) {
      const key = nameKey(term);
      matches = key !== null && this.nameKeys.has(key);
      this.byKey.set(term, matches);
    }
    return matches;
  }
}

/** The terms to mark in titles and snippets (see TermsWithNames). */
export function matchTerms(
  terms: Iterable<string>,
  nameKeys: readonly string[] = [],
): ReadonlySet<string> {
  return nameKeys.length === 0 ? new Set(terms) : new TermsWithNames(terms, new Set(nameKeys));
}

const filters = new WeakMap<ReadonlySet<string>, FirstCharFilter>();

/**
 * The first-character filter of a set of terms to mark (see firstCharFilter), made once per
 * set. Names matched by their keys are marked where capitalized, as names are written.
 */
export function wordFilterOf(terms: ReadonlySet<string>): FirstCharFilter {
  let filter = filters.get(terms);
  if (filter === undefined) {
    filter = firstCharFilter(terms, { capitalized: terms instanceof TermsWithNames });
    filters.set(terms, filter);
  }
  return filter;
}

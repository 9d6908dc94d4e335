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

  override has(term: string): boolean {
    if (super.has(term)) return true;
    const key = nameKey(term);
    return key !== null && this.nameKeys.has(key);
  }
}

/** The terms to mark in titles and snippets (see TermsWithNames). */
export function matchTerms(
  terms: Iterable<string>,
  nameKeys: readonly string[] = [],
): ReadonlySet<string> {
  return nameKeys.length === 0 ? new Set(terms) : new TermsWithNames(terms, new Set(nameKeys));
}

const filters = new WeakMap<ReadonlySet<string>, FirstCharFilter | null>();

/**
 * The first-character filter of a set of terms to mark (see firstCharFilter), made once per
 * set; none when names are matched by their keys, which any spelling may start.
 */
export function wordFilterOf(terms: ReadonlySet<string>): FirstCharFilter | undefined {
  let filter = filters.get(terms);
  if (filter === undefined) {
    filter = terms instanceof TermsWithNames ? null : firstCharFilter(terms);
    filters.set(terms, filter);
  }
  return filter ?? undefined;
}

/** A hit as the merge needs it: its key, Meilisearch's ranking score and its date. */
export interface RankedHit {
  key: string;
  _rankingScore?: number;
  published_at?: string | null;
}

/** How two rankings are merged: by weighted ranking score, or by date for a date sort. */
export type MergeOrder = 'score' | 'date_desc' | 'date_asc';

function dateOf(hit: RankedHit): string {
  return hit.published_at ?? '';
}

/** True when the translated hit goes before the native one. */
function comesFirst(
  translated: RankedHit,
  native: RankedHit,
  weight: number,
  order: MergeOrder,
): boolean {
  if (order === 'date_desc') return dateOf(translated) > dateOf(native);
  if (order === 'date_asc') return dateOf(translated) !== '' && dateOf(translated) < dateOf(native);
  return (translated._rankingScore ?? 0) * weight > (native._rankingScore ?? 0);
}

/**
 * Merges the original query's ranking with its translation's. The original's order is kept as
 * Meilisearch gave it; each translated hit goes in before the first original hit it outranks
 * (its ranking score times `weight`, so a native match of equal strength stays first; or its
 * date for a date sort). A document in both stands where it comes first. Each place depends
 * only on the hits ranked above it in either list, so the first 10 are the same whatever the
 * limit: dropping the translated hits found natively anywhere in a longer native list made
 * them vanish from the top 10 at limit=100 and stay at limit=10.
 */
export function mergeRankings<T extends RankedHit>(
  native: readonly T[],
  translated: readonly T[],
  weight: number,
  order: MergeOrder = 'score',
): T[] {
  const merged: T[] = [];
  const placed = new Set<string>();
  const place = (hit: T): void => {
    if (placed.has(hit.key)) return;
    placed.add(hit.key);
    merged.push(hit);
  };
  let j = 0;
  for (const hit of native) {
    while (j < translated.length && comesFirst(translated[j] as T, hit, weight, order))
      place(translated[j++] as T);
    place(hit);
  }
  while (j < translated.length) place(translated[j++] as T);
  return merged;
}

/**
 * Facet counts of the union of two searches, from the counts of each: per value the larger of
 * the two. Documents found by both would count twice in a sum; the larger count is exact when
 * one search's documents of that value include the other's (the usual case: the translated
 * search only adds articles of one language) and never more than the truth.
 */
export function unionFacetCounts(
  a: Record<string, Record<string, number>> | undefined,
  b: Record<string, Record<string, number>> | undefined,
): Record<string, Record<string, number>> {
  const union: Record<string, Record<string, number>> = {};
  for (const counts of [a ?? {}, b ?? {}]) {
    for (const [facet, values] of Object.entries(counts)) {
      const target = (union[facet] ??= {});
      for (const [value, count] of Object.entries(values))
        target[value] = Math.max(target[value] ?? 0, count);
    }
  }
  return union;
}

import type { Settings } from 'meilisearch';

/** Settings whose lists are ordered: the order is the ranking. */
const ORDERED = new Set(['searchableAttributes', 'rankingRules']);

function matches(intended: unknown, actual: unknown, ordered: boolean): boolean {
  if (Array.isArray(intended)) {
    if (!Array.isArray(actual) || actual.length !== intended.length) return false;
    if (ordered) return intended.every((item, i) => matches(item, actual[i], true));
    const left: unknown[] = [...(actual as unknown[])];
    return intended.every((item) => {
      const at = left.findIndex((candidate) => matches(item, candidate, false));
      if (at < 0) return false;
      left.splice(at, 1);
      return true;
    });
  }
  if (typeof intended === 'object' && intended !== null) {
    if (typeof actual !== 'object' || actual === null) return false;
    const fields = actual as Record<string, unknown>;
    return Object.entries(intended).every(([key, value]) => matches(value, fields[key], ordered));
  }
  return intended === actual;
}

/**
 * The names of the settings of `intended` that `actual` (as Meilisearch reports them) does not
 * hold; empty when all are in force. Meilisearch reports every setting with its defaults
 * filled in, so an object only needs the intended fields; lists must be equal, in order for
 * the ranked ones (searchable attributes, ranking rules).
 */
export function settingsMismatches(intended: Settings, actual: Settings): string[] {
  const reported = actual as Record<string, unknown>;
  return Object.entries(intended)
    .filter(([name, value]) => !matches(value, reported[name], ORDERED.has(name)))
    .map(([name]) => name);
}

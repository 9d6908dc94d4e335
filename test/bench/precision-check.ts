/**
 * The cross-lingual precision check alone, against a running search API:
 *
 *   node dist/test/bench/precision-check.js --api http://127.0.0.1:3111 [--verbose]
 *
 * Prints the report's section (per query and the means); --verbose adds each miss's title.
 */
import { parseArgs } from 'node:util';
import {
  measurePrecision,
  type PrecisionRun,
  type QueryPrecision,
} from './parts/precision.part.js';
import { precisionSection } from './report.js';

const { values } = parseArgs({
  options: {
    api: { type: 'string', default: 'http://127.0.0.1:3111' },
    verbose: { type: 'boolean', default: false },
  },
});

/** One line per miss of one search. */
function missLines(query: QueryPrecision, label: string, run: PrecisionRun): string[] {
  return run.misses.map(
    (m) => `${query.query} [${label}] ${m.why}: ${m.id} (${m.lang}) ${m.title}`,
  );
}

const result = await measurePrecision({ apiUrl: values.api });
process.stdout.write(`${precisionSection(result)}\n`);
if (values.verbose) {
  const lines = result.queries.flatMap((q) => [
    ...missLines(q, 'unfiltered', q.unfiltered),
    ...missLines(q, 'cross-only', q.crossOnly),
  ]);
  process.stdout.write(`\nMisses (${lines.length}):\n${lines.join('\n')}\n`);
}

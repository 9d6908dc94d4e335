import type { AnalysisResult } from './parts/analysis.part.js';
import type { ClusterResult, DeploymentFigures } from './parts/cluster.part.js';
import type { IngestResult } from './parts/ingest.part.js';
import type { LatencyResult } from './parts/latency.part.js';
import type { LexiconResult } from './parts/lexicon.part.js';
import type { LoadResult } from './parts/load.part.js';
import type { PrecisionResult, PrecisionRun } from './parts/precision.part.js';
import type { RelevanceResult, SetMetrics } from './parts/relevance.part.js';
import type { ReindexResult } from './parts/reindex.part.js';
import type { WebResult } from './parts/web.part.js';

/** Everything one bench run measured. */
export interface BenchResults {
  machine: { cpus: number; model: string; memoryGb: number; node: string; date: string };
  options: { quick: boolean; parts: string[]; corpus: string; documents: number | 'all' };
  analysis?: AnalysisResult;
  ingest?: IngestResult;
  reindex?: ReindexResult;
  latency?: LatencyResult;
  load?: LoadResult;
  relevance?: RelevanceResult;
  precision?: PrecisionResult;
  cluster?: ClusterResult;
  web?: WebResult;
  lexicon?: LexiconResult;
}

const pass = (ok: boolean): string => (ok ? 'met' : '**not met**');

function table(header: string[], rows: Array<Array<string | number>>): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function analysisSection(a: AnalysisResult, i: IngestResult | undefined): string {
  const rows: Array<Array<string | number>> = [
    [
      'analysis',
      `${a.mbPerSecond} MB/s${a.runsMbPerSecond !== undefined && a.runsMbPerSecond.length > 1 ? ` (median of ${a.runsMbPerSecond.join(', ')})` : ''}`,
      `${a.tokensPerSecond.toLocaleString('en')} tokens/s`,
      `${a.megabytes} MB, ${a.documents} docs`,
      `live heap ${a.liveHeapMbAt.first10pct} / ${a.liveHeapMbAt.half} / ${a.liveHeapMbAt.end} MB (10 % / 50 % / end), peak RSS ${a.peakRssMb} MB`,
      `>= 10 MB/s: ${pass(a.mbPerSecond >= 10)}`,
    ],
  ];
  if (i !== undefined) {
    rows.push([
      'ingest (JSON Lines)',
      `${i.mbPerSecond} MB/s`,
      `${i.records} records`,
      `${i.megabytes} MB decompressed`,
      `peak RSS ${i.peakRssMb} MB`,
      `>= 20 MB/s and < 300 MB: ${pass(i.mbPerSecond >= 20 && i.peakRssMb < 300)}`,
    ]);
  }
  return `## Analysis and ingest (one core)\n\n${table(['part', 'throughput', 'volume', 'input', 'memory', 'goal'], rows)}`;
}

function reindexSection(r: ReindexResult): string {
  return `## Full reindex against plain ingestion\n\n${table(
    ['', 'median wall time', 'runs'],
    [
      [
        'plain ingestion (records as they are, no analysis)',
        `${r.medianPlainSeconds} s`,
        r.plainSeconds.join(', '),
      ],
      [
        'project reindex (indexer CLI, analysis, swap)',
        `${r.medianProjectSeconds} s`,
        r.projectSeconds.join(', '),
      ],
    ],
  )}\n\n${r.documents} records; the project indexed ${r.project.indexed} (skipped ${r.project.skipped} exact duplicates, refused ${r.project.failed} records with neither title nor body). Ratio ${r.ratio} (goal <= 1.5: ${pass(r.ratio <= 1.5)}); indexer peak RSS ${r.indexerPeakRssMb} MB (goal <= 400: ${pass(r.indexerPeakRssMb <= 400)}).`;
}

function latencySection(l: LatencyResult): string {
  return `## Search latency, sequential\n\n${table(
    ['', 'median', 'p95'],
    [
      ['API, translate=false (10 hits with snippets)', `${l.api.medianMs} ms`, `${l.api.p95Ms} ms`],
      ['Meilisearch directly, same query', `${l.direct.medianMs} ms`, `${l.direct.p95Ms} ms`],
      ['added by the API', `${l.addedMedianMs} ms`, `${l.addedP95Ms} ms`],
      ['API, translate=true (default)', `${l.translated.medianMs} ms`, `${l.translated.p95Ms} ms`],
    ],
  )}\n\n${l.queries} queries x ${l.rounds} rounds after a warm-up. Added median goal <= 2 ms: ${pass(l.addedMedianMs <= 2)}. Cross-lingual search adds ${l.translationAddedMedianMs} ms at the median (goal <= 3 ms: ${pass(l.translationAddedMedianMs <= 3)}).`;
}

function loadSection(l: LoadResult): string {
  const row = (name: string, f: LoadResult['plain']): Array<string | number> => [
    name,
    f.requestsPerSecond,
    `${f.p50Ms} ms`,
    `${f.p99Ms} ms`,
    f.errors + f.non2xx,
    f.apiCpuMsPerRequest ?? '',
    f.meiliCpuMsPerRequest ?? '',
  ];
  return `## Load: ${l.connections} connections for ${l.seconds} s\n\n${table(
    ['target', 'requests/s', 'p50', 'p99', 'errors', 'API CPU ms/req', 'Meilisearch CPU ms/req'],
    [
      row('API, translate=false', l.api),
      row('API, translate=true (default)', l.translated),
      row('plain Meilisearch, no highlighting', l.plain),
      row('plain Meilisearch, its own crop + highlight', l.plainHighlighted),
    ],
  )}\n\nRatios: ${l.ratioToPlain} of plain (goal >= 0.7: ${pass(l.ratioToPlain >= 0.7)}), ${l.ratioToPlainHighlighted} x plain with highlighting (goal >= 5: ${pass(l.ratioToPlainHighlighted >= 5)}); API peak RSS ${l.api.peakRssMb} MB (goal <= 200: ${pass(l.api.peakRssMb <= 200)}).`;
}

function relevanceSection(r: RelevanceResult): string {
  const row = (set: string, system: string, m: SetMetrics): Array<string | number> => [
    set,
    system,
    m.queries,
    m.mrr10,
    m.ndcg10,
    m.recall10,
    m.recall100,
    m.p10,
    m.judged10,
  ];
  const rows = Object.entries(r).flatMap(([set, { project, plain, variants }]) => [
    row(set, 'project', project),
    ...Object.entries(variants).map(([label, metrics]) => row('', `project, ${label}`, metrics)),
    row('', 'plain Meilisearch', plain),
  ]);
  return `## Relevance on eval-dev\n\n${table(
    [
      'set',
      'system',
      'queries',
      'MRR@10',
      'nDCG@10',
      'Recall@10',
      'Recall@100',
      'P@10',
      'judged@10',
    ],
    rows,
  )}`;
}

/** A precision cell: the share on topic, with the hit count when under 10 ("0 hits" flagged). */
function precisionCell(run: PrecisionRun): string {
  if (run.hits === 0) return `${run.precision} (**0 hits**)`;
  return run.hits < 10 ? `${run.precision} (${run.hits} hits)` : String(run.precision);
}

/** The cross-lingual precision check: per query and the means, against their goals. */
export function precisionSection(p: PrecisionResult): string {
  const rows = p.queries.map((q) => [
    q.query.replaceAll('|', '\\|'),
    q.direction,
    precisionCell(q.unfiltered),
    precisionCell(q.crossOnly),
    q.crossOnly.total,
  ]);
  rows.push(['**mean**', '', `**${p.meanUnfiltered}**`, `**${p.meanCrossOnly}**`, '']);
  const empty = p.queries
    .filter((q) => q.unfiltered.hits === 0 || q.crossOnly.hits === 0)
    .map((q) => `\`${q.query}\``);
  const flagged =
    empty.length === 0 ? '' : ` Searches with 0 hits count as 1: ${empty.join(', ')}.`;
  return `## Cross-lingual precision\n\nShare of the top 10 whose whole article is on the query's topic (and holds nothing the query excludes), unfiltered and with \`lang\` set to the other language, so that every hit is cross-lingual.\n\n${table(
    ['query', 'direction', 'unfiltered P@10', 'cross-only P@10', 'cross-only hits'],
    rows,
  )}\n\n${p.queries.length} queries; mean precision cross-only ${p.meanCrossOnly}, unfiltered ${p.meanUnfiltered} (goal: cross-only mean >= 0.95, unfiltered >= 0.99): cross-only ${pass(p.meanCrossOnly >= 0.95)}, unfiltered ${pass(p.meanUnfiltered >= 0.99)}.${flagged}`;
}

function lexiconSection(x: LexiconResult): string {
  return `## Lexicon\n\nLoading the compiled English-Russian lexicon (${x.entries.en} English and ${x.entries.ru} Russian keys) and the counterpart map (${x.counterparts} terms), as the search API does at start-up: ${x.loadMs} ms (goal <= 1000 ms: ${pass(x.loadMs <= 1000)}), ${x.heapMb} MB of live heap (goal <= 80 MB: ${pass(x.heapMb <= 80)}).`;
}

function webSection(w: WebResult): string {
  return [
    '## Web page',
    '',
    'Real Chromium, the sample corpus, time from Enter to the first result on screen.',
    '',
    table(
      ['searches', 'median', 'p95', 'scripts (gzip)', 'goal'],
      [
        [
          w.searches,
          `${String(w.medianMs)} ms`,
          `${String(w.p95Ms)} ms`,
          `${String(w.scriptKbGzip)} KB`,
          `median <= 300 ms: ${pass(w.medianMs <= 300)}; <= 50 KB: ${pass(w.scriptKbGzip <= 50)}`,
        ],
      ],
    ),
  ].join('\n');
}

/** The Markdown report of a run. */
function clusterSection(c: ClusterResult): string {
  const mb = (bytes: number[]): string =>
    bytes.map((b) => String(Math.round(b / 2 ** 20))).join(' + ');
  const row = (name: string, d: DeploymentFigures): Array<string | number> => [
    name,
    d.reindexSeconds,
    d.latency.medianMs,
    d.latency.p95Ms,
    d.load.requestsPerSecond,
    d.load.p50Ms,
    d.load.errors + d.load.non2xx,
    d.load.apiCpuMsPerRequest ?? '',
    d.load.meiliCpuMsPerRequest ?? '',
    mb(d.databaseBytes),
    d.meiliRssMb.join(' + '),
  ];
  const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;
  return [
    '## Shards: one node against three on this machine',
    table(
      [
        '',
        'reindex s',
        'median ms',
        'p95 ms',
        `req/s (${String(c.connections)} conn)`,
        'p50 ms',
        'errors',
        'API CPU ms/req',
        'Meilisearch CPU ms/req',
        'database MB in use per node',
        'Meilisearch RSS MB per node (with mapped pages)',
      ],
      [row('one node', c.single), row(`${String(c.sharded.nodes)} shards`, c.sharded)],
    ),
    `${String(c.documents)} articles; ${String(c.seconds)} s of load each, translate=false. Shards against one node: reindex ${String(ratio(c.sharded.reindexSeconds, c.single.reindexSeconds))}x, sequential median ${String(ratio(c.sharded.latency.medianMs, c.single.latency.medianMs))}x, throughput ${String(ratio(c.sharded.load.requestsPerSecond, c.single.load.requestsPerSecond))}x, Meilisearch CPU per search ${c.single.load.meiliCpuMsPerRequest === null || c.sharded.load.meiliCpuMsPerRequest === null ? 'n/a' : `${String(ratio(c.sharded.load.meiliCpuMsPerRequest, c.single.load.meiliCpuMsPerRequest))}x`}. Database bytes in use per article: ${String(c.bytesPerArticle.single)} on one node, ${String(c.bytesPerArticle.sharded)} over the shards. Every node runs on this machine's cores: these figures are the cost of fanning out, not the gain of more machines. First pages (top 10, translate=false) of the ${String(c.agreement.queries)} workload queries: ${String(c.agreement.sameTop10)} of them hold the same articles on the shards as on one node; on average ${String(c.agreement.meanOverlap)} of one node's top 10 is in the shards' top 10 (ties at the 10th place and the \`frequency\` strategy deciding per shard account for the rest).`,
  ].join('\n\n');
}

export function renderReport(results: BenchResults, command: string): string {
  const m = results.machine;
  const sections = [
    `# Benchmark report\n\n\`${command}\` on ${m.date}: ${m.cpus} cores (${m.model}), ${m.memoryGb} GB, Node.js ${m.node}. ` +
      `${results.options.quick ? 'Quick mode (a subset; indicative only).' : 'Full corpus.'} Corpus: ${results.options.documents === 'all' ? 'all of' : `${results.options.documents} documents of`} ${results.options.corpus}.`,
  ];
  if (results.analysis !== undefined)
    sections.push(analysisSection(results.analysis, results.ingest));
  if (results.lexicon !== undefined) sections.push(lexiconSection(results.lexicon));
  if (results.reindex !== undefined) sections.push(reindexSection(results.reindex));
  if (results.latency !== undefined)
    sections.push(`${latencySection(results.latency)}\n\n![latency](latency.svg)`);
  if (results.load !== undefined) sections.push(loadSection(results.load));
  if (results.relevance !== undefined)
    sections.push(`${relevanceSection(results.relevance)}\n\n![relevance](relevance.svg)`);
  if (results.precision !== undefined) sections.push(precisionSection(results.precision));
  if (results.cluster !== undefined) sections.push(clusterSection(results.cluster));
  if (results.web !== undefined) sections.push(webSection(results.web));
  return `${sections.join('\n\n')}\n`;
}

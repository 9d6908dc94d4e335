import { analyze, analyzeTerms } from '@lib/text-analysis';
import { corpusRecords } from '../corpus.js';
import { peakRssMb } from '../process-memory.js';
import { round } from '../stats.js';

/** Analysis throughput over the corpus on one core, with memory over the run. */
export interface AnalysisResult {
  documents: number;
  megabytes: number;
  seconds: number;
  /** The indexing path (terms only), what a reindex runs. */
  mbPerSecond: number;
  tokensPerSecond: number;
  /** Full tokens with offsets and surfaces, what snippets use (every tenth document). */
  withOffsetsMbPerSecond: number;
  /** Live heap after a full collection at 10 %, 50 % and 100 % of the run: flat means bounded. */
  liveHeapMbAt: { first10pct: number; half: number; end: number };
  peakRssMb: number;
  /** MB/s of every pass when several were run (the figures above are the median pass's). */
  runsMbPerSecond?: number[];
}

/** The pass with the median throughput, listing every pass's throughput. */
export function medianAnalysis(runs: AnalysisResult[]): AnalysisResult {
  const sorted = [...runs].sort((a, b) => a.mbPerSecond - b.mbPerSecond);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  if (middle === undefined) throw new Error('no analysis pass to report');
  return { ...middle, runsMbPerSecond: runs.map((run) => run.mbPerSecond) };
}

/** Analyzes title, summary and body of every record; times only the analyzer, both paths. */
export async function measureAnalysis(options: {
  corpus: string;
  limit: number;
  expected: number;
}): Promise<AnalysisResult> {
  let bytes = 0;
  let tokens = 0;
  let seconds = 0;
  let offsetSeconds = 0;
  let offsetBytes = 0;
  let documents = 0;
  const live: number[] = [];
  const liveHeapMb = (): number => {
    (globalThis as { gc?: () => void }).gc?.();
    return process.memoryUsage().heapUsed / 1024 / 1024;
  };
  const checkpoints = [0.1, 0.5].map((share) =>
    Math.floor(share * Math.min(options.limit, options.expected)),
  );
  for await (const record of corpusRecords(options.corpus, options.limit)) {
    const text = `${record.title}\n${record.summary ?? ''}\n${record.body}`;
    const started = performance.now();
    tokens += analyzeTerms(text).length;
    seconds += (performance.now() - started) / 1000;
    // Full tokens (offsets, surfaces) on a sample only: their garbage would slow the main path.
    if (documents % 10 === 0) {
      const middle = performance.now();
      analyze(text);
      offsetSeconds += (performance.now() - middle) / 1000;
      offsetBytes += Buffer.byteLength(text);
    }
    bytes += Buffer.byteLength(text);
    documents++;
    if (checkpoints.includes(documents)) live.push(liveHeapMb());
  }
  const megabytes = bytes / 1024 / 1024;
  return {
    documents,
    megabytes: round(megabytes, 1),
    seconds: round(seconds, 2),
    mbPerSecond: round(megabytes / seconds, 1),
    tokensPerSecond: Math.round(tokens / seconds),
    withOffsetsMbPerSecond: round(offsetBytes / 1024 / 1024 / offsetSeconds, 1),
    liveHeapMbAt: {
      first10pct: round(live[0] ?? 0, 0),
      half: round(live[1] ?? 0, 0),
      end: round(liveHeapMb(), 0),
    },
    peakRssMb: round(peakRssMb(process.pid) ?? 0, 0),
  };
}

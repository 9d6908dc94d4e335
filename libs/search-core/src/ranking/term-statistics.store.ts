import type { MeiliRepository } from '../meili/meili.repository.js';
import { TermStatistics } from './term-statistics.js';

/**
 * The index that holds a live index's term statistics. A reindex builds it beside the new
 * index and swaps both in one atomic swap, so statistics always describe the index searched.
 */
export function statisticsIndexOf(index: string): string {
  return `${index}-stats`;
}

/** Settings of a statistics index: its documents are read by key, never searched. */
export const STATISTICS_INDEX_SETTINGS = {
  searchableAttributes: ['key'],
  filterableAttributes: [],
  sortableAttributes: [],
};

/** Terms per stored chunk: 64 Ki terms are 0.7 MB of base64 per document. */
const CHUNK_TERMS = 65_536;
const SUMMARY_KEY = 'summary';

interface SummaryDocument extends Record<string, unknown> {
  key: string;
  /** The build that wrote these statistics: the API reloads when it changes. */
  generation: string;
  documents: number;
  mean_title_length: number;
  mean_body_length: number;
  chunks: number;
}

function toBase64(values: Uint32Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

function fromBase64(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  const values = new Uint32Array(bytes.byteLength / 4);
  new Uint8Array(values.buffer).set(bytes.subarray(0, values.byteLength));
  return values;
}

/** Writes statistics into a statistics index that exists (see statisticsIndexOf). */
export async function writeTermStatistics(
  repository: MeiliRepository,
  uid: string,
  statistics: TermStatistics,
  generation: string,
): Promise<void> {
  const { hashes, frequencies } = statistics.columns();
  const chunks: Array<Record<string, unknown>> = [];
  for (let start = 0; start < hashes.length; start += CHUNK_TERMS) {
    chunks.push({
      key: `chunk-${chunks.length}`,
      hashes: toBase64(hashes.subarray(start, start + CHUNK_TERMS)),
      frequencies: toBase64(frequencies.subarray(start, start + CHUNK_TERMS)),
    });
  }
  const summary: SummaryDocument = {
    key: SUMMARY_KEY,
    generation,
    documents: statistics.documents,
    mean_title_length: statistics.meanTitleLength,
    mean_body_length: statistics.meanBodyLength,
    chunks: chunks.length,
  };
  for (const chunk of chunks) await repository.putDocuments(uid, [chunk]);
  await repository.putDocuments(uid, [summary]);
}

/** The generation of the statistics in `uid`, or null when there are none. */
export async function termStatisticsGeneration(
  repository: MeiliRepository,
  uid: string,
): Promise<string | null> {
  const summary = await repository.getMeta(uid, SUMMARY_KEY);
  return typeof summary?.generation === 'string' ? summary.generation : null;
}

/** Reads the statistics of `uid` with their generation, or null when there are none. */
export async function readTermStatistics(
  repository: MeiliRepository,
  uid: string,
): Promise<{ statistics: TermStatistics; generation: string } | null> {
  const summary = (await repository.getMeta(uid, SUMMARY_KEY)) as SummaryDocument | null;
  if (summary === null || typeof summary.generation !== 'string') return null;
  const hashes: Uint32Array[] = [];
  const frequencies: Uint32Array[] = [];
  for (let i = 0; i < summary.chunks; i++) {
    const chunk = await repository.getMeta(uid, `chunk-${i}`);
    if (typeof chunk?.hashes !== 'string' || typeof chunk.frequencies !== 'string') return null;
    hashes.push(fromBase64(chunk.hashes));
    frequencies.push(fromBase64(chunk.frequencies));
  }
  const join = (parts: Uint32Array[]): Uint32Array => {
    const all = new Uint32Array(parts.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of parts) {
      all.set(part, at);
      at += part.length;
    }
    return all;
  };
  return {
    generation: summary.generation,
    statistics: TermStatistics.of(join(hashes), join(frequencies), {
      documents: summary.documents,
      meanTitleLength: summary.mean_title_length,
      meanBodyLength: summary.mean_body_length,
    }),
  };
}

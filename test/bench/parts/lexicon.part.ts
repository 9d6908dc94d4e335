import { loadCounterparts, loadLexicon } from '@lib/cross-lingual';
import { round } from '../stats.js';

/** Loading the compiled lexicon and counterparts: what cross-lingual search adds to the API's start-up. */
export interface LexiconResult {
  loadMs: number;
  heapMb: number;
  entries: { en: number; ru: number };
  /** Terms with counterparts. */
  counterparts: number;
}

function liveHeapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** Loads both in a fresh process, as the search API does, timing it and measuring the live heap it adds. */
export function measureLexicon(): LexiconResult {
  const before = liveHeapMb();
  const started = performance.now();
  const lexicon = loadLexicon();
  const counterparts = loadCounterparts();
  const loadMs = performance.now() - started;
  const heapMb = liveHeapMb() - before;
  return {
    loadMs: round(loadMs, 0),
    heapMb: round(heapMb, 1),
    entries: { en: lexicon.en.size, ru: lexicon.ru.size },
    counterparts: counterparts.size,
  };
}

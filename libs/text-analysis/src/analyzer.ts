import { repairHomoglyphs } from './homoglyphs.js';
import { normalizeWord } from './normalize.js';
import { scriptOfWord, type TokenScript } from './script.js';
import { stemWord } from './stemmer.js';
import { isStopWord } from './stop-words.js';
import { tokenize, type RawToken } from './tokenizer.js';

/** One analyzed token: what is matched (`term`) and where it stands in the original text. */
export interface Token {
  /** Normalized and stemmed form, the unit of matching. */
  term: string;
  /** The original characters: `text.slice(start, end) === surface`. */
  surface: string;
  start: number;
  end: number;
  /** Word position; parts of a compound take consecutive positions. */
  position: number;
  /** The script whose stemmer was used (`number`, `mixed` and `other` are not stemmed). */
  script: TokenScript;
  /** True for a Russian or English stop word. */
  stop: boolean;
  /** Set on the whole of a hyphenated compound, emitted after its parts at the first part's position. */
  compound?: true;
}

/** Longer words (base64, hashes, glued text) are kept as a prefix, unstemmed. */
export const MAX_TERM_LENGTH = 64;
/** Parts of web addresses that say nothing about an article. */
const ADDRESS_NOISE: ReadonlySet<string> = new Set([
  'http',
  'https',
  'www',
  'html',
  'htm',
  'php',
  'shtml',
  'aspx',
]);
const HYPHEN = /[-\u2010\u2011]/;
const HYPHENS = /[-\u2010\u2011]/g;
const APOSTROPHES_IN_WORD = /['\u2019\u02BC]/g;

interface TermInfo {
  term: string;
  script: TokenScript;
  stop: boolean;
}

function analyzeWord(surface: string): TermInfo | null {
  const normalized = normalizeWord(surface);
  if (normalized.length === 0) return null;
  if (normalized.length > MAX_TERM_LENGTH) {
    return { term: normalized.slice(0, MAX_TERM_LENGTH), script: 'other', stop: false };
  }
  const repaired = repairHomoglyphs(normalized);
  const script = scriptOfWord(repaired);
  const word = script === 'latin' ? repaired : repaired.replace(APOSTROPHES_IN_WORD, '');
  const stop = isStopWord(word.replace(APOSTROPHES_IN_WORD, ''), script);
  const term = stemWord(word, script);
  return term.length === 0 ? null : { term, script, stop };
}

function analyzeAbbreviation(surface: string): TermInfo {
  const letters = normalizeWord(surface.replace(/\./g, ''));
  return { term: letters, script: scriptOfWord(letters), stop: false };
}

/** Numbers keep their digits; separators become '_' so Meilisearch keeps them one word. */
function analyzeNumber(surface: string): TermInfo {
  return { term: normalizeWord(surface).replace(/[.,:]/g, '_'), script: 'number', stop: false };
}

interface Emitter {
  tokens: Token[];
  position: number;
}

function emit(
  out: Emitter,
  raw: RawToken,
  info: TermInfo | null,
  start = raw.start,
  surface = raw.surface,
): void {
  if (info === null) return;
  if (raw.inAddress && ADDRESS_NOISE.has(info.term)) return;
  out.tokens.push({
    ...info,
    surface,
    start,
    end: start + surface.length,
    position: out.position++,
  });
}

function emitCompound(out: Emitter, raw: RawToken): void {
  const first = out.position;
  let offset = 0;
  for (const part of raw.surface.split(HYPHEN)) {
    emit(out, raw, part.length > 0 ? analyzeWord(part) : null, raw.start + offset, part);
    offset += part.length + 1;
  }
  if (out.position - first < 2) return;
  const whole = analyzeWord(raw.surface.replace(HYPHENS, ''));
  if (whole === null) return;
  out.tokens.push({
    ...whole,
    stop: false,
    surface: raw.surface,
    start: raw.start,
    end: raw.end,
    position: first,
    compound: true,
  });
}

/**
 * Analyzes text into tokens: tokenize on Unicode classes, normalize each word (NFKC, case,
 * ё, invisible characters, stress marks), repair homoglyphs, stem by script and flag stop words.
 * Never throws; offsets always slice the original string back to each token's surface.
 */
export function analyze(text: string): Token[] {
  const out: Emitter = { tokens: [], position: 0 };
  for (const raw of tokenize(text)) {
    if (raw.kind === 'abbreviation') emit(out, raw, analyzeAbbreviation(raw.surface));
    else if (raw.kind === 'number') emit(out, raw, analyzeNumber(raw.surface));
    else if (HYPHEN.test(raw.surface)) emitCompound(out, raw);
    else emit(out, raw, analyzeWord(raw.surface));
  }
  return out.tokens;
}

/**
 * The text stored in an analyzed (matching) field: every term in order, stop words included so
 * that phrases such as "в Сирии" keep their positions.
 */
export function toIndexText(tokens: readonly Token[]): string {
  let text = '';
  for (const token of tokens) text += text.length === 0 ? token.term : ` ${token.term}`;
  return text;
}

/** Analyzes `text` straight to the matching field's content. */
export function analyzeForIndex(text: string): string {
  return toIndexText(analyze(text));
}

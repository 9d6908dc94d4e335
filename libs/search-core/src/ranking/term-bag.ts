import { isStopTerm } from '@lib/text-analysis';
import { bagHash, termHash } from './term-hash.js';

/** The terms of an article's two ranked fields, as the second ranking stage scores them. */
export interface TermBagFields {
  /** Terms of the title and what stands for it in the other language (counterparts, names). */
  title: readonly string[];
  /** Terms of the body and what stands for it in the other language. */
  body: readonly string[];
  /** Analyzed length of the title and of the body, in terms (stop words included). */
  titleLength: number;
  bodyLength: number;
}

/** How often an article holds one term in each field. */
export interface FieldCounts {
  title: number;
  body: number;
}

/** An article's distinct content terms by 32-bit hash, with their counts per field. */
export interface TermBag {
  counts: Map<number, FieldCounts>;
  titleLength: number;
  bodyLength: number;
}

/** Counts stored per field: a title rarely repeats a word, BM25 saturates well before 15. */
const MAX_TITLE_COUNT = 3;
const MAX_BODY_COUNT = 15;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** The value of each base64url character by its char code; other characters read as 0. */
const DIGIT = new Uint8Array(128);
for (let value = 0; value < ALPHABET.length; value++) DIGIT[ALPHABET.charCodeAt(value)] = value;

/** Counts the content terms (stop terms left out) of an article's fields. */
export function buildTermBag(fields: TermBagFields): TermBag {
  const counts = new Map<number, FieldCounts>();
  const count = (terms: readonly string[], field: keyof FieldCounts): void => {
    for (const term of terms) {
      if (term.length === 0 || isStopTerm(term)) continue;
      const hash = termHash(term);
      const entry = counts.get(hash) ?? { title: 0, body: 0 };
      entry[field]++;
      counts.set(hash, entry);
    }
  };
  count(fields.title, 'title');
  count(fields.body, 'body');
  return { counts, titleLength: fields.titleLength, bodyLength: fields.bodyLength };
}

/**
 * The bag as stored with the article: `<title length>.<body length>.` then four base64url
 * characters per term (18 bits of its hash, its title count 0-3 and body count 0-15 in 6 bits,
 * counts capped), about 0.7 KB for the average article: the second stage reads a hundred of
 * them per search.
 */
export function encodeTermBag(bag: TermBag): string {
  let text = `${bag.titleLength}.${bag.bodyLength}.`;
  for (const [hash, { title, body }] of bag.counts) {
    const packed =
      (bagHash(hash) << 6) |
      (Math.min(title, MAX_TITLE_COUNT) << 4) |
      Math.min(body, MAX_BODY_COUNT);
    text +=
      ALPHABET.charAt((packed >>> 18) & 63) +
      ALPHABET.charAt((packed >>> 12) & 63) +
      ALPHABET.charAt((packed >>> 6) & 63) +
      ALPHABET.charAt(packed & 63);
  }
  return text;
}

function digit(text: string, at: number): number {
  return DIGIT[text.charCodeAt(at) & 127] ?? 0;
}

/** What the second stage reads of a stored bag: lengths and the counts of the asked terms. */
export interface BagReading {
  titleLength: number;
  bodyLength: number;
  /** Per asked bag hash, its counts (terms the article lacks are absent). */
  counts: Map<number, FieldCounts>;
}

/** A bag hash to look up, with the three characters it is stored as. */
export interface BagTerm {
  hash: number;
  code: string;
}

/** The lookups of bag hashes, built once per query rather than once per article read. */
export function bagTerms(hashes: Iterable<number>): BagTerm[] {
  return [...new Set(hashes)].map((hash) => ({ hash, code: hashCode(hash) }));
}

/** The three characters a bag hash is stored as: the first three of its entry. */
function hashCode(hash: number): string {
  return (
    ALPHABET.charAt((hash >>> 12) & 63) +
    ALPHABET.charAt((hash >>> 6) & 63) +
    ALPHABET.charAt(hash & 63)
  );
}

/**
 * Reads the counts of `wanted` bag hashes from a stored bag without decoding the rest: an
 * entry's first three characters are its hash, so each wanted term is one string search (a
 * match that is not at an entry's start is skipped). An unreadable bag reads as empty.
 */
export function readTermBag(stored: string, wanted: readonly BagTerm[]): BagReading {
  const counts = new Map<number, FieldCounts>();
  const first = stored.indexOf('.');
  const second = stored.indexOf('.', first + 1);
  const titleLength = Number(stored.slice(0, first));
  const bodyLength = Number(stored.slice(first + 1, second));
  if (first < 0 || second < 0 || !Number.isFinite(titleLength) || !Number.isFinite(bodyLength))
    return { titleLength: 0, bodyLength: 0, counts };
  const entries = second + 1;
  for (const { hash, code } of wanted) {
    for (let at = stored.indexOf(code, entries); at >= 0; at = stored.indexOf(code, at + 1)) {
      if ((at - entries) % 4 !== 0 || at + 4 > stored.length) continue;
      const value = digit(stored, at + 3);
      counts.set(hash, { title: (value >>> 4) & 3, body: value & 15 });
      break;
    }
  }
  return { titleLength, bodyLength, counts };
}

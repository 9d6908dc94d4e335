/**
 * A term's 32-bit FNV-1a hash over its UTF-16 code units. Term statistics are keyed by it (a
 * vocabulary of a few hundred thousand terms has almost no collisions in 32 bits), and an
 * article's term bag by its low BAG_HASH_BITS bits.
 */
export function termHash(term: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    hash ^= term.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Bits of a term's hash kept in a term bag: an article has a few hundred distinct terms, so a
 * query term is mistaken for another of the article's terms about once in a thousand articles.
 */
export const BAG_HASH_BITS = 18;

/** The part of a term's hash a term bag keys by. */
export function bagHash(hash: number): number {
  return hash & ((1 << BAG_HASH_BITS) - 1);
}

import { UnsupportedEncodingError } from '../record/ingest.error.js';

/** Encodings the decoder recognizes. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'koi8-r';

/** Decoded text and the encoding it was read in. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/**
 * The most frequent Russian letters (о е а и н т с р в л), lower and upper case. Text decoded
 * with the right single-byte code page is full of them; the wrong one yields mostly others.
 */
const FREQUENT_RUSSIAN = new Set('оеаинтсрвлОЕАИНТСРВЛ');
const SINGLE_BYTE: ReadonlyArray<'windows-1251' | 'koi8-r'> = ['windows-1251', 'koi8-r'];

function hasPrefix(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** True when the bytes look binary: NUL bytes or many control characters. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.02;
}

function russianScore(text: string): number {
  let frequent = 0;
  let letters = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x400 || code > 0x4ff) continue;
    letters++;
    if (FREQUENT_RUSSIAN.has(ch)) frequent++;
  }
  return letters === 0 ? 0 : frequent / letters;
}

/**
 * Decodes file bytes: a BOM decides (UTF-8, UTF-16 LE/BE); else valid UTF-8 is UTF-8; else the
 * single-byte Cyrillic code page (windows-1251 or KOI8-R) whose text reads most like Russian.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (hasPrefix(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (hasPrefix(bytes, [0xff, 0xfe]))
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (hasPrefix(bytes, [0xfe, 0xff]))
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (looksBinary(bytes)) throw new UnsupportedEncodingError('binary data, not text');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const candidates = SINGLE_BYTE.map((encoding) => {
      const text = new TextDecoder(encoding).decode(bytes);
      return { text, encoding, score: russianScore(text) };
    }).sort((a, b) => b.score - a.score);
    const best = candidates[0];
    if (best === undefined || best.score < 0.3) {
      throw new UnsupportedEncodingError('not UTF-8, UTF-16, windows-1251 or KOI8-R text');
    }
    return { text: best.text, encoding: best.encoding };
  }
}

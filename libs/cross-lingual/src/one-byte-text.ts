/**
 * Russian and English text held in one byte per character. V8 keeps a string with any
 * character above U+00FF in two bytes per character, so the compiled lexicon and counterpart
 * map (ASCII and Cyrillic, 9.2 million characters) took 18.4 MB of live heap with their
 * indexes; this way they take 7.3 MB. Cyrillic U+0400-U+047F moves to U+0080-U+00FF; every
 * other character from U+007F up (ñ, α: a few hundred in the lexicon) is written as ESCAPE and
 * its UTF-16 code unit in four hex digits. ASCII, tabs and newlines stay as they are.
 */
/** DEL: never in the compiled files, and kept in one byte. */
const ESCAPE = 0x7f;
const CYRILLIC_FIRST = 0x0400;
const CYRILLIC_LAST = 0x047f;
const MOVED_FIRST = 0x80;
const ESCAPED_LENGTH = 5;

/** Characters written escaped: ESCAPE and any above it outside the moved Cyrillic block. */
const ESCAPED = /[\u007f-\u03ff\u0480-\uffff]/g;
/** Characters that need any encoding at all. */
const ENCODED = /[\u007f-\uffff]/;

/** `text` in the one-byte form (see above); a one-byte string whatever the input. */
export function toOneByte(text: string): string {
  if (!ENCODED.test(text)) return text;
  const escapes = text.match(ESCAPED)?.length ?? 0;
  const bytes = Buffer.allocUnsafe(text.length + escapes * (ESCAPED_LENGTH - 1));
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < ESCAPE) bytes[at++] = code;
    else if (code >= CYRILLIC_FIRST && code <= CYRILLIC_LAST)
      bytes[at++] = code - CYRILLIC_FIRST + MOVED_FIRST;
    else {
      bytes[at++] = ESCAPE;
      at += bytes.write(code.toString(16).padStart(4, '0'), at, 'latin1');
    }
  }
  return bytes.toString('latin1');
}

/** The text a one-byte form stands for. */
export function fromOneByte(text: string): string {
  if (!ENCODED.test(text)) return text;
  let decoded = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === ESCAPE) {
      decoded += String.fromCharCode(parseInt(text.slice(i + 1, i + ESCAPED_LENGTH), 16));
      i += ESCAPED_LENGTH - 1;
    } else if (code >= MOVED_FIRST) {
      decoded += String.fromCharCode(code - MOVED_FIRST + CYRILLIC_FIRST);
    } else {
      decoded += text[i] ?? '';
    }
  }
  return decoded;
}

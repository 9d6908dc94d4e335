/**
 * Characters a terminal acts on instead of showing: C0 and C1 controls (ESC starts colour,
 * cursor and title sequences; NUL, BEL, backspace and CR rewrite what the operator sees), DEL,
 * and the bidirectional overrides and isolates that reorder a line's text.
 */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

function escape(character: string): string {
  const code = character.charCodeAt(0);
  if (character === '\n') return '\\n';
  if (character === '\t') return '\\t';
  if (character === '\r') return '\\r';
  return code <= 0xff
    ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
    : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Text from input files (names, JSON parser messages quoting the bytes) made safe for a
 * terminal line: every control character is shown escaped (`\x1B`, `\x00`, `\n`); with
 * `lines`, line breaks are kept (a stack trace).
 */
export function printable(text: string, options: { lines?: boolean } = {}): string {
  return text.replace(UNPRINTABLE, (character) =>
    options.lines === true && character === '\n' ? character : escape(character),
  );
}

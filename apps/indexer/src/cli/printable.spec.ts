import { describe, expect, it } from 'vitest';
import { printable } from './printable.js';

describe('printable', () => {
  it('escapes terminal escape sequences, NUL and line breaks', () => {
    expect(printable('bad \u001B[2J\u001B]0;owned\u0007 byte \u0000 end\r\nnext')).toBe(
      'bad \\x1B[2J\\x1B]0;owned\\x07 byte \\x00 end\\r\\nnext',
    );
  });

  it('escapes C1 controls and bidirectional overrides, keeps other text', () => {
    expect(printable('a\u009Bb \u202Egnp.exe Путин «x»')).toBe('a\\x9Bb \\u202Egnp.exe Путин «x»');
  });
});

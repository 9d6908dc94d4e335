import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from './utf8.js';

describe('decodeUtf8', () => {
  it.each([
    ['ASCII', '{"title":"Oil prices rise"}'],
    ['Cyrillic', '{"title":"Цены на нефть растут, ёлки"}'],
    ['mixed scripts and punctuation', 'Газпром — Gazprom «санкции» … 1,5 %'],
    ['characters outside the BMP', 'weather 🌧️ погода 𝔸'],
    ['empty', ''],
  ])('decodes %s as Buffer#toString does', (_name, text) => {
    const bytes = Buffer.from(text, 'utf8');
    expect(decodeUtf8(bytes)).toBe(bytes.toString('utf8'));
    expect(decodeUtf8(bytes)).toBe(text);
  });

  it('replaces invalid sequences as Buffer#toString does', () => {
    const bytes = Buffer.from([0x61, 0xd0, 0x62, 0xff, 0xd0, 0xb0, 0xe2, 0x80]);
    expect(decodeUtf8(bytes)).toBe(bytes.toString('utf8'));
  });
});

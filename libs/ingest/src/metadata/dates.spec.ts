import { describe, expect, it } from 'vitest';
import { findDate } from './dates.js';

describe('findDate', () => {
  it.each([
    ['date 2025-08-15 https://ria.ru/x', '2025-08-15'],
    ['2023-10-05T08:30:00Z', '2023-10-05T08:30:00Z'],
    ['2023-10-05 08:30', '2023-10-05T08:30:00'],
    ['Saturday 11 November 2017 04:36 EST', '2017-11-11T04:36:00-05:00'],
    ['11 November 2017', '2017-11-11'],
    ['November 11, 2017', '2017-11-11'],
    ['15 августа 2025', '2025-08-15'],
    ['15 авг. 2025', '2025-08-15'],
    ['31 June 2020', null],
    ['15 июля', null],
    ['11/12/2017', null],
    ['no date here', null],
  ])('%s -> %s', (text, expected) => {
    expect(findDate(text)).toBe(expected);
  });
});

import type { Paragraph } from './paragraph.js';

/**
 * Classes of the jusText-style classifier; `heading` marks short lines with no sentence in them
 * (headlines, subheads, widget labels) that context would keep: they are not article prose.
 */
export type ParagraphClass = 'good' | 'neargood' | 'short' | 'bad' | 'heading';

/**
 * Thresholds per language. The stop lists are Snowball's (about 110-150 words), on which
 * Russian prose runs at 0.15-0.35 stop words per word and English at 0.30-0.50; boilerplate
 * (menus, headlines, credits) sits far below.
 */
const STOP_DENSITY: Record<'ru' | 'en', { low: number; high: number }> = {
  ru: { low: 0.1, high: 0.18 },
  en: { low: 0.22, high: 0.3 },
};
const LENGTH_LOW = 70;
const LENGTH_HIGH = 100;
const LENGTH_LONG = 200;
const MAX_CODE_DENSITY = 0.04;

function thresholds(p: Paragraph): { low: number; high: number } {
  return p.lang === 'en' ? STOP_DENSITY.en : STOP_DENSITY.ru;
}

/** Context-free class from the paragraph's own features. */
export function classifyAlone(p: Paragraph): ParagraphClass {
  if (p.codeDensity > MAX_CODE_DENSITY || p.isCredit || p.lang === 'unknown') return 'bad';
  if (p.text.length < LENGTH_LOW || !p.hasSentence) return 'short';
  const { low, high } = thresholds(p);
  if (
    (p.text.length >= LENGTH_HIGH && p.stopDensity >= high) ||
    (p.text.length >= LENGTH_LONG && p.stopDensity >= low)
  ) {
    return 'good';
  }
  return p.stopDensity >= low ? 'neargood' : 'bad';
}

/** The class of the nearest paragraph in `direction` that is not short (and not neargood when asked). */
function neighbour(
  classes: ParagraphClass[],
  from: number,
  direction: 1 | -1,
  skipNeargood: boolean,
): ParagraphClass {
  for (let i = from + direction; i >= 0 && i < classes.length; i += direction) {
    const c = classes[i];
    if (c === 'short' || (skipNeargood && c === 'neargood')) continue;
    return c ?? 'bad';
  }
  return 'bad';
}

function resolveShort(classes: ParagraphClass[], i: number): ParagraphClass {
  const prev = neighbour(classes, i, -1, true);
  const next = neighbour(classes, i, 1, true);
  if (prev === 'good' && next === 'good') return 'good';
  if (prev === 'bad' && next === 'bad') return 'bad';
  const prevNear = neighbour(classes, i, -1, false) === 'neargood';
  const nextNear = neighbour(classes, i, 1, false) === 'neargood';
  return (prev === 'bad' && prevNear) || (next === 'bad' && nextNear) ? 'good' : 'bad';
}

/**
 * jusText's two stages: classify each paragraph alone, then settle short and near-good ones by
 * their neighbours, so a short sentence inside the article stays and a menu item beside other
 * boilerplate goes.
 */
export function classifyParagraphs(paragraphs: Paragraph[]): ParagraphClass[] {
  const alone = paragraphs.map(classifyAlone);
  const shortsSettled = alone.map((c, i) => (c === 'short' ? resolveShort(alone, i) : c));
  return shortsSettled.map((c, i) => {
    if (alone[i] === 'short' && c === 'good' && paragraphs[i]?.hasSentence !== true)
      return 'heading';
    if (c !== 'neargood') return c;
    const prev = neighbour(shortsSettled, i, -1, true);
    const next = neighbour(shortsSettled, i, 1, true);
    return prev === 'bad' && next === 'bad' ? 'bad' : 'good';
  });
}

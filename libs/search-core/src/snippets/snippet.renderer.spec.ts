import { describe, expect, it } from 'vitest';
import { analyzeQuery, positiveTerms } from '@lib/text-analysis';
import { highlightText, renderSnippet } from './snippet.renderer.js';

const termsOf = (query: string): Set<string> => positiveTerms(analyzeQuery(query));
const filler = (words: number, word = 'прочее'): string =>
  Array.from({ length: words }, () => word).join(' ');

describe('highlightText', () => {
  it.each([
    ['встреча', 'Встречи президентов в Кремле', '<mark>Встречи</mark> президентов в Кремле'],
    ['meetings', 'A meeting in Moscow', 'A <mark>meeting</mark> in Moscow'],
    ['ёлка', 'Новогодняя елка и ёлки', 'Новогодняя <mark>елка</mark> и <mark>ёлки</mark>'],
    [
      'script',
      '<script>alert(1)</script> script',
      '&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt; <mark>script</mark>',
    ],
    ['путин', 'Путин & "Трамп"', '<mark>Путин</mark> &amp; &quot;Трамп&quot;'],
    ['запад', 'северо-запад', 'северо-<mark>запад</mark>'],
  ])('%s in %s', (query, text, expected) => {
    expect(highlightText(text, termsOf(query))).toBe(expected);
  });

  it('marks nothing for an excluded word', () => {
    expect(highlightText('Путин и Трамп', termsOf('путин -трамп'))).toBe(
      '<mark>Путин</mark> и Трамп',
    );
  });
});

describe('renderSnippet', () => {
  it('returns a short text whole, escaped and marked', () => {
    expect(renderSnippet('Встреча <b>лидеров</b>.', termsOf('встречи'))).toBe(
      '<mark>Встреча</mark> &lt;b&gt;лидеров&lt;/b&gt;.',
    );
  });

  it('starts a text without matches at its beginning, cut at a word with an ellipsis', () => {
    const snippet = renderSnippet(`Начало статьи. ${filler(100)}`, termsOf('отсутствует'), {
      windowWords: 5,
    });
    expect(snippet).toBe('Начало статьи. прочее прочее прочее…');
  });

  it('picks the window with the most distinct query terms in a long text', () => {
    const text = `${filler(300)} санкции ${filler(50)} против Ирана санкций ${filler(300)} Иран`;
    const snippet = renderSnippet(text, termsOf('санкции Иран'), { windowWords: 10 });
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain('<mark>Ирана</mark> <mark>санкций</mark>');
    expect(snippet.split(' ').length).toBeLessThanOrEqual(10);
  });

  it('keeps a match near the start without a leading ellipsis', () => {
    const text = `Санкции против Ирана. ${filler(400)}`;
    const snippet = renderSnippet(text, termsOf('санкции'), { windowWords: 6 });
    expect(snippet).toBe('<mark>Санкции</mark> против Ирана. прочее прочее прочее…');
  });

  it('escapes markup inside a long body', () => {
    const text = `${filler(400)} <script>alert("санкции")</script> ${filler(400)}`;
    const snippet = renderSnippet(text, termsOf('санкции'), { windowWords: 8 });
    expect(snippet).toContain(
      '&lt;script&gt;alert(&quot;<mark>санкции</mark>&quot;)&lt;/script&gt;',
    );
    expect(snippet).not.toContain('<script>');
  });

  it('finds an English word whose stem rewrites its ending deep in a long text', () => {
    const text = `${filler(300, 'other')} a new energy policy was announced ${filler(300, 'other')}`;
    const snippet = renderSnippet(text, termsOf('policies'), { windowWords: 8 });
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet).toContain('energy <mark>policy</mark> was');
  });
});

import { describe, expect, it } from 'vitest';
import { highlightRuns } from './highlight.js';

describe('highlightRuns', () => {
  it('splits marked words from text and decodes the escaped text', () => {
    expect(
      highlightRuns('<mark>Путина</mark> &amp; Co: &lt;b&gt; &quot;x&quot; &#39;y&#39;'),
    ).toEqual([
      { text: 'Путина', marked: true },
      { text: ' & Co: <b> "x" \'y\'', marked: false },
    ]);
  });

  it('keeps markup from a document as text', () => {
    const runs = highlightRuns('&lt;script&gt;alert(1)&lt;/script&gt; <mark>oil</mark>');
    expect(runs).toEqual([
      { text: '<script>alert(1)</script> ', marked: false },
      { text: 'oil', marked: true },
    ]);
  });

  it('decodes only once: an escaped entity stays an entity', () => {
    expect(highlightRuns('&amp;lt;mark&amp;gt;')).toEqual([
      { text: '&lt;mark&gt;', marked: false },
    ]);
  });
});

/** The entities the API's escaping produces. */
const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** Decodes the API's escaped text; anything else stays as written. */
export function decodeEntities(html: string): string {
  return html.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** One run of highlighted text: `marked` runs go in a <mark>. */
export interface HighlightRun {
  text: string;
  marked: boolean;
}

/**
 * Splits the API's highlight HTML into runs of plain text. Only the literal <mark> and
 * </mark> tags mean anything; every other character is text, so nothing from a document can
 * become markup, whatever it holds.
 */
export function highlightRuns(html: string): HighlightRun[] {
  const runs: HighlightRun[] = [];
  for (const [i, part] of html.split(/<mark>|<\/mark>/).entries()) {
    if (part !== '') runs.push({ text: decodeEntities(part), marked: i % 2 === 1 });
  }
  return runs;
}

/** The highlight HTML as DOM nodes: text nodes and <mark> elements holding text nodes. */
export function highlighted(html: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const run of highlightRuns(html)) {
    if (run.marked) {
      const mark = document.createElement('mark');
      mark.textContent = run.text;
      fragment.append(mark);
    } else {
      fragment.append(document.createTextNode(run.text));
    }
  }
  return fragment;
}

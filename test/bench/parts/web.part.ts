import { gzipSync } from 'node:zlib';
import { launchChromium } from '../../support/browser.js';
import { median, percentile, round } from '../stats.js';

/** The web page in a real Chromium: time from Enter to the first results on screen. */
export interface WebResult {
  searches: number;
  medianMs: number;
  p95Ms: number;
  /** Gzipped size of every script the page loads. */
  scriptKbGzip: number;
}

/** Queries with hits in the sample corpus, both languages. */
const QUERIES = [
  'Путин',
  'Трамп встреча',
  'Trump',
  'саммит АТЭС',
  'Putin',
  'Сирия',
  'summit',
  'Керри',
];

/** Types each query and presses Enter, `rounds` times over, timing until a hit is visible. */
export async function measureWeb(options: { apiUrl: string; rounds: number }): Promise<WebResult> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const scripts: Array<Promise<number>> = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script')
        scripts.push(response.body().then((body) => gzipSync(body, { level: 9 }).length));
    });
    await page.goto(options.apiUrl);
    const samples: number[] = [];
    for (let round = 0; round < options.rounds; round++) {
      for (const q of QUERIES) {
        await page.locator('#q').fill(q);
        await page.evaluate(() => {
          const timing: { start?: number; end?: number } = {};
          (window as { benchTiming?: typeof timing }).benchTiming = timing;
          const results = document.getElementById('results');
          if (results === null) throw new Error('no #results on the page');
          results.replaceChildren();
          document.addEventListener(
            'keydown',
            (event) => {
              if (event.key === 'Enter') timing.start = performance.now();
            },
            { once: true, capture: true },
          );
          const observer = new MutationObserver(() => {
            if (results.querySelector('.hit') === null) return;
            timing.end = performance.now();
            observer.disconnect();
          });
          observer.observe(results, { childList: true });
        });
        await page.locator('#q').press('Enter');
        const handle = await page.waitForFunction(() => {
          const timing = (window as { benchTiming?: { start?: number; end?: number } }).benchTiming;
          return timing?.start !== undefined && timing.end !== undefined
            ? timing.end - timing.start
            : false;
        });
        const elapsed = (await handle.jsonValue()) as number;
        samples.push(elapsed);
      }
    }
    const sizes = await Promise.all(scripts);
    return {
      searches: samples.length,
      medianMs: round(median(samples), 1),
      p95Ms: round(percentile(samples, 95), 1),
      scriptKbGzip: round(sizes.reduce((a, b) => a + b, 0) / 1024, 1),
    };
  } finally {
    await browser.close();
  }
}

import { escapeHtml } from '@lib/search-core';

const WIDTH = 640;
const HEIGHT = 320;
const MARGIN = { left: 56, right: 16, top: 28, bottom: 40 };
const COLORS = ['#0b57d0', '#c5221f', '#188038'];

function frame(title: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="#fff"/>
<text x="${WIDTH / 2}" y="18" text-anchor="middle" font-size="14">${escapeHtml(title)}</text>
${body}
</svg>
`;
}

/** Cumulative distribution of latency samples per series (x: ms, log-free, clipped at p99). */
export function latencyCdfSvg(
  title: string,
  series: Array<{ name: string; samples: number[] }>,
): string {
  const all = series.flatMap((s) => s.samples).sort((a, b) => a - b);
  const maxX = all[Math.floor(all.length * 0.99)] ?? 1;
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (v: number): number => MARGIN.left + (Math.min(v, maxX) / maxX) * plotW;
  const y = (p: number): number => MARGIN.top + (1 - p) * plotH;
  const lines = series.map((s, i) => {
    const sorted = [...s.samples].sort((a, b) => a - b);
    const points = sorted
      .map((v, j) => `${x(v).toFixed(1)},${y((j + 1) / sorted.length).toFixed(1)}`)
      .join(' ');
    const color = COLORS[i % COLORS.length] ?? '#000';
    return `<polyline fill="none" stroke="${color}" stroke-width="2" points="${points}"/>
<text x="${WIDTH - MARGIN.right - 4}" y="${MARGIN.top + 16 * (i + 1)}" text-anchor="end" fill="${color}">${escapeHtml(s.name)}</text>`;
  });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map(
    (t) =>
      `<text x="${x(t * maxX)}" y="${HEIGHT - 22}" text-anchor="middle">${(t * maxX).toFixed(1)}</text>`,
  );
  return frame(
    title,
    `<line x1="${MARGIN.left}" y1="${y(0)}" x2="${WIDTH - MARGIN.right}" y2="${y(0)}" stroke="#999"/>
<line x1="${MARGIN.left}" y1="${y(0)}" x2="${MARGIN.left}" y2="${y(1)}" stroke="#999"/>
<text x="${WIDTH / 2}" y="${HEIGHT - 6}" text-anchor="middle">latency (ms)</text>
<text x="14" y="${HEIGHT / 2}" transform="rotate(-90 14 ${HEIGHT / 2})" text-anchor="middle">share of requests</text>
${ticks.join('\n')}
${lines.join('\n')}`,
  );
}

/** Grouped bars: one group per label, one bar per series, values 0-1. */
export function groupedBarsSvg(
  title: string,
  labels: string[],
  series: Array<{ name: string; values: number[] }>,
): string {
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const groupW = plotW / Math.max(1, labels.length);
  const barW = (groupW * 0.7) / Math.max(1, series.length);
  const bars = labels.flatMap((label, g) => {
    const groupX = MARGIN.left + g * groupW + groupW * 0.15;
    const labelText = `<text x="${groupX + (barW * series.length) / 2}" y="${HEIGHT - 22}" text-anchor="middle">${escapeHtml(label)}</text>`;
    return [
      labelText,
      ...series.map((s, i) => {
        const value = s.values[g] ?? 0;
        const h = value * plotH;
        const color = COLORS[i % COLORS.length] ?? '#000';
        const bx = groupX + i * barW;
        return `<rect x="${bx.toFixed(1)}" y="${(MARGIN.top + plotH - h).toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${color}"/>
<text x="${(bx + barW / 2).toFixed(1)}" y="${(MARGIN.top + plotH - h - 3).toFixed(1)}" text-anchor="middle" font-size="10">${value.toFixed(2)}</text>`;
      }),
    ];
  });
  const legend = series.map(
    (s, i) =>
      `<text x="${WIDTH - MARGIN.right}" y="${MARGIN.top + 14 * (i + 1)}" text-anchor="end" fill="${COLORS[i % COLORS.length] ?? '#000'}">${escapeHtml(s.name)}</text>`,
  );
  return frame(
    title,
    `<line x1="${MARGIN.left}" y1="${MARGIN.top + plotH}" x2="${WIDTH - MARGIN.right}" y2="${MARGIN.top + plotH}" stroke="#999"/>\n${bars.join('\n')}\n${legend.join('\n')}`,
  );
}

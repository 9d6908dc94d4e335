import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One JSON Lines record of a synthetic news corpus. */
export function syntheticRecord(i: number, prefix: string): Record<string, unknown> {
  const topic = ['trade talks', 'oil prices', 'election results', 'football final'][i % 4] ?? '';
  return {
    id: `${prefix}-${i}`,
    lang: 'en',
    source: 'synthetic.example',
    url: `https://synthetic.example/${prefix}/${i}`,
    title: `Report ${i} on ${topic}`,
    body: `Report number ${i} about ${topic}. Delegations met on day ${i % 30}, officials said. `.repeat(
      12,
    ),
    published_at: `2020-01-${String((i % 28) + 1).padStart(2, '0')}T12:00:00Z`,
  };
}

/** Writes `count` synthetic records as a JSON Lines file in `dir`; returns its path. */
export async function writeSyntheticCorpus(
  dir: string,
  name: string,
  count: number,
  extra: string[] = [],
): Promise<string> {
  const path = join(dir, name);
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify(syntheticRecord(i, name.replace(/\W/g, ''))),
  );
  await writeFile(path, `${[...lines, ...extra].join('\n')}\n`);
  return path;
}

/** Writes a command's result: JSON for scripts, or readable lines for people, on stdout. */
export function writeResult(
  result: object,
  options: { json: boolean; lines: () => string[] },
): void {
  const text = options.json ? JSON.stringify(result, null, 2) : options.lines().join('\n');
  process.stdout.write(`${text}\n`);
}

/** Formats a byte count as KB/MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "ru 3, en 2" from counts. */
export function formatCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return entries.length === 0 ? '-' : entries.map(([k, v]) => `${k} ${v}`).join(', ');
}

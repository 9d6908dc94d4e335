/** True when Meilisearch at `url` answers GET /health with status "available". */
export async function isMeilisearchHealthy(url: string, timeoutMs = 1_000): Promise<boolean> {
  try {
    const response = await fetch(new URL('/health', url), {
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return false;
    const body = (await response.json()) as { status?: string };
    return body.status === 'available';
  } catch {
    return false;
  }
}

/**
 * Polls /health until Meilisearch answers or `timeoutMs` passes; `isAlive` lets the caller stop
 * early when the process has already exited.
 */
export async function waitForHealthy(options: {
  url: string;
  timeoutMs: number;
  isAlive: () => boolean;
}): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  let delay = 20;
  while (Date.now() < deadline && options.isAlive()) {
    if (await isMeilisearchHealthy(options.url, 500)) return true;
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 250);
  }
  return false;
}

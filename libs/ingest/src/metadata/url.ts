/** An http(s) URL in normalized form, or null when `value` is not one. */
export function normalizeUrl(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.toString();
  } catch {
    return null;
  }
}

/** The site of a URL without "www.", used as the article's source. */
export function domainOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** The first http(s) URL in a text. */
export function findUrl(text: string): string | null {
  const match = /https?:\/\/[^\s<>"'«»]+/.exec(text);
  return match === null ? null : normalizeUrl(match[0].replace(/[.,;:!?)\]]+$/, ''));
}

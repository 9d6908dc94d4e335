import { isIP } from 'node:net';

/**
 * Express's `trust proxy` setting: false (the socket's address is the client's), the number of
 * reverse proxies in front of the API, or the addresses and subnets of those proxies.
 */
export type TrustProxy = false | number | string[];

/** The address ranges Express (proxy-addr) knows by name. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

const WHY_NOT_TRUE =
  '"true" would trust every X-Forwarded-For entry, and clients write that header themselves: ' +
  'any client could name its own address and escape the rate limit. Set the number of reverse ' +
  'proxies in front of the API (e.g. 1) or their addresses and subnets (e.g. loopback, ' +
  '10.0.0.0/8, 172.17.0.1)';

/** An address (`172.17.0.1`, `::1`), a subnet in CIDR notation (`10.0.0.0/8`) or a range name. */
function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Reads TRUST_PROXY: `false`, a hop count, or a comma-separated list of proxy addresses. With
 * a hop count n, the client's address is the n-th X-Forwarded-For entry from the right, the one
 * the outermost proxy added; entries further left are the client's own and are never believed.
 * Returns the setting, or a message saying what is wrong.
 */
export function parseTrustProxy(value: string): TrustProxy | { problem: string } {
  const text = value.trim().toLowerCase();
  if (text === 'false') return false;
  if (text === 'true') return { problem: WHY_NOT_TRUE };
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  const invalid = entries.filter((entry) => !isProxyAddress(entry));
  if (entries.length === 0 || invalid.length > 0) {
    return {
      problem:
        `${invalid.length > 0 ? `"${invalid.join('", "')}" ` : ''}must be false, the number of ` +
        'reverse proxies in front of the API (e.g. 1), or a comma-separated list of their ' +
        'addresses or subnets (e.g. loopback, 10.0.0.0/8, 172.17.0.1)',
    };
  }
  return entries;
}

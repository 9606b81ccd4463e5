import { isIP } from 'node:net';

/**
 * Which proxies' `X-Forwarded-For` the API believes, in the forms Express's `trust proxy` setting
 * takes: false (the peer's own address is the client; the default), true (every proxy: only
 * behind a proxy that overwrites the header), a number of hops, or the proxies' addresses and
 * subnets (and the names loopback, linklocal, uniquelocal).
 */
export type TrustProxy = boolean | number | readonly string[];

const NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUST_PROXY as text → the setting, or the reason it is not one. */
export function parseTrustProxy(text: string): { value: TrustProxy } | { problem: string } {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === 'false') return { value: false };
  if (trimmed === 'true') return { value: true };
  if (/^\d+$/.test(trimmed)) {
    const hops = Number(trimmed);
    return hops <= 100 ? { value: hops } : { problem: 'a hop count must be at most 100' };
  }
  const entries = trimmed.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isProxyAddress(entry));
  if (bad.length > 0) {
    return {
      problem: `must be true, false, a hop count, or addresses/subnets (e.g. 10.0.0.0/8, loopback) separated by commas; not ${bad.map((b) => JSON.stringify(b)).join(', ')}`,
    };
  }
  return { value: entries };
}

function isProxyAddress(entry: string): boolean {
  if (NAMES.has(entry)) return true;
  const [address, range, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (range === undefined) return true;
  if (/^\d{1,3}$/.test(range)) return Number(range) <= (family === 4 ? 32 : 128);
  // An IPv4 netmask (10.0.0.0/255.0.0.0): contiguous ones.
  if (family !== 4 || isIP(range) !== 4) return false;
  const bits = range.split('.').reduce((word, octet) => (word << 8) | Number(octet), 0) >>> 0;
  const inverted = ~bits >>> 0;
  return (inverted & (inverted + 1)) === 0;
}

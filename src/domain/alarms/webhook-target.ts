/**
 * The SSRF guard of partner webhooks: a target must be http(s), carry no credentials, and (unless private targets are
 * allowed) reach only public addresses — never loopback, private, link-local (cloud metadata at 169.254.169.254), CGNAT,
 * multicast or reserved ranges, in IPv4 or IPv6 (IPv4-mapped IPv6 included). The server checks the URL when it is saved
 * and every resolved address at connection time, so a name that later resolves inside is refused too (DNS rebinding).
 */

/** [first address as a 32-bit number, prefix length] of the IPv4 ranges a webhook may not reach */
const V4_BLOCKED: readonly [string, number][] = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
];
/** IPv6 ranges as [first 16-bit groups, prefix length] */
const V6_BLOCKED: readonly [string, number][] = [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8],
];

/** An IPv4 address in dotted decimal as a number, or null. */
export function parseIpv4(s: string): number | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
    n = n * 256 + Number(p);
  }
  return n;
}

/** An IPv6 address as 8 groups of 16 bits (a dotted IPv4 tail allowed), or null. */
export function parseIpv6(s: string): number[] | null {
  let text = s.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    // a dotted IPv4 tail (::ffff:127.0.0.1) is two groups
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (v4 === null) return null;
    text = `${text.slice(0, lastColon + 1)}${Math.floor(v4 / 65536).toString(16)}:${(v4 % 65536).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  const want = 8;
  if (halves.length === 1 && head.length !== want) return null;
  if (halves.length === 2 && head.length + rest.length > want - 1) return null;
  const all = halves.length === 2 ? [...head, ...Array(want - head.length - rest.length).fill('0'), ...rest] : head;
  const out: number[] = [];
  for (const g of all) {
    if (!/^[0-9a-f]{1,4}$/.test(g)) return null;
    out.push(parseInt(g, 16));
  }
  return out;
}

const inV4 = (n: number, [net, prefix]: readonly [string, number]) => {
  const base = parseIpv4(net)!;
  const size = 2 ** (32 - prefix);
  return Math.floor(n / size) === Math.floor(base / size);
};

const inV6 = (g: number[], [net, prefix]: readonly [string, number]) => {
  const base = parseIpv6(net)!;
  for (let bit = 0; bit < prefix; bit += 16) {
    const take = Math.min(16, prefix - bit);
    const shift = 16 - take;
    if (g[bit / 16]! >> shift !== base[bit / 16]! >> shift) return false;
  }
  return true;
};

/** Whether an IP address (v4 or v6) lies in a range a webhook may not reach; anything that is not an address does. */
export function isPrivateAddress(address: string): boolean {
  const v4 = parseIpv4(address);
  if (v4 !== null) return V4_BLOCKED.some((r) => inV4(v4, r));
  const v6 = parseIpv6(address);
  if (v6 === null) return true;
  // IPv4-mapped (::ffff:a.b.c.d, also written ::ffff:7f00:1): the IPv4 address decides
  if (v6.slice(0, 5).every((x) => x === 0) && v6[5] === 0xffff) return V4_BLOCKED.some((r) => inV4(v6[6]! * 65536 + v6[7]!, r));
  return V6_BLOCKED.some((r) => inV6(v6, r));
}

export type TargetRefusal = 'url' | 'scheme' | 'credentials' | 'private';

const looksLikeIp = (host: string) => parseIpv4(host) !== null || host.includes(':');

/** The refusal of a webhook URL as written (the host's resolved addresses are checked when connecting), or null. */
export function checkTargetUrl(raw: string, allowPrivate: boolean): TargetRefusal | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'url';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'scheme';
  if (url.username || url.password) return 'credentials';
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (looksLikeIp(host)) return isPrivateAddress(host) ? 'private' : null;
  if (host === 'localhost' || host.endsWith('.localhost') || !host.includes('.')) return 'private';
  return null;
}

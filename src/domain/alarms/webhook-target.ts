import { BlockList, isIP } from 'node:net';

/**
 * The SSRF guard of partner webhooks: a target must be http(s), carry no credentials, and (in production) reach only
 * public addresses — never loopback, private, link-local (cloud metadata at 169.254.169.254), CGNAT, multicast or
 * reserved ranges, in IPv4 or IPv6 (IPv4-mapped IPv6 included). The server checks the URL when it is saved and every
 * resolved address at connection time, so a name that later resolves inside is refused too (DNS rebinding).
 */
// two lists: Node's BlockList also matches IPv4 addresses against IPv4-mapped IPv6 rules, so one list with `::ffff:0:0/96`
// would refuse every IPv4 address (mapped IPv6 addresses are unwrapped and checked as IPv4 below instead)
const blocked = new BlockList();
const blocked6 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8],
] as const) blocked6.addSubnet(net, prefix, 'ipv6');

/** Whether an IP address (v4 or v6) lies in a range a webhook may not reach. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1]!, 'ipv4');
    // the same written in hex, as URL parsing normalises it: ::ffff:7f00:1 is 127.0.0.1
    const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
    if (hex) {
      const hi = parseInt(hex[1]!, 16);
      const lo = parseInt(hex[2]!, 16);
      return blocked.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, 'ipv4');
    }
    return blocked6.check(address, 'ipv6');
  }
  return blocked.check(address, 'ipv4');
}

export type TargetRefusal = 'url' | 'scheme' | 'credentials' | 'private';

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
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (allowPrivate) return null;
  if (isIP(host) !== 0) return isPrivateAddress(host) ? 'private' : null;
  if (host === 'localhost' || host.endsWith('.localhost') || !host.includes('.')) return 'private';
  return null;
}

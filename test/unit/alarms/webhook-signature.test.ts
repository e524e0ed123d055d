import { describe, expect, it } from 'vitest';
import { signatureHeader, signatureOf, verifySignature } from '../../../src/server/alarms/webhook-signing.ts';
import { parseSignatureHeader, sameHex } from '../../../src/domain/alarms/webhook-signature.ts';
import { isDelivered, isRetryable, MAX_ATTEMPTS, nextAttemptAt } from '../../../src/domain/alarms/retry-backoff.ts';
import { checkTargetUrl, isPrivateAddress, parseIpv6 } from '../../../src/domain/alarms/webhook-target.ts';

// the expected HMAC was computed apart from the code: printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
const HMAC = '38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789';
const at = new Date(1700000000 * 1000);

describe('webhook signature', () => {
  it('is HMAC-SHA256 of "<t>.<body>" in a t=…,v1=… header', () => {
    expect(signatureOf('whsec_test', 1700000000, '{"a":1}')).toBe(HMAC);
    expect(signatureHeader('whsec_test', new Date(1700000000 * 1000 + 999), '{"a":1}')).toBe(`t=1700000000,v1=${HMAC}`);
  });

  it.each([
    ['the header as sent', `t=1700000000,v1=${HMAC}`, '{"a":1}', at, null],
    ['4 minutes later', `t=1700000000,v1=${HMAC}`, '{"a":1}', new Date(at.getTime() + 240_000), null],
    ['6 minutes later: a replay', `t=1700000000,v1=${HMAC}`, '{"a":1}', new Date(at.getTime() + 360_000), 'stale'],
    ['a changed body', `t=1700000000,v1=${HMAC}`, '{"a":2}', at, 'mismatch'],
    ['a changed timestamp', `t=1700000001,v1=${HMAC}`, '{"a":1}', at, 'mismatch'],
    ['no v1', 't=1700000000', '{"a":1}', at, 'malformed'],
    ['garbage', 'hello', '{"a":1}', at, 'malformed'],
  ] as const)('verifies %s', (_what, header, body, now, expected) => {
    expect(verifySignature(header, 'whsec_test', body, now)).toBe(expected);
  });
});

describe('signature header parts', () => {
  it.each([
    ['t=1,v1=' + 'a'.repeat(64), { t: 1, v1: 'a'.repeat(64) }],
    [' t=5 , v1=' + 'b'.repeat(64) + ' ', { t: 5, v1: 'b'.repeat(64) }],
    ['t=1.5,v1=' + 'a'.repeat(64), null],
    ['t=1,v1=' + 'A'.repeat(64), null],
    ['t=1,v1=abc', null],
    ['', null],
  ])('%j → %j', (header, expected) => {
    expect(parseSignatureHeader(header)).toEqual(expected);
  });
  it.each([['ab', 'ab', true], ['ab', 'ac', false], ['ab', 'abc', false], ['', '', true]])('sameHex(%s, %s) = %s', (a, b, expected) => {
    expect(sameHex(a, b)).toBe(expected);
  });
});

describe('retry backoff', () => {
  const failed = new Date('2026-11-23T01:00:00Z');
  it.each([
    [1, '2026-11-23T01:00:10.000Z'],
    [2, '2026-11-23T01:01:00.000Z'],
    [3, '2026-11-23T01:05:00.000Z'],
    [4, '2026-11-23T01:30:00.000Z'],
    [5, '2026-11-23T03:00:00.000Z'],
    [6, null],
  ])('after attempt %i the next is at %s', (attempts, expected) => {
    expect(nextAttemptAt(attempts, failed)?.toISOString() ?? null).toBe(expected);
  });
  it('six attempts in all; jitter adds at most a tenth of the wait', () => {
    expect(MAX_ATTEMPTS).toBe(6);
    expect(nextAttemptAt(2, failed, 0.5)!.toISOString()).toBe('2026-11-23T01:01:03.000Z');
  });
  it.each([
    [200, true, false], [204, true, false], [301, false, true], [400, false, false], [404, false, false], [408, false, true],
    [429, false, true], [500, false, true], [503, false, true], [null, false, true],
  ] as const)('HTTP %s: delivered %s, retried %s', (status, delivered, retried) => {
    if (status !== null) expect(isDelivered(status)).toBe(delivered);
    expect(isRetryable(status)).toBe(retried);
  });
});

describe('webhook target (SSRF guard)', () => {
  it.each([
    ['127.0.0.1', true], ['127.9.9.9', true], ['10.0.0.1', true], ['172.16.5.5', true], ['172.32.0.1', false], ['192.168.1.1', true],
    ['169.254.169.254', true], ['100.64.0.1', true], ['0.0.0.0', true], ['224.0.0.1', true], ['8.8.8.8', false], ['114.114.114.114', false],
    ['::1', true], ['::', true], ['fe80::1', true], ['fd00::1', true], ['::ffff:127.0.0.1', true], ['::ffff:8.8.8.8', false], ['::ffff:7f00:1', true], ['::ffff:808:808', false],
    ['2400:3200::1', false], ['not an ip', true],
  ])('%s is private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it.each([
    ['https://partner.example.com/hook', false, null],
    ['http://partner.example.com:8080/hook', false, null],
    ['https://8.8.8.8/hook', false, null],
    ['http://127.0.0.1/hook', false, 'private'],
    ['http://[::1]:80/', false, 'private'],
    ['http://localhost:3000/', false, 'private'],
    ['http://intranet/', false, 'private'],
    ['http://169.254.169.254/latest/meta-data/', false, 'private'],
    ['http://[::ffff:127.0.0.1]/', false, 'private'],
    ['http://[::ffff:8.8.8.8]/', false, null],
    ['http://0x7f000001/', false, 'private'],
    ['http://2130706433/', false, 'private'],
    ['http://127.0.0.1/hook', true, null],
    ['ftp://example.com/', false, 'scheme'],
    ['file:///etc/passwd', true, 'scheme'],
    ['https://u:p@example.com/', false, 'credentials'],
    ['not a url', false, 'url'],
  ] as const)('%s (private allowed: %s) → %s', (url, allowPrivate, expected) => {
    expect(checkTargetUrl(url, allowPrivate)).toBe(expected);
  });
});

describe('IPv6 parsing', () => {
  it.each([
    ['::', [0, 0, 0, 0, 0, 0, 0, 0]],
    ['::1', [0, 0, 0, 0, 0, 0, 0, 1]],
    ['fe80::1%eth0', [0xfe80, 0, 0, 0, 0, 0, 0, 1]],
    ['2001:db8:0:0:1:0:0:1', [0x2001, 0xdb8, 0, 0, 1, 0, 0, 1]],
    ['::ffff:127.0.0.1', [0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]],
    ['1::2::3', null],
    ['1:2:3', null],
    ['12345::', null],
  ])('%s → %j', (s, expected) => {
    expect(parseIpv6(s)).toEqual(expected);
  });
});

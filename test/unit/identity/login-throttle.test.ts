import { describe, expect, it } from 'vitest';
import { decideLoginThrottle, DEFAULT_THROTTLE } from '../../../src/domain/identity/login-throttle.ts';

const now = new Date('2026-11-23T10:00:00Z');
const ago = (min: number) => new Date(now.getTime() - min * 60_000);
const times = (n: number, minutesAgo: number) => Array.from({ length: n }, () => ago(minutesAgo));

describe('decideLoginThrottle', () => {
  it.each([
    ['no failures', [], [], true],
    ['4 account failures', times(4, 1), times(4, 1), true],
    ['5 account failures in the window', times(5, 1), times(5, 1), false],
    ['5 account failures, all outside the window', times(5, 16), times(5, 16), true],
    ['29 ip failures over many accounts', [], times(29, 2), true],
    ['30 ip failures', [], times(30, 2), false],
  ])('%s', (_name, account, ip, allowed) => {
    expect(decideLoginThrottle({ account, ip }, now).allowed).toBe(allowed);
  });

  it('says how long to wait: until the oldest counted failure leaves the window', () => {
    const d = decideLoginThrottle({ account: [ago(10), ago(3), ago(2), ago(1), ago(0.5)], ip: [] }, now);
    expect(d).toEqual({ allowed: false, retryAfterSeconds: (DEFAULT_THROTTLE.windowMs - 10 * 60_000) / 1000 });
  });
});

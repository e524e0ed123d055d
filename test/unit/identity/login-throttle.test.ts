import { describe, expect, it } from 'vitest';
import { decideLoginThrottle, isAccountLocked } from '../../../src/domain/identity/login-throttle.ts';

const now = new Date('2026-11-23T10:00:00Z');
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);
const times = (n: number, s: number) => Array.from({ length: n }, () => secondsAgo(s));
/** n failures, one every `every` seconds, the newest `newest` seconds ago, oldest first */
const spread = (n: number, every: number, newest: number) => Array.from({ length: n }, (_, i) => secondsAgo(newest + (n - 1 - i) * every));

// Expected answers from the product's promise: an account is locked for 15 minutes after 5 failures; an address may
// fail 10 times freely, then waits 2 s, 4 s, 8 s, 16 s, and at most 30 s after its newest failure, never longer.
describe('decideLoginThrottle', () => {
  it.each([
    ['no failures', [], [], null],
    ['4 account failures', times(4, 60), times(4, 60), null],
    ['5 account failures a minute ago: locked for the 14 minutes left', times(5, 60), times(5, 60), ['account', 14 * 60]],
    ['5 account failures, all outside the window', times(5, 16 * 60), times(5, 16 * 60), null],
    ['5 account failures from five addresses', times(5, 60), [], ['account', 14 * 60]],
    ['9 address failures, made-up names', [], times(9, 0), null],
    ['10 address failures just now: 2 s', [], times(10, 0), ['address', 2]],
    ['10 address failures, the newest 2 s ago', [], times(10, 2), null],
    ['11 address failures just now: 4 s', [], times(11, 0), ['address', 4]],
    ['13 address failures just now: 16 s', [], times(13, 0), ['address', 16]],
    ['14 address failures just now: 30 s, the most', [], times(14, 0), ['address', 30]],
    ['1000 address failures just now: still 30 s', [], times(1000, 0), ['address', 30]],
    ['1000 address failures, the newest 30 s ago', [], times(1000, 30), null],
    ['one failure every 30 s for 15 minutes: never a lockout', [], spread(30, 30, 30), null],
    ['10 address failures outside the window', [], times(10, 15 * 60), null],
    ['a locked account behind a slowed address: the longer wait', times(5, 60), times(20, 0), ['account', 14 * 60]],
    ['a slowed address, 4 account failures', times(4, 1), times(12, 1), ['address', 7]],
  ] as const)('%s', (_name, account, ip, refused) => {
    expect(decideLoginThrottle({ account, ip }, now)).toEqual(
      refused ? { allowed: false, limit: refused[0], retryAfterSeconds: refused[1] } : { allowed: true },
    );
  });

  it('waits until the oldest of the last five account failures leaves the window', () => {
    const d = decideLoginThrottle({ account: [secondsAgo(600), secondsAgo(180), secondsAgo(120), secondsAgo(60), secondsAgo(30)], ip: [] }, now);
    expect(d).toEqual({ allowed: false, limit: 'account', retryAfterSeconds: 5 * 60 });
  });
});

describe('isAccountLocked', () => {
  it.each([[0, false], [4, false], [5, true], [9, true]])('%i failures in the window: %s', (n, locked) => {
    expect(isAccountLocked(n)).toBe(locked);
  });
});

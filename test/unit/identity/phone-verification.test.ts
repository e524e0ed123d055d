import { describe, expect, it } from 'vitest';
import {
  checkCode, decideCodeCheck, decideCodeSend, formatCode, homeGridOf, isMobileNumber,
} from '../../../src/domain/identity/phone-verification.ts';

const now = new Date('2026-11-23T10:00:00Z');
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);
const times = (n: number, s: number) => Array.from({ length: n }, () => secondsAgo(s));
/** n times, one every `every` seconds, the newest `newest` seconds ago, oldest first */
const spread = (n: number, every: number, newest: number) => Array.from({ length: n }, (_, i) => secondsAgo(newest + (n - 1 - i) * every));

// Expected answers from the product's promise: one code a minute to a number and 5 an hour; an address sends 20 an
// hour freely, then waits 5 s, 10 s, 20 s … at most 60 s after its newest send.
describe('decideCodeSend', () => {
  it.each([
    ['the first code', [], [], null],
    ['again 30 s after the last: wait the 30 s left', [secondsAgo(30)], [secondsAgo(30)], ['resend', 30]],
    ['again 60 s after the last', [secondsAgo(60)], [secondsAgo(60)], null],
    ['a fifth code within the hour', spread(4, 300, 60), spread(4, 300, 60), null],
    ['a sixth code within the hour: the number waits until the oldest leaves the hour', spread(5, 300, 60), [], ['phone', 60 * 60 - 60 - 4 * 300]],
    ['five codes, all older than an hour', spread(5, 60, 3700), [], null],
    ['20 codes from one address to other numbers', [], times(19, 120), null],
    ['21st code from one address just after the 20th: 5 s', [], times(20, 0.5), ['address', 5]],
    ['23rd code: 20 s', [], times(22, 0.5), ['address', 20]],
    ['200 codes from one address: at most 60 s', [], times(200, 0.5), ['address', 60]],
  ] as const)('%s', (_name, phone, ip, refused) => {
    expect(decideCodeSend({ account: phone, ip }, now)).toEqual(
      refused ? { allowed: false, limit: refused[0], retryAfterSeconds: refused[1] } : { allowed: true },
    );
  });
});

describe('decideCodeCheck', () => {
  it.each([
    ['no wrong codes', [], [], null],
    ['4 wrong codes for the number', times(4, 60), times(4, 60), null],
    ['5 wrong codes a minute ago: the number is locked for the 14 minutes left', times(5, 60), [], ['phone', 14 * 60]],
    ['10 wrong codes from one address for other numbers: 2 s', [], times(10, 0), ['address', 2]],
  ] as const)('%s', (_name, phone, ip, refused) => {
    expect(decideCodeCheck({ account: phone, ip }, now)).toEqual(
      refused ? { allowed: false, limit: refused[0], retryAfterSeconds: refused[1] } : { allowed: true },
    );
  });
});

describe('checkCode', () => {
  const issued = (sentSecondsAgo: number, attempts = 0, usedAt: Date | null = null) => ({ sentAt: secondsAgo(sentSecondsAgo), attempts, usedAt });
  it.each([
    ['the right code, just sent', issued(5), true, null],
    ['the right code, 9 min 59 s old', issued(599), true, null],
    ['the right code, 10 min old: expired', issued(600), true, 'expired'],
    ['a wrong code', issued(5), false, 'wrong'],
    ['the right code after 2 wrong tries', issued(5, 2), true, null],
    ['the right code after 3 wrong tries: void', issued(5, 3), true, 'used_up'],
    ['a code already used', issued(5, 0, secondsAgo(1)), true, 'none'],
    ['no code was sent', null, true, 'none'],
  ] as const)('%s', (_name, latest, matches, refusal) => {
    expect(checkCode(latest, matches, now)).toBe(refusal);
  });
});

describe('home grid', () => {
  it.each([
    ['a pin inside a grid', { location: true, gridId: null }, 'g1', null, { gridId: 'g1' }],
    ['a pin wins over a picked grid', { location: true, gridId: 'g2' }, 'g1', { id: 'g2', locatable: true }, { gridId: 'g1' }],
    ['a pin outside every grid', { location: true, gridId: null }, null, null, { refusal: 'outside_grids' }],
    ['a picked grid with a boundary', { location: false, gridId: 'g2' }, null, { id: 'g2', locatable: true }, { gridId: 'g2' }],
    ['a picked community (no boundary the locator knows)', { location: false, gridId: 'c1' }, null, { id: 'c1', locatable: false }, { refusal: 'not_a_grid' }],
    ['a picked id that does not exist', { location: false, gridId: 'x' }, null, null, { refusal: 'not_a_grid' }],
    ['neither pin nor grid', { location: false, gridId: null }, null, null, { refusal: 'no_place' }],
  ] as const)('%s', (_name, choice, located, picked, expected) => {
    expect(homeGridOf(choice, located, picked)).toEqual(expected);
  });
});

describe('numbers and codes', () => {
  it.each([
    ['13800001111', true], ['19912345678', true], ['12800001111', false], ['1380000111', false], ['023-68881234', false], ['138000011112', false],
  ])('%s is a mobile number: %s', (n, ok) => expect(isMobileNumber(n)).toBe(ok));
  it.each([[0, '000000'], [42, '000042'], [123456, '123456'], [1_234_567, '234567']])('%s gives %s', (r, code) => expect(formatCode(r)).toBe(code));
});

// Resident self-registration (居民注册): a mobile number proved by a code sent to it by SMS, and a home grid chosen by
// a pin on the map or by picking a grid found by its name. Plain rules, no I/O, no clock of their own. The throttles
// are the sign-in throttle's rule (`decideLoginThrottle`) with policies of their own: a PHONE plays the account's part
// (a hard limit: nobody floods one number, nobody guesses one number's code), an ADDRESS is only slowed down (many
// people may share one).
import { decideLoginThrottle, type RecentFailures, type ThrottleDecision, type ThrottlePolicy } from './login-throttle.ts';

/** Mainland mobile numbers (13x–19x, 11 digits): the only ones SMS codes are sent to. */
export const MOBILE_PATTERN = '^1[3-9][0-9]{9}$';
const MOBILE = new RegExp(MOBILE_PATTERN);
export const isMobileNumber = (s: string): boolean => MOBILE.test(s);

export const CODE_LENGTH = 6;

export interface CodePolicy {
  /** how long a code holds after it is sent */
  ttlMs: number;
  /** wrong tries of one code, after which it is void (a new one must be asked for) */
  maxAttempts: number;
  /** the least time between two codes sent to one number */
  resendAfterMs: number;
  /** codes sent: at most `maxFailuresPerAccount` to one number within the window; an address slowed down past its free sends */
  sends: ThrottlePolicy;
  /** wrong codes: one number locked after `maxFailuresPerAccount` within the window; an address slowed down past its free ones */
  checks: ThrottlePolicy;
}

export const DEFAULT_CODE_POLICY: CodePolicy = {
  ttlMs: 10 * 60_000,
  maxAttempts: 3,
  resendAfterMs: 60_000,
  sends: { windowMs: 60 * 60_000, maxFailuresPerAccount: 5, freeFailuresPerAddress: 20, addressDelayMs: 5_000, maxAddressDelayMs: 60_000 },
  checks: { windowMs: 15 * 60_000, maxFailuresPerAccount: 5, freeFailuresPerAddress: 10, addressDelayMs: 2_000, maxAddressDelayMs: 30_000 },
};

export type SendDecision = { allowed: true } | { allowed: false; limit: 'resend' | 'phone' | 'address'; retryAfterSeconds: number };

const asPhone = (d: Extract<ThrottleDecision, { allowed: false }>): SendDecision =>
  ({ allowed: false, limit: d.limit === 'account' ? 'phone' : 'address', retryAfterSeconds: d.retryAfterSeconds });

/**
 * May a code be sent to this number from this address now? `recent` holds the times of codes sent to the number
 * (`account`) and from the address (`ip`), oldest first. Not within `resendAfterMs` of the number's last code; then the
 * sign-in throttle's rule with the sends policy.
 */
export function decideCodeSend(recent: RecentFailures, now: Date, policy: CodePolicy = DEFAULT_CODE_POLICY): SendDecision {
  const last = recent.account[recent.account.length - 1];
  if (last && now.getTime() - last.getTime() < policy.resendAfterMs) {
    return { allowed: false, limit: 'resend', retryAfterSeconds: Math.ceil((last.getTime() + policy.resendAfterMs - now.getTime()) / 1000) };
  }
  const d = decideLoginThrottle(recent, now, policy.sends);
  return d.allowed ? d : asPhone(d);
}

/** May a code be checked for this number from this address now? `recent`: the wrong codes of the number and of the address. */
export function decideCodeCheck(recent: RecentFailures, now: Date, policy: CodePolicy = DEFAULT_CODE_POLICY): SendDecision {
  const d = decideLoginThrottle(recent, now, policy.checks);
  return d.allowed ? d : asPhone(d);
}

/** The number's latest code, as the store keeps it (its value only as a keyed hash). */
export interface IssuedCode {
  sentAt: Date;
  /** wrong tries so far */
  attempts: number;
  usedAt: Date | null;
}

export type CodeRefusal = 'none' | 'expired' | 'used_up' | 'wrong';

/**
 * Whether the code given proves the number: the number's latest code, unused, not expired, tried fewer than
 * `maxAttempts` times, and equal (`matches`, compared by the caller on keyed hashes). Only the latest code counts.
 */
export function checkCode(latest: IssuedCode | null, matches: boolean, now: Date, policy: CodePolicy = DEFAULT_CODE_POLICY): CodeRefusal | null {
  if (!latest || latest.usedAt) return 'none';
  if (now.getTime() - latest.sentAt.getTime() >= policy.ttlMs) return 'expired';
  if (latest.attempts >= policy.maxAttempts) return 'used_up';
  return matches ? null : 'wrong';
}

/** A code of `CODE_LENGTH` digits from a random integer (the caller draws it from a CSPRNG). */
export function formatCode(random: number): string {
  return String(Math.abs(Math.trunc(random)) % 10 ** CODE_LENGTH).padStart(CODE_LENGTH, '0');
}

export type HomeGridRefusal = 'no_place' | 'outside_grids' | 'not_a_grid';

/**
 * The home grid of a new resident: the grid holding the pin (`located`, the locator's answer for `location`) when a
 * pin was put; else the grid picked from the search (`picked`), which must be a grid the locator knows (one with a
 * boundary: a grid or a dedicated grid). The pin wins: it is where the home is.
 */
export function homeGridOf(
  choice: { location: boolean; gridId: string | null },
  located: string | null,
  picked: { id: string; locatable: boolean } | null,
): { gridId: string } | { refusal: HomeGridRefusal } {
  if (choice.location) return located ? { gridId: located } : { refusal: 'outside_grids' };
  if (choice.gridId === null) return { refusal: 'no_place' };
  return picked && picked.id === choice.gridId && picked.locatable ? { gridId: picked.id } : { refusal: 'not_a_grid' };
}

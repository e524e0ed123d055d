/**
 * Password-check throttling: an ACCOUNT is locked after a few failures, an ADDRESS is only slowed down, because many
 * people may share one (a NAT, or a proxy seen as one address), and made-up usernames must never lock a real account.
 */
export interface ThrottlePolicy {
  /** how long a failure counts */
  windowMs: number;
  /** failures of one account name within the window that lock it until the oldest of them leaves the window */
  maxFailuresPerAccount: number;
  /** failures from one address within the window before it is slowed down */
  freeFailuresPerAddress: number;
  /** after the free failures, the wait after an address's newest failure: this, doubled for each further failure */
  addressDelayMs: number;
  /** the longest such wait: one check per this long is what a busy address keeps */
  maxAddressDelayMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  maxFailuresPerAccount: 5,
  freeFailuresPerAddress: 10,
  addressDelayMs: 2_000,
  maxAddressDelayMs: 30_000,
};

export interface RecentFailures {
  /** times of failed password checks for this account name within the window, oldest first */
  account: readonly Date[];
  /** times of failed password checks from this address within the window, oldest first */
  ip: readonly Date[];
}

export type ThrottleLimit = 'account' | 'address';
export type ThrottleDecision = { allowed: true } | { allowed: false; limit: ThrottleLimit; retryAfterSeconds: number };

/** Whether an account with this many failures within the window is locked. */
export const isAccountLocked = (failuresInWindow: number, policy: ThrottlePolicy = DEFAULT_THROTTLE): boolean =>
  failuresInWindow >= policy.maxFailuresPerAccount;

/** Decides whether a password may be checked at all, from the recent failures of the account name and the address. */
export function decideLoginThrottle(
  failures: RecentFailures,
  now: Date,
  policy: ThrottlePolicy = DEFAULT_THROTTLE,
): ThrottleDecision {
  const inWindow = (times: readonly Date[]) => times.filter((t) => now.getTime() - t.getTime() < policy.windowMs);

  const account = inWindow(failures.account);
  // locked until the oldest of the last `max` failures leaves the window
  const accountUntil = isAccountLocked(account.length, policy)
    ? account[account.length - policy.maxFailuresPerAccount]!.getTime() + policy.windowMs
    : 0;

  const address = inWindow(failures.ip);
  const beyond = address.length - policy.freeFailuresPerAddress;
  const addressUntil = beyond >= 0
    ? address[address.length - 1]!.getTime() + Math.min(policy.maxAddressDelayMs, policy.addressDelayMs * 2 ** Math.min(beyond, 30))
    : 0;

  const until = Math.max(accountUntil, addressUntil);
  if (until <= now.getTime()) return { allowed: true };
  return {
    allowed: false,
    limit: accountUntil >= addressUntil ? 'account' : 'address',
    retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000),
  };
}

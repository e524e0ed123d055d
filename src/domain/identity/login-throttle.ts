export interface ThrottlePolicy {
  windowMs: number;
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  maxFailuresPerAccount: 5,
  maxFailuresPerIp: 30,
};

export interface RecentFailures {
  /** times of failed logins for this account name within the window, oldest first */
  account: readonly Date[];
  /** times of failed logins from this address within the window, oldest first */
  ip: readonly Date[];
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Decides whether a login attempt may be checked at all, from the recent failures. */
export function decideLoginThrottle(
  failures: RecentFailures,
  now: Date,
  policy: ThrottlePolicy = DEFAULT_THROTTLE,
): ThrottleDecision {
  const blockedUntil = (times: readonly Date[], max: number): number | null => {
    const recent = times.filter((t) => now.getTime() - t.getTime() < policy.windowMs);
    if (recent.length < max) return null;
    const pivot = recent[recent.length - max];
    return pivot ? pivot.getTime() + policy.windowMs : null;
  };
  const until = Math.max(
    blockedUntil(failures.account, policy.maxFailuresPerAccount) ?? 0,
    blockedUntil(failures.ip, policy.maxFailuresPerIp) ?? 0,
  );
  if (until <= now.getTime()) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000) };
}

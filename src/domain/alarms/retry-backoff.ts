/**
 * When a webhook delivery that failed is tried again: the waits grow (10 s, 1 min, 5 min, 30 min, 2 h), so a partner
 * down for a moment gets the alarm within seconds and one down for hours is not hammered; after the last wait the
 * delivery has failed for good (and the care order's timeline says so).
 */
export const RETRY_WAITS_SEC = [10, 60, 300, 1800, 7200] as const;
export const MAX_ATTEMPTS = RETRY_WAITS_SEC.length + 1;

/**
 * The instant of the next attempt after `attempts` attempts (counting the one that just failed), or null when none is
 * left. A small jitter (0–10 % of the wait, from `random` in [0, 1)) keeps a partner coming back from facing every
 * node's retries in the same second.
 */
export function nextAttemptAt(attempts: number, failedAt: Date, random = 0): Date | null {
  if (attempts < 1) return failedAt;
  const wait = RETRY_WAITS_SEC[attempts - 1];
  if (wait === undefined) return null;
  return new Date(failedAt.getTime() + Math.round(wait * 1000 * (1 + Math.min(Math.max(random, 0), 0.999) * 0.1)));
}

/** Whether an HTTP answer counts as delivered (2xx); a 3xx is not followed (a redirect could lead anywhere). */
export const isDelivered = (status: number): boolean => status >= 200 && status < 300;

/** Whether trying again can help: a 4xx other than 408 and 429 says the partner refuses this payload. */
export const isRetryable = (status: number | null): boolean =>
  status === null || status >= 500 || status === 408 || status === 429 || (status >= 300 && status < 400);

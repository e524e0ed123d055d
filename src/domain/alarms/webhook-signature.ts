import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How a partner knows a webhook came from us (the scheme of Stripe's and GitHub's webhooks): the header
 * `X-Zhizhi-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the webhook's secret>`.
 * The timestamp inside the signed text lets the partner refuse a replay older than a few minutes.
 */
export const SIGNATURE_HEADER = 'x-zhizhi-signature';

export function signatureOf(secret: string, timestampSec: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestampSec}.${body}`).digest('hex');
}

export function signatureHeader(secret: string, at: Date, body: string): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${signatureOf(secret, t, body)}`;
}

export type SignatureRefusal = 'malformed' | 'stale' | 'mismatch';

/**
 * What a partner runs (and our tests do): the header checked against the raw body, the secret and the partner's
 * clock; null when it verifies. `toleranceSec`: how old (or how far ahead) the timestamp may be.
 */
export function verifySignature(header: string, secret: string, body: string, now: Date, toleranceSec = 300): SignatureRefusal | null {
  const parts = new Map(header.split(',').map((p) => {
    const i = p.indexOf('=');
    return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
  }));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(v1)) return 'malformed';
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSec) return 'stale';
  const expected = Buffer.from(signatureOf(secret, t, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(v1, 'hex')) ? null : 'mismatch';
}

/**
 * How a partner knows a webhook came from us (the scheme of Stripe's and GitHub's webhooks): the header
 * `X-Zhizhi-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the webhook's secret>`.
 * The timestamp inside the signed text lets the partner refuse a replay older than a few minutes. The HMAC itself is
 * computed by the server (src/server/alarms/webhook-signing.ts); these are the rules around it.
 */
export const SIGNATURE_HEADER = 'x-zhizhi-signature';

/** The text that is signed. */
export const signedText = (timestampSec: number, body: string): string => `${timestampSec}.${body}`;

export const timestampOf = (at: Date): number => Math.floor(at.getTime() / 1000);

export const formatSignatureHeader = (timestampSec: number, hex: string): string => `t=${timestampSec},v1=${hex}`;

export type SignatureRefusal = 'malformed' | 'stale' | 'mismatch';

/** The header's timestamp and signature, or null when it is not of the form t=<integer>,v1=<64 hex>. */
export function parseSignatureHeader(header: string): { t: number; v1: string } | null {
  const parts = new Map(header.split(',').map((p) => {
    const i = p.indexOf('=');
    return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
  }));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  return Number.isInteger(t) && /^[0-9a-f]{64}$/.test(v1) ? { t, v1 } : null;
}

/** Compares two hex strings in time that does not depend on where they differ. */
export function sameHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * What a partner checks (and our tests do): a parsed header against the HMAC it computes for the header's timestamp,
 * and its clock; null when it verifies. `toleranceSec`: how old (or how far ahead) the timestamp may be.
 */
export function checkSignature(
  parsed: { t: number; v1: string } | null, expectedHex: (t: number) => string, now: Date, toleranceSec = 300,
): SignatureRefusal | null {
  if (!parsed) return 'malformed';
  if (Math.abs(now.getTime() / 1000 - parsed.t) > toleranceSec) return 'stale';
  return sameHex(expectedHex(parsed.t), parsed.v1) ? null : 'mismatch';
}

import { createHmac } from 'node:crypto';
import {
  checkSignature, formatSignatureHeader, parseSignatureHeader, signedText, timestampOf, type SignatureRefusal,
} from '../../domain/alarms/webhook-signature.ts';

/** The HMAC-SHA256 (hex) of a webhook body at a timestamp, with the webhook's secret. */
export function signatureOf(secret: string, timestampSec: number, body: string): string {
  return createHmac('sha256', secret).update(signedText(timestampSec, body)).digest('hex');
}

/** The X-Zhizhi-Signature header of a body sent at `at`. */
export function signatureHeader(secret: string, at: Date, body: string): string {
  const t = timestampOf(at);
  return formatSignatureHeader(t, signatureOf(secret, t, body));
}

/** What a partner runs to verify a delivery (the tests do the same). */
export function verifySignature(header: string, secret: string, body: string, now: Date, toleranceSec = 300): SignatureRefusal | null {
  return checkSignature(parseSignatureHeader(header), (t) => signatureOf(secret, t, body), now, toleranceSec);
}

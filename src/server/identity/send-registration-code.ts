import { randomInt } from 'node:crypto';
import type { Db } from '../platform/db/db.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { DEFAULT_CODE_POLICY, decideCodeSend, formatCode, isMobileNumber } from '../../domain/identity/phone-verification.ts';
import { maskPhone } from '../../domain/identity/personal-data.ts';
import { appendAudit, audit } from '../audit/audit-log.ts';
import type { SmsSender } from './sms-sender.ts';
import { notMobile, phoneTaken, smsFailed, smsUnavailable, throttled } from './registration-refusals.ts';
import * as store from './registration-store.ts';

export interface CodeRequest {
  phone: string;
  ip: string;
  now: Date;
}

/** The keyed hash of a code, bound to its number: a copy of the table reveals neither. */
export const codeHash = (pii: PiiCipher, phoneHash: string, code: string) => pii.lookupHash(`register:${phoneHash}:${code}`);

/**
 * Sends a registration code to a mobile number not registered yet: throttled per number (one a minute, five an hour)
 * and per address (slowed down past twenty an hour), under locks on both, so parallel requests on any node cannot
 * exceed the rule. The code is kept as a keyed hash only; the send, or its refusal, is audited with the number masked.
 * A code the gateway did not take is forgotten, so it neither holds nor counts against the number.
 */
export async function sendRegistrationCode(db: Db, pii: PiiCipher, sms: SmsSender | null, r: CodeRequest): Promise<{ expiresAt: Date; resendAt: Date }> {
  if (!sms) throw smsUnavailable();
  if (!isMobileNumber(r.phone)) throw notMobile();
  const phoneHash = pii.lookupHash(r.phone);
  const actor = { at: r.now, actorId: null, actorName: maskPhone(r.phone), ip: r.ip, action: 'account.register_code' };
  const code = formatCode(randomInt(0, 10 ** 6));
  const outcome = await db.transaction(async (tx) => {
    await store.lockPhoneAndAddress(tx, phoneHash, r.ip);
    const since = new Date(r.now.getTime() - DEFAULT_CODE_POLICY.sends.windowMs);
    const decision = decideCodeSend(await store.recentSends(tx, phoneHash, r.ip, since), r.now);
    if (!decision.allowed) {
      await appendAudit(tx, { ...actor, success: false, detail: { reason: 'throttled', limit: decision.limit } });
      return { refused: throttled(decision, 'send') };
    }
    if (await store.findAccountByPhoneHash(tx, phoneHash)) {
      await appendAudit(tx, { ...actor, success: false, detail: { reason: 'phone taken' } });
      return { refused: phoneTaken() };
    }
    await store.pruneVerification(tx, since, new Date(r.now.getTime() - DEFAULT_CODE_POLICY.checks.windowMs));
    const id = await store.insertCode(tx, { phoneHash, codeHash: codeHash(pii, phoneHash, code), ip: r.ip, sentAt: r.now });
    await appendAudit(tx, { ...actor, success: true });
    return { id };
  });
  if ('refused' in outcome) throw outcome.refused;
  const minutes = DEFAULT_CODE_POLICY.ttlMs / 60_000;
  try {
    await sms.send({
      to: r.phone, template: 'register_code', params: { code, minutes },
      text: `【智治】您的注册验证码是 ${code}，${minutes} 分钟内有效。如非本人操作，请忽略本短信。`,
    });
  } catch (err) {
    await db.transaction(async (tx) => { await store.deleteCode(tx, outcome.id); });
    await audit(db, { ...actor, success: false, detail: { reason: 'gateway', error: (err as Error).message.slice(0, 200) } });
    throw smsFailed();
  }
  return { expiresAt: new Date(r.now.getTime() + DEFAULT_CODE_POLICY.ttlMs), resendAt: new Date(r.now.getTime() + DEFAULT_CODE_POLICY.resendAfterMs) };
}

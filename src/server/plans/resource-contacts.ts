import type { PiiCipher } from '../platform/pii-cipher.ts';
import { isSealed } from '../platform/pii-cipher.ts';
import { maskPhone } from '../../domain/registry/mask.ts';
import type { PlanBody } from '../../shared/plans.ts';

/*
 * A plan's resource contact phones are personal data: the stored body (plan_versions.body, and an incident's snapshot)
 * holds them sealed (app.pii), a reader sees them masked (138****1234), a plan editor or commander whole (audited by
 * the caller).
 */

/** The body as stored: every contact phone sealed (one sealed already stays as it is). */
export function sealContacts<B extends Pick<PlanBody, 'resources'>>(body: B, pii: PiiCipher): B {
  return {
    ...body,
    resources: body.resources.map((r) => ({
      ...r,
      contactPhone: r.contactPhone === null || isSealed(r.contactPhone) ? r.contactPhone : pii.encrypt(r.contactPhone.trim()),
    })),
  };
}

/**
 * The body as shown: phones opened, masked when `mask` (a phone sealed with another key, after a restore without it,
 * reads as null — never a 500, never the sealed text).
 */
export function openContacts<B extends Pick<PlanBody, 'resources'>>(body: B, pii: PiiCipher, o: { mask: boolean }): B {
  return {
    ...body,
    resources: body.resources.map((r) => {
      if (r.contactPhone === null) return r;
      const plain = isSealed(r.contactPhone) ? pii.tryDecrypt(r.contactPhone) : r.contactPhone;
      return { ...r, contactPhone: plain === null ? null : o.mask ? maskPhone(plain) : plain };
    }),
  };
}

/** Whether the body carries any contact phone (an unmasked read of none is not audited). */
export const hasContacts = (body: Pick<PlanBody, 'resources'>): boolean => body.resources.some((r) => r.contactPhone !== null);

/**
 * The stored (sealed) body for a save whose phones may be the masked forms the editor was shown before: a masked phone
 * the editor sent back unchanged keeps the phone stored for the same resource key.
 */
export function keepUnchangedContacts(next: PlanBody, previous: PlanBody | null, pii: PiiCipher): PlanBody {
  if (!previous) return next;
  const before = new Map(previous.resources.map((r) => [r.key, r.contactPhone]));
  return {
    ...next,
    resources: next.resources.map((r) => {
      const sealed = before.get(r.key);
      if (r.contactPhone === null || !r.contactPhone.includes('*') || !sealed) return r;
      const plain = isSealed(sealed) ? pii.tryDecrypt(sealed) : sealed;
      return plain !== null && maskPhone(plain) === r.contactPhone ? { ...r, contactPhone: sealed } : r;
    }),
  };
}

import { randomInt, timingSafeEqual } from 'node:crypto';
import type { Db, Tx } from '../platform/db/db.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import type { Locator } from '../../domain/org/locator.ts';
import { checkAccountFields } from '../../domain/identity/account-input.ts';
import { checkPasswordPolicy } from '../../domain/identity/password-policy.ts';
import { checkCode, decideCodeCheck, DEFAULT_CODE_POLICY, homeGridOf, isMobileNumber } from '../../domain/identity/phone-verification.ts';
import { maskPhone } from '../../domain/identity/personal-data.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { AppError } from '../platform/errors.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { newToken, tokenHash } from './tokens.ts';
import { insertSession } from './store.ts';
import { accountProblems } from './account-refusals.ts';
import { codeHash } from './send-registration-code.ts';
import { codeRefused, homeGridRefused, notMobile, phoneTaken, throttled, weakPassword } from './registration-refusals.ts';
import * as store from './registration-store.ts';

export interface Registration {
  phone: string;
  code: string;
  name: string;
  password: string;
  /** building, unit, room: as the resident writes it */
  address: string;
  /** the home on the map: its grid is the home grid */
  location: { lng: number; lat: number } | null;
  /** without a pin: the grid picked from the address search */
  gridId: string | null;
  ip: string;
  userAgent: string | null;
  idempotencyKey: string | null;
  now: Date;
  ttlSeconds: number;
}

export interface Registered { accountId: string; token: string; expiresAt: Date; replayed: boolean }

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
/** usernames of self-registered residents: 居民 + 8 digits; they sign in with their phone number anyway */
const residentUsername = () => `jm${randomInt(10_000_000, 100_000_000)}`;

/**
 * Registers a resident: the number proved by its latest code (wrong codes throttled per number and per address, under
 * locks on both), a name, a password of the password policy, the home address sealed, and the home grid from the pin
 * (the grid locator) or the grid picked. The account, the code's use, a session and the audit entries are written in
 * one transaction; each refusal is audited (the number masked). A retry with the same Idempotency-Key and password
 * signs in to the account it created.
 */
export async function registerResident(db: Db, pii: PiiCipher, locator: Locator, r: Registration): Promise<Registered> {
  if (!isMobileNumber(r.phone)) throw notMobile();
  const problems = checkAccountFields({ name: r.name });
  if (problems.length) throw accountProblems(problems);
  const weak = checkPasswordPolicy(r.password);
  if (weak) throw weakPassword(weak);
  const phoneHash = pii.lookupHash(r.phone);
  const actor = { at: r.now, actorId: null, actorName: maskPhone(r.phone), ip: r.ip, action: 'account.register' };

  if (r.idempotencyKey) {
    const first = await store.findAccountByPhoneHash(db, phoneHash);
    if (first && first.idempotency_key === r.idempotencyKey && !first.disabled_at && (await verifyPassword(r.password, first.password_hash))) {
      return { ...(await openSession(db, first.id, first.username, r)), accountId: first.id, replayed: true };
    }
  }

  const home = homeGridOf(
    { location: r.location !== null, gridId: r.gridId },
    r.location ? locator.locate(r.location.lng, r.location.lat) : null,
    !r.location && r.gridId ? await store.findPickedGrid(db, r.gridId) : null,
  );
  if ('refusal' in home) throw homeGridRefused(home.refusal);
  const passwordHash = await hashPassword(r.password);

  const outcome = await db.transaction(async (tx) => {
    await store.lockPhoneAndAddress(tx, phoneHash, r.ip);
    const since = new Date(r.now.getTime() - DEFAULT_CODE_POLICY.checks.windowMs);
    const decision = decideCodeCheck(await store.recentWrongCodes(tx, phoneHash, r.ip, since), r.now);
    if (!decision.allowed) {
      await appendAudit(tx, { ...actor, success: false, detail: { reason: 'throttled', limit: decision.limit } });
      return { refused: throttled(decision, 'check') };
    }
    const latest = await store.latestCode(tx, phoneHash);
    const matches = latest !== null && same(latest.code_hash, codeHash(pii, phoneHash, r.code));
    const refusal = checkCode(latest && { sentAt: latest.sent_at, attempts: latest.attempts, usedAt: latest.used_at }, matches, r.now);
    if (refusal) {
      if (refusal === 'wrong') await store.countWrongTry(tx, latest!.id, phoneHash, r.ip, r.now);
      await appendAudit(tx, { ...actor, success: false, detail: { reason: `code ${refusal}` } });
      return { refused: codeRefused(refusal) };
    }
    if (await store.findAccountByPhoneHash(tx, phoneHash)) {
      await appendAudit(tx, { ...actor, success: false, detail: { reason: 'phone taken' } });
      return { refused: phoneTaken() };
    }
    await store.useCode(tx, latest!.id, phoneHash, r.now);
    let created: { id: string; username: string } | null = null;
    for (let i = 0; i < 5 && !created; i++) {
      const username = residentUsername();
      const id = await store.insertResident(tx, {
        username, name: r.name.trim(), phone: pii.encrypt(r.phone), phoneHash, homeOrgUnitId: home.gridId,
        homeAddress: pii.encrypt(r.address.trim()), passwordHash, idempotencyKey: r.idempotencyKey, now: r.now,
      });
      if (id) created = { id, username };
    }
    if (!created) throw new AppError('CONFLICT', 'Try again.', '请重试。');
    await appendAudit(tx, {
      ...actor, actorId: created.id, targetType: 'account', targetId: created.id, success: true,
      detail: { username: created.username, homeOrgUnitId: home.gridId, placedBy: r.location ? 'pin' : 'search' },
    });
    return { created, session: await sessionIn(tx, created.id, created.username, r) };
  });
  if ('refused' in outcome) throw outcome.refused;
  return { accountId: outcome.created.id, ...outcome.session, replayed: false };
}

async function sessionIn(tx: Tx, accountId: string, username: string, r: Registration): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(r.now.getTime() + r.ttlSeconds * 1000);
  await insertSession(tx, { tokenHash: tokenHash(token), accountId, expiresAt, ip: r.ip, userAgent: r.userAgent });
  await appendAudit(tx, { at: r.now, actorId: accountId, actorName: username, ip: r.ip, action: 'login', success: true, detail: { via: 'register' } });
  return { token, expiresAt };
}

const openSession = (db: Db, accountId: string, username: string, r: Registration) =>
  db.transaction((tx) => sessionIn(tx, accountId, username, r));

// SQL of resident self-registration: codes sent to numbers (by keyed hash only), wrong codes, and the new account.
import type { Tx } from '../platform/db/db.ts';
import type { Sealed } from '../platform/pii-cipher.ts';
import type { RecentFailures } from '../../domain/identity/login-throttle.ts';

const PHONE_LOCK = 7_141_030;
const ADDRESS_LOCK = 7_141_031;

/** Serialises sends and checks for one number and for one address, on every node, until the transaction ends (number first). */
export async function lockPhoneAndAddress(tx: Tx, phoneHash: string, ip: string): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [PHONE_LOCK, phoneHash]);
  await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [ADDRESS_LOCK, ip]);
}

async function recent(tx: Tx, table: 'verification_codes' | 'verification_failures', at: 'sent_at' | 'at',
  phoneHash: string, ip: string, since: Date): Promise<RecentFailures> {
  const r = await tx.query<{ by: 'account' | 'ip'; at: Date }>(
    `select 'account' as by, ${at} as at from ${table} where phone_hash = $1 and ${at} > $3
     union all
     select 'ip' as by, ${at} as at from ${table} where ip = $2 and ${at} > $3
     order by at`,
    [phoneHash, ip, since],
  );
  return { account: r.rows.filter((x) => x.by === 'account').map((x) => x.at), ip: r.rows.filter((x) => x.by === 'ip').map((x) => x.at) };
}

/** Codes sent to the number and from the address since `since`, oldest first. */
export const recentSends = (tx: Tx, phoneHash: string, ip: string, since: Date) => recent(tx, 'verification_codes', 'sent_at', phoneHash, ip, since);

/** Wrong codes given for the number and from the address since `since`, oldest first. */
export const recentWrongCodes = (tx: Tx, phoneHash: string, ip: string, since: Date) => recent(tx, 'verification_failures', 'at', phoneHash, ip, since);

export async function insertCode(tx: Tx, c: { phoneHash: string; codeHash: string; ip: string; sentAt: Date }): Promise<number> {
  const r = await tx.query<{ id: number }>(
    `insert into verification_codes (purpose, phone_hash, code_hash, ip, sent_at) values ('register', $1, $2, $3, $4) returning id`,
    [c.phoneHash, c.codeHash, c.ip, c.sentAt]);
  return Number(r.rows[0]!.id);
}

/** Forgets a code whose SMS could not be sent: it never reached anyone, so it neither counts nor holds. */
export async function deleteCode(tx: Tx, id: number): Promise<void> {
  await tx.query('delete from verification_codes where id = $1', [id]);
}

export interface CodeRow { id: number; code_hash: string; sent_at: Date; attempts: number; used_at: Date | null }

/** The number's latest code, locked until the transaction ends. */
export async function latestCode(tx: Tx, phoneHash: string): Promise<CodeRow | null> {
  const r = await tx.query<CodeRow>(
    `select id, code_hash, sent_at, attempts, used_at from verification_codes
      where phone_hash = $1 and purpose = 'register' order by sent_at desc, id desc limit 1 for update`, [phoneHash]);
  const row = r.rows[0];
  return row ? { ...row, id: Number(row.id) } : null;
}

export async function countWrongTry(tx: Tx, codeId: number, phoneHash: string, ip: string, at: Date): Promise<void> {
  await tx.query('update verification_codes set attempts = attempts + 1 where id = $1', [codeId]);
  await tx.query('insert into verification_failures (phone_hash, ip, at) values ($1, $2, $3)', [phoneHash, ip, at]);
}

export async function useCode(tx: Tx, codeId: number, phoneHash: string, at: Date): Promise<void> {
  await tx.query('update verification_codes set used_at = $2 where id = $1', [codeId, at]);
  await tx.query('delete from verification_failures where phone_hash = $1', [phoneHash]);
}

/** Deletes a bounded batch of codes and wrong tries that no longer count, skipping rows another transaction is deleting. */
export async function pruneVerification(tx: Tx, codesBefore: Date, failuresBefore: Date, batch = 100): Promise<void> {
  await tx.query(
    'delete from verification_codes where id in (select id from verification_codes where sent_at <= $1 order by sent_at limit $2 for update skip locked)',
    [codesBefore, batch]);
  await tx.query(
    'delete from verification_failures where id in (select id from verification_failures where at <= $1 order by at limit $2 for update skip locked)',
    [failuresBefore, batch]);
}

/** The account that signs in with this number (by its keyed hash), if any. */
export async function findAccountByPhoneHash(tx: Tx, phoneHash: string): Promise<{ id: string; username: string; password_hash: string;
  idempotency_key: string | null; disabled_at: Date | null } | null> {
  const r = await tx.query<{ id: string; username: string; password_hash: string; idempotency_key: string | null; disabled_at: Date | null }>(
    'select id, username, password_hash, idempotency_key, disabled_at from accounts where phone_hash = $1', [phoneHash]);
  return r.rows[0] ?? null;
}

export interface NewResident {
  username: string;
  name: string;
  phone: Sealed;
  phoneHash: string;
  homeOrgUnitId: string;
  homeAddress: Sealed;
  passwordHash: string;
  idempotencyKey: string | null;
  now: Date;
}

/** A resident account that signs in by phone; null when the username was taken meanwhile (the caller draws another). */
export async function insertResident(tx: Tx, a: NewResident): Promise<string | null> {
  const r = await tx.query<{ id: string }>(
    `insert into accounts (username, name, kind, roles, home_org_unit_id, home_address, phone, phone_hash, password_hash, idempotency_key,
        created_at, updated_at)
     values ($1, $2, 'resident', '{resident}', $3, $4, $5, $6, $7, $8, $9, $9)
     on conflict (username) do nothing returning id`,
    [a.username, a.name, a.homeOrgUnitId, a.homeAddress, a.phone, a.phoneHash, a.passwordHash, a.idempotencyKey, a.now]);
  return r.rows[0]?.id ?? null;
}

export interface GridMatch {
  id: string;
  name: string;
  level: 'grid' | 'dedicatedGrid';
  community_name: string | null;
  town_name: string | null;
  geometry: unknown;
}

/**
 * Grids with a boundary (what the locator knows) whose name, or whose community's or town's name, holds every one of
 * the words, not retired; grids first by code. For the address search of registration: outlines and names are public.
 */
export async function searchGrids(tx: Tx, words: readonly string[], limit: number): Promise<GridMatch[]> {
  const r = await tx.query<GridMatch>(
    `select g.id, g.name, g.level, c.name as community_name, t.name as town_name, g.geometry
       from org_units g
       left join org_units c on c.id = g.parent_id and c.level = 'community'
       left join org_units t on t.level = 'town' and g.path like t.path || '%'
      where g.level in ('grid', 'dedicatedGrid') and g.geometry is not null and g.retired_at is null
        and (select bool_and(coalesce(t.name, '') || ' ' || coalesce(c.name, '') || ' ' || g.name like '%' || w || '%') from unnest($1::text[]) w)
      order by g.code limit $2`,
    [words, limit]);
  return r.rows;
}

/** A unit by id, and whether the locator knows it (a grid or dedicated grid with a boundary, not retired). */
export async function findPickedGrid(tx: Tx, id: string): Promise<{ id: string; locatable: boolean } | null> {
  const r = await tx.query<{ id: string; locatable: boolean }>(
    `select id, (level in ('grid', 'dedicatedGrid') and geometry is not null and retired_at is null) as locatable from org_units where id = $1`, [id]);
  return r.rows[0] ?? null;
}

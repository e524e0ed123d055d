import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';

/** Platforms that send alerts, and the alerts they sent: SQL only. An admin reaches the platforms on its ground. */

export interface PlatformRow {
  id: string;
  name: string;
  org_unit_id: string;
  org_unit_name: string;
  org_path: string;
  type_matters: Record<string, string>;
  /** the name of each mapped matter code (as the catalogs name it) */
  matter_names: Record<string, string>;
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
  alert_count: number;
  last_alert_at: Date | null;
}

const SELECT = `
  select p.id, p.name, p.org_unit_id, u.name as org_unit_name, p.org_path, p.type_matters, p.active, p.version, p.created_at, p.updated_at,
         (select count(*)::int from platform_alerts a where a.platform_id = p.id) as alert_count,
         (select max(a.received_at) from platform_alerts a where a.platform_id = p.id) as last_alert_at,
         (select coalesce(jsonb_object_agg(x.code, x.name), '{}'::jsonb) from (
            select distinct on (m.code) m.code, m.name from matters m
             where m.current and m.code in (select value from jsonb_each_text(p.type_matters)) order by m.code, m.version desc) x) as matter_names
    from alert_platforms p join org_units u on u.id = p.org_unit_id`;

export async function listPlatforms(tx: Tx, scopePath: string): Promise<PlatformRow[]> {
  const r = await tx.query<PlatformRow>(`${SELECT} where p.org_path like $1 order by p.name, p.id`, [likePrefix(scopePath)]);
  return r.rows;
}

export async function findPlatform(tx: Tx, scopePath: string, id: string, forUpdate = false): Promise<PlatformRow | null> {
  if (forUpdate) await tx.query('select id from alert_platforms where id = $1 for update', [id]);
  const r = await tx.query<PlatformRow>(`${SELECT} where p.id = $1 and p.org_path like $2`, [id, likePrefix(scopePath)]);
  return r.rows[0] ?? null;
}

export async function platformIdTaken(tx: Tx, id: string): Promise<boolean> {
  return (await tx.query('select 1 from alert_platforms where id = $1', [id])).rows.length > 0;
}

/** The platform whose key has this hash, active or not. */
export async function findPlatformByKeyHash(tx: Tx, keyHash: string): Promise<PlatformRow | null> {
  const r = await tx.query<PlatformRow>(`${SELECT} where p.key_hash = $1`, [keyHash]);
  return r.rows[0] ?? null;
}

/** A district or town inside the scope: the ground a platform's alerts may land on. */
export async function findGroundUnit(tx: Tx, scopePath: string, id: string): Promise<{ id: string; path: string; name: string } | null> {
  const r = await tx.query<{ id: string; path: string; name: string }>(
    `select id, path, name from org_units where id = $1 and level in ('city','district','town') and path like $2`, [id, likePrefix(scopePath)]);
  return r.rows[0] ?? null;
}

/** The matter codes current in some town on (or holding) that ground: what a type may map to. */
export async function matterCodesOn(tx: Tx, groundPath: string): Promise<Set<string>> {
  const r = await tx.query<{ code: string }>(
    `select distinct m.code from matters m join org_units t on t.id = m.town_id
      where m.current and (t.path like $1 or $2 like t.path || '%')`, [likePrefix(groundPath), groundPath]);
  return new Set(r.rows.map((x) => x.code));
}

export interface NewPlatform { id: string; name: string; orgUnitId: string; orgPath: string; keyHash: string; typeMatters: Record<string, string>; createdBy: string }

export async function insertPlatform(tx: Tx, p: NewPlatform, now: Date): Promise<void> {
  await tx.query(
    `insert into alert_platforms (id, name, org_unit_id, org_path, key_hash, type_matters, created_at, created_by, updated_at)
     values ($1,$2,$3,$4,$5,$6::jsonb,$7,$8,$7)`,
    [p.id, p.name, p.orgUnitId, p.orgPath, p.keyHash, JSON.stringify(p.typeMatters), now, p.createdBy]);
}

export interface PlatformPatch { name: string; orgUnitId: string; orgPath: string; typeMatters: Record<string, string>; active: boolean }

export async function updatePlatform(tx: Tx, id: string, version: number, p: PlatformPatch, now: Date): Promise<boolean> {
  const r = await tx.query(
    `update alert_platforms set name = $3, org_unit_id = $4, org_path = $5, type_matters = $6::jsonb, active = $7, version = version + 1, updated_at = $8
      where id = $1 and version = $2`,
    [id, version, p.name, p.orgUnitId, p.orgPath, JSON.stringify(p.typeMatters), p.active, now]);
  return r.rowCount === 1;
}

export async function replaceKey(tx: Tx, id: string, version: number, keyHash: string, now: Date): Promise<boolean> {
  const r = await tx.query(
    'update alert_platforms set key_hash = $3, version = version + 1, updated_at = $4 where id = $1 and version = $2', [id, version, keyHash, now]);
  return r.rowCount === 1;
}

// ---------------------------------------------------------------------------------------------------------------------
// alerts

export interface AlertRow { id: string; case_id: string | null; case_number: string | null }

export async function findAlert(tx: Tx, platformId: string, externalId: string): Promise<AlertRow | null> {
  const r = await tx.query<AlertRow>(
    `select a.id, a.case_id, c.number as case_number from platform_alerts a left join cases c on c.id = a.case_id
      where a.platform_id = $1 and a.external_id = $2`, [platformId, externalId]);
  return r.rows[0] ?? null;
}

export interface NewAlert {
  platformId: string; externalId: string; type: string; level: string; text: string;
  lng: number; lat: number; address: string | null; caseId: string;
}

/** Records the alert with its case; a second one with the same external id records nothing (the first stands). */
export async function insertAlert(tx: Tx, a: NewAlert, now: Date): Promise<void> {
  await tx.query(
    `insert into platform_alerts (platform_id, external_id, alert_type, level, text, lng, lat, address, case_id, received_at)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) on conflict (platform_id, external_id) do nothing`,
    [a.platformId, a.externalId, a.type, a.level, a.text, a.lng, a.lat, a.address, a.caseId, now]);
}

/** A point for an address sent without one: a registered building or place on the ground with exactly that address. */
export async function pointOfAddress(tx: Tx, groundPath: string, address: string): Promise<{ lng: number; lat: number } | null> {
  const r = await tx.query<{ lng: number; lat: number }>(
    `select lng, lat from (
       select lng, lat, org_path from registry_buildings where retired_at is null and (address = $2 or name = $2)
       union all
       select lng, lat, org_path from registry_places where retired_at is null and (address = $2 or name = $2)) x
      where org_path like $1 limit 1`, [likePrefix(groundPath), address]);
  return r.rows[0] ?? null;
}

export async function gridPathOf(tx: Tx, gridId: string): Promise<string | null> {
  const r = await tx.query<{ path: string }>('select path from org_units where id = $1', [gridId]);
  return r.rows[0]?.path ?? null;
}

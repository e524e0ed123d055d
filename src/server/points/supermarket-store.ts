import type { Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { inOrHoldingScope, likePrefix } from '../platform/db/sql.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { holdsAnyRole } from '../../shared/roles.ts';
import { POINTS_KEEPERS, POINTS_READERS, type CivilityKind, type RedemptionStatus } from '../../shared/points.ts';
import { maskName } from '../../domain/identity/personal-data.ts';
import { personOfAccount, type RegistryPerson } from '../participation/person.ts';

/*
 * 积分超市 and 红黑榜 reads (issue 16, H5). Who reaches what, always as a condition inside the SQL:
 *   - staff readers (POINTS_READERS but resident) with a scope: the rows of units in their scope or holding it (a grid
 *     worker reads the community's goods and lists, a town's staff every community's);
 *   - a resident: the rows of the units holding their registry person's grid (their community's goods and lists), or,
 *     outside the registry, their account's home unit; redemptions only their own household's;
 *   - keepers (POINTS_KEEPERS) write the rows of their scope (org_path under their scope path).
 */

const STAFF_READERS = POINTS_READERS.filter((r) => r !== 'resident');

export interface PointsReader {
  p: Principal;
  staff: boolean;
  keeper: boolean;
  /** the resident's registry person (null for staff, or a resident outside the registry) */
  person: RegistryPerson | null;
  /** the path a resident reads the units above of: their person's grid, else their account's home unit */
  residentPath: string | null;
}

export const isKeeper = (p: Principal) => p.scopePath !== null && holdsAnyRole(p.roles, POINTS_KEEPERS);
export const isStaffReader = (p: Principal) => p.scopePath !== null && holdsAnyRole(p.roles, STAFF_READERS);
export const isResident = (p: Principal) => p.kind === 'resident' || p.roles.includes('resident');
/** Whether a row at this path lies in the keeper's scope. */
export const keeps = (r: PointsReader, orgPath: string) => r.keeper && orgPath.startsWith(r.p.scopePath!);

export async function readerOf(tx: Tx, pii: PiiCipher, p: Principal): Promise<PointsReader> {
  const staff = isStaffReader(p);
  let person: RegistryPerson | null = null;
  let residentPath: string | null = null;
  if (isResident(p)) {
    person = await personOfAccount(tx, pii, p.accountId);
    residentPath = person?.orgPath ?? (p.homeOrgUnitId
      ? (await tx.query<{ path: string }>('select path from org_units where id = $1', [p.homeOrgUnitId])).rows[0]?.path ?? null
      : null);
  }
  return { p, staff, keeper: isKeeper(p), person, residentPath };
}

/** The read condition on a unit-level row (goods, marks, teams, activities) at `col`, its parameters pushed on `params`. */
export function unitReadSql(r: PointsReader, col: string, params: unknown[]): string {
  const parts: string[] = [];
  if (r.staff) {
    params.push(r.p.scopePath, likePrefix(r.p.scopePath!));
    parts.push(inOrHoldingScope(col, `$${params.length - 1}`, `$${params.length}`));
  }
  if (r.residentPath) {
    params.push(r.residentPath);
    parts.push(`$${params.length} like ${col} || '%'`);
  }
  return parts.length ? `(${parts.join(' or ')})` : 'false';
}

/** The write condition of keepers on a row at `col`. */
export function keeperSql(r: PointsReader, col: string, params: unknown[]): string {
  if (!r.keeper) return 'false';
  params.push(likePrefix(r.p.scopePath!));
  return `${col} like $${params.length}`;
}

/** The community (a grid's parent) of a registry household, with its path. */
export async function communityOfHousehold(tx: Tx, householdId: string): Promise<{ id: string; path: string; householdPath: string } | null> {
  const r = await tx.query<{ id: string; path: string; household_path: string }>(
    `select c.id, c.path, h.org_path as household_path from registry_households h
       join org_units g on g.id = h.grid_id join org_units c on c.id = g.parent_id
      where h.id = $1 and h.retired_at is null`, [householdId]);
  const row = r.rows[0];
  return row ? { id: row.id, path: row.path, householdPath: row.household_path } : null;
}

/** SQL: the household `h`'s head's name (or its first member's). */
export const HEAD_NAME_SQL = (h: string) => `coalesce(
  (select rr.name from registry_residents rr where rr.id = ${h}.head_resident_id),
  (select rr.name from registry_residents rr where rr.household_id = ${h}.id and rr.left_at is null order by rr.created_at limit 1))`;

/** How a household is named: staff see the head's name and the address, residents the head's masked name. */
export function householdName(headName: string | null, address: string | null, o: { masked: boolean }): string {
  const head = headName ?? '';
  if (o.masked) return `${maskName(head) || '*'}家`;
  return address ? `${head}家 · ${address}` : `${head}家`;
}

/** A community (or unit) of the keeper's scope, 404 otherwise. */
export async function unitInScope(tx: Tx, r: PointsReader, orgUnitId: string): Promise<{ id: string; path: string; name: string; level: string }> {
  const params: unknown[] = [orgUnitId];
  const u = (await tx.query<{ id: string; path: string; name: string; level: string }>(
    `select id, path, name, level from org_units u where u.id = $1 and ${unitReadSql(r, 'u.path', params)}`, params)).rows[0];
  if (!u) throw notFound('organisation unit');
  return u;
}

export const pointsInvalid = (en: string, zh: string, details?: unknown) => new AppError('POINTS_INVALID', en, zh, details);

// ---------------------------------------------------------------------------------------------------------------------
// Goods

export interface GoodsRow {
  id: string; org_unit_id: string; org_unit_name: string; org_path: string; name: string; description: string | null;
  price_points: number; stock: number; reserved: number; image_hash: string | null; active: boolean; version: number;
  updated_at: Date;
}

const GOODS_SELECT = `select g.id, g.org_unit_id, u.name as org_unit_name, g.org_path, g.name, g.description, g.price_points,
  g.stock, coalesce((select sum(rd.qty) from point_redemptions rd where rd.goods_id = g.id and rd.status = 'reserved'), 0)::int as reserved,
  g.image_hash, g.active, g.version, g.updated_at
  from point_goods g join org_units u on u.id = g.org_unit_id`;

export async function listGoods(tx: Tx, r: PointsReader, o: { orgUnitId: string | null; includeInactive: boolean }): Promise<GoodsRow[]> {
  const params: unknown[] = [];
  const where = [unitReadSql(r, 'g.org_path', params)];
  if (o.orgUnitId) { params.push(o.orgUnitId); where.push(`g.org_unit_id = $${params.length}`); }
  if (!o.includeInactive || !r.staff) where.push('g.active');
  return (await tx.query<GoodsRow>(`${GOODS_SELECT} where ${where.join(' and ')} order by u.path, g.price_points, g.name limit 500`, params)).rows;
}

export async function findGoods(tx: Tx, r: PointsReader, id: string): Promise<GoodsRow | null> {
  const params: unknown[] = [id];
  return (await tx.query<GoodsRow>(`${GOODS_SELECT} where g.id = $1 and ${unitReadSql(r, 'g.org_path', params)}`, params)).rows[0] ?? null;
}

// ---------------------------------------------------------------------------------------------------------------------
// Redemptions

export interface RedemptionRow {
  id: string; goods_id: string; goods_name: string; org_unit_id: string; org_path: string; account_id: string;
  household_id: string | null; head_name: string | null; address: string | null; qty: number; points: number;
  pickup_code: string; status: RedemptionStatus; reserved_at: Date; expires_at: Date; picked_up_at: Date | null;
  transaction_id: string; reversal_id: string | null; version: number;
}

export const REDEMPTION_SELECT = `select rd.id, rd.goods_id, g.name as goods_name, rd.org_unit_id, rd.org_path, rd.account_id,
  a.household_id, ${HEAD_NAME_SQL('h')} as head_name, h.address, rd.qty, rd.points, rd.pickup_code, rd.status,
  rd.reserved_at, rd.expires_at, rd.picked_up_at, rd.transaction_id, rd.reversal_id, rd.version
  from point_redemptions rd join point_goods g on g.id = rd.goods_id join point_accounts a on a.id = rd.account_id
  left join registry_households h on h.id = a.household_id`;

/** The read condition on a redemption `rd` (account `a`): staff of the scope, a resident their own household's. */
export function redemptionReadSql(r: PointsReader, params: unknown[]): string {
  const parts: string[] = [];
  if (r.staff) {
    params.push(likePrefix(r.p.scopePath!));
    parts.push(`rd.org_path like $${params.length}`);
  }
  if (r.person?.householdId) {
    params.push(r.person.householdId);
    parts.push(`a.household_id = $${params.length}`);
  }
  return parts.length ? `(${parts.join(' or ')})` : 'false';
}

export async function listRedemptions(tx: Tx, r: PointsReader, o: { status: RedemptionStatus | null; orgUnitId: string | null; householdId: string | null; limit: number }): Promise<RedemptionRow[]> {
  const params: unknown[] = [];
  const where = [redemptionReadSql(r, params)];
  if (o.status) { params.push(o.status); where.push(`rd.status = $${params.length}`); }
  if (o.orgUnitId) { params.push(o.orgUnitId); where.push(`rd.org_unit_id = $${params.length}`); }
  if (o.householdId) { params.push(o.householdId); where.push(`a.household_id = $${params.length}`); }
  params.push(o.limit);
  return (await tx.query<RedemptionRow>(`${REDEMPTION_SELECT} where ${where.join(' and ')} order by rd.reserved_at desc, rd.id limit $${params.length}`, params)).rows;
}

export async function findRedemption(tx: Tx, r: PointsReader, id: string, o: { lock?: boolean } = {}): Promise<RedemptionRow | null> {
  const params: unknown[] = [id];
  const where = redemptionReadSql(r, params);
  if (o.lock) await tx.query('select 1 from point_redemptions where id = $1 for update', [id]);
  return (await tx.query<RedemptionRow>(`${REDEMPTION_SELECT} where rd.id = $1 and ${where}`, params)).rows[0] ?? null;
}

// ---------------------------------------------------------------------------------------------------------------------
// Civility marks

export interface MarkRow {
  id: string; household_id: string; head_name: string | null; address: string | null; org_unit_id: string; kind: CivilityKind;
  reasons: string[]; period: string; valid_from: string; valid_until: string; derived_at: Date;
}

/** Marks in force on `today` (YYYY-MM-DD): residents read red and civilized of their community and any of their own household. */
export async function listMarks(tx: Tx, r: PointsReader, o: { orgUnitId: string | null; kind: CivilityKind | null; today: string }): Promise<MarkRow[]> {
  const params: unknown[] = [o.today];
  const read: string[] = [];
  if (r.staff) {
    params.push(r.p.scopePath, likePrefix(r.p.scopePath!));
    read.push(inOrHoldingScope('m.org_path', `$${params.length - 1}`, `$${params.length}`));
  }
  if (r.residentPath) {
    params.push(r.residentPath);
    read.push(`($${params.length} like m.org_path || '%' and m.kind in ('red','civilized'))`);
  }
  if (r.person?.householdId) {
    params.push(r.person.householdId);
    read.push(`m.household_id = $${params.length}`);
  }
  const where = [read.length ? `(${read.join(' or ')})` : 'false', `m.valid_from <= $1::date`, `m.valid_until >= $1::date`];
  if (o.orgUnitId) { params.push(o.orgUnitId); where.push(`m.org_unit_id = $${params.length}`); }
  if (o.kind) { params.push(o.kind); where.push(`m.kind = $${params.length}`); }
  return (await tx.query<MarkRow>(
    `select m.id, m.household_id, ${HEAD_NAME_SQL('h')} as head_name, h.address, m.org_unit_id, m.kind, m.reasons, m.period,
            to_char(m.valid_from, 'YYYY-MM-DD') as valid_from, to_char(m.valid_until, 'YYYY-MM-DD') as valid_until, m.derived_at
       from civility_marks m join registry_households h on h.id = m.household_id
      where ${where.join(' and ')}
      order by case m.kind when 'red' then 0 when 'civilized' then 1 else 2 end, m.period desc, h.address limit 1000`, params)).rows;
}

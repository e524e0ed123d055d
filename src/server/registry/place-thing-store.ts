import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { reachSql, type Reach } from './reach.ts';
import { likeAny, type NamedFilter, type Paging } from './store.ts';

/* SQL of places, things (risk points), their inspections and the hazard ledger; the caller's reach in every read. */

export interface PlaceRow {
  id: string; version: number; town_id: string; grid_id: string; org_path: string; kind: string; name: string;
  name_initials: string; address: string | null; lng: number; lat: number; building_id: string | null;
  credit_code: string | null; contact_name: string | null; contact_phone: string | null; contact_phone_hash: string | null;
  contact_phone_masked: string | null; note: string | null; created_at: Date; updated_at: Date; retired_at: Date | null;
  grid_name: string;
}

export interface ThingRow {
  id: string; version: number; town_id: string; grid_id: string; org_path: string; kind: string; name: string;
  name_initials: string; address: string | null; lng: number; lat: number; building_id: string | null; risk_level: string;
  inspection_every_days: number | null; last_inspected_on: string | null; note: string | null;
  created_at: Date; updated_at: Date; retired_at: Date | null; grid_name: string;
}

export interface HazardRow {
  id: string; version: number; town_id: string; grid_id: string; org_path: string; thing_id: string | null;
  building_id: string | null; household_ids: string[]; found_on: string; description: string; action_taken: string | null;
  next_check_on: string | null; status: 'open' | 'resolved'; created_by: string | null; created_at: Date; updated_at: Date;
  grid_name: string; thing_name: string | null; building_name: string | null; created_by_name: string | null;
}

export interface InspectionRow {
  id: string; thing_id: string; inspected_on: string; inspector_id: string | null; inspector_name: string | null;
  result: 'normal' | 'hazard'; note: string | null; created_at: Date;
}

const PLACE_SELECT = `select p.*, g.name as grid_name from registry_places p join org_units g on g.id = p.grid_id`;
const THING_SELECT = `select t.*, to_char(t.last_inspected_on, 'YYYY-MM-DD') as last_inspected_day, g.name as grid_name
  from registry_things t join org_units g on g.id = t.grid_id`;
const HAZARD_SELECT = `select z.*, to_char(z.found_on, 'YYYY-MM-DD') as found_day, to_char(z.next_check_on, 'YYYY-MM-DD') as next_check_day,
    g.name as grid_name, t.name as thing_name, b.name as building_name, a.name as created_by_name
  from registry_hazards z join org_units g on g.id = z.grid_id
  left join registry_things t on t.id = z.thing_id left join registry_buildings b on b.id = z.building_id
  left join accounts a on a.id = z.created_by`;

/** Dates as YYYY-MM-DD strings (drivers answer a date column as a Date at local midnight). */
const thing = (t: ThingRow & { last_inspected_day?: string | null }): ThingRow => ({ ...t, last_inspected_on: t.last_inspected_day ?? null });
const hazard = (z: HazardRow & { found_day?: string; next_check_day?: string | null }): HazardRow =>
  ({ ...z, found_on: z.found_day ?? z.found_on, next_check_on: z.next_check_day ?? null });

const prefixOf = (q: string) => `${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function page(paging: Paging, params: unknown[], where: string[], sort: string, id: string): string {
  if (paging.after) {
    params.push(paging.after[0], paging.after[1]);
    where.push(`(${sort}, ${id}) > ($${params.length - 1}::text, $${params.length}::text)`);
  }
  params.push(paging.limit);
  let sql = ` order by ${sort}, ${id} limit $${params.length}`;
  if (!paging.after && paging.offset > 0) { params.push(paging.offset); sql += ` offset $${params.length}`; }
  return sql;
}

// ---------------------------------------------------------------------------------------------------------------------
// Places

export interface PlaceFilter extends NamedFilter { kinds?: readonly string[] | undefined; buildingId?: string | undefined }

function placeWhere(reach: Reach, f: PlaceFilter, params: unknown[]): string[] {
  const where = [reachSql(reach, 'p', params), 'p.retired_at is null'];
  if (f.q) {
    params.push(likeAny(f.q), prefixOf(f.q));
    where.push(`(p.name like $${params.length - 1} or p.address like $${params.length - 1} or p.name_initials like $${params.length})`);
  }
  if (f.underPath) { params.push(likePrefix(f.underPath)); where.push(`p.org_path like $${params.length}`); }
  if (f.kinds && f.kinds.length > 0) { params.push(f.kinds); where.push(`p.kind = any($${params.length}::text[])`); }
  if (f.buildingId) { params.push(f.buildingId); where.push(`p.building_id = $${params.length}`); }
  return where;
}

export async function findPlace(tx: Tx, reach: Reach | null, id: string, forUpdate = false): Promise<PlaceRow | null> {
  const params: unknown[] = [id];
  const where = reach ? ` and ${reachSql(reach, 'p', params)}` : '';
  const r = await tx.query<PlaceRow>(`${PLACE_SELECT} where p.id = $1 and p.retired_at is null${where}${forUpdate ? ' for update of p' : ''}`, params);
  return r.rows[0] ?? null;
}

export async function listPlaces(tx: Tx, reach: Reach, f: PlaceFilter, paging: Paging): Promise<PlaceRow[]> {
  const params: unknown[] = [];
  const where = placeWhere(reach, f, params);
  const tail = page(paging, params, where, 'p.name', 'p.id');
  return (await tx.query<PlaceRow>(`${PLACE_SELECT} where ${where.join(' and ')}${tail}`, params)).rows;
}

export async function countPlaces(tx: Tx, reach: Reach, f: PlaceFilter): Promise<number> {
  const params: unknown[] = [];
  return (await tx.query<{ n: number }>(`select count(*)::int as n from registry_places p where ${placeWhere(reach, f, params).join(' and ')}`, params)).rows[0]!.n;
}

// ---------------------------------------------------------------------------------------------------------------------
// Things

export interface ThingFilter extends NamedFilter {
  kinds?: readonly string[] | undefined; riskLevels?: readonly string[] | undefined; buildingId?: string | undefined;
}

function thingWhere(reach: Reach, f: ThingFilter, params: unknown[]): string[] {
  const where = [reachSql(reach, 't', params), 't.retired_at is null'];
  if (f.q) {
    params.push(likeAny(f.q), prefixOf(f.q));
    where.push(`(t.name like $${params.length - 1} or t.address like $${params.length - 1} or t.name_initials like $${params.length})`);
  }
  if (f.underPath) { params.push(likePrefix(f.underPath)); where.push(`t.org_path like $${params.length}`); }
  if (f.kinds && f.kinds.length > 0) { params.push(f.kinds); where.push(`t.kind = any($${params.length}::text[])`); }
  if (f.riskLevels && f.riskLevels.length > 0) { params.push(f.riskLevels); where.push(`t.risk_level = any($${params.length}::text[])`); }
  if (f.buildingId) { params.push(f.buildingId); where.push(`t.building_id = $${params.length}`); }
  return where;
}

export async function findThing(tx: Tx, reach: Reach | null, id: string, forUpdate = false): Promise<ThingRow | null> {
  const params: unknown[] = [id];
  const where = reach ? ` and ${reachSql(reach, 't', params)}` : '';
  const r = await tx.query<ThingRow>(`${THING_SELECT} where t.id = $1 and t.retired_at is null${where}${forUpdate ? ' for update of t' : ''}`, params);
  return r.rows[0] ? thing(r.rows[0]) : null;
}

export async function listThings(tx: Tx, reach: Reach, f: ThingFilter, paging: Paging): Promise<ThingRow[]> {
  const params: unknown[] = [];
  const where = thingWhere(reach, f, params);
  const tail = page(paging, params, where, 't.name', 't.id');
  return (await tx.query<ThingRow>(`${THING_SELECT} where ${where.join(' and ')}${tail}`, params)).rows.map(thing);
}

export async function countThings(tx: Tx, reach: Reach, f: ThingFilter): Promise<number> {
  const params: unknown[] = [];
  return (await tx.query<{ n: number }>(`select count(*)::int as n from registry_things t where ${thingWhere(reach, f, params).join(' and ')}`, params)).rows[0]!.n;
}

export async function insertInspection(tx: Tx, i: Omit<InspectionRow, 'id'>): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into registry_inspections (thing_id, inspected_on, inspector_id, inspector_name, result, note, created_at)
     values ($1,$2,$3,$4,$5,$6,$7) returning id::text as id`,
    [i.thing_id, i.inspected_on, i.inspector_id, i.inspector_name, i.result, i.note, i.created_at]);
  return r.rows[0]!.id;
}

/** Moves the thing's last inspection day forward (never back: an older inspection entered late leaves it). */
export async function markInspected(tx: Tx, thingId: string, on: string, now: Date): Promise<void> {
  await tx.query(
    `update registry_things set last_inspected_on = greatest(coalesce(last_inspected_on, $2::date), $2::date), updated_at = $3 where id = $1`,
    [thingId, on, now]);
}

export async function listInspections(tx: Tx, thingId: string, limit = 100): Promise<InspectionRow[]> {
  const r = await tx.query<InspectionRow>(
    `select id::text as id, thing_id, to_char(inspected_on, 'YYYY-MM-DD') as inspected_on, inspector_id, inspector_name, result, note, created_at
       from registry_inspections where thing_id = $1 order by inspected_on desc, id desc limit $2`, [thingId, limit]);
  return r.rows;
}

export async function listThingsOfBuilding(tx: Tx, buildingId: string): Promise<ThingRow[]> {
  return (await tx.query<ThingRow>(`${THING_SELECT} where t.building_id = $1 and t.retired_at is null order by t.name, t.id`, [buildingId])).rows.map(thing);
}

export async function listPlacesOfBuilding(tx: Tx, buildingId: string): Promise<PlaceRow[]> {
  return (await tx.query<PlaceRow>(`${PLACE_SELECT} where p.building_id = $1 and p.retired_at is null order by p.name, p.id`, [buildingId])).rows;
}

// ---------------------------------------------------------------------------------------------------------------------
// Hazards

export async function findHazard(tx: Tx, reach: Reach | null, id: string, forUpdate = false): Promise<HazardRow | null> {
  const params: unknown[] = [id];
  const where = reach ? ` and ${reachSql(reach, 'z', params)}` : '';
  const r = await tx.query<HazardRow>(`${HAZARD_SELECT} where z.id = $1${where}${forUpdate ? ' for update of z' : ''}`, params);
  return r.rows[0] ? hazard(r.rows[0]) : null;
}

/** Hazards of a thing, of a building (all of them), or of a household's building that name no flat or name it. */
export async function listHazards(tx: Tx, of: { thingId: string } | { buildingId: string; householdId?: string }): Promise<HazardRow[]> {
  if ('thingId' in of) {
    return (await tx.query<HazardRow>(`${HAZARD_SELECT} where z.thing_id = $1 order by z.found_on desc, z.id`, [of.thingId])).rows.map(hazard);
  }
  if (of.householdId === undefined) {
    return (await tx.query<HazardRow>(`${HAZARD_SELECT} where z.building_id = $1 order by z.found_on desc, z.id`, [of.buildingId])).rows.map(hazard);
  }
  return (await tx.query<HazardRow>(
    `${HAZARD_SELECT} where (z.building_id = $1 and (z.household_ids = '{}' or $2 = any(z.household_ids))) or $2 = any(z.household_ids)
      order by z.found_on desc, z.id`, [of.buildingId, of.householdId])).rows.map(hazard);
}

/** Hazards naming this household (for a household without a building). */
export async function listHazardsNaming(tx: Tx, householdId: string): Promise<HazardRow[]> {
  return (await tx.query<HazardRow>(`${HAZARD_SELECT} where $1 = any(z.household_ids) order by z.found_on desc, z.id`, [householdId])).rows.map(hazard);
}

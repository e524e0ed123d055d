import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import type { AdmissionStatus, DutyLevel, ListType } from '../../shared/duties.ts';
import type { RegistryCounts } from '../../domain/duties/burden.ts';
import type { StartingItem } from './seed-catalog.ts';
import type { OrgLevel } from '../../shared/org-levels.ts';
import type { TownRow } from '../org/town-store.ts';

/* SQL of the duty catalogs and their admissions: the town in every query, no rules. */

export interface ItemRow {
  id: string; town_id: string; level: DutyLevel; list_type: ListType; code: string; name: string; description: string | null;
  basis: string; department: string | null; duty_code: string | null; visits_per_month: number; minutes_per_visit: number;
  admission_id: string | null; approved_by_name: string | null; approved_at: Date | null; version: number;
  created_at: Date; retired_at: Date | null; retired_reason: string | null;
}

const ITEM_COLUMNS = `id, town_id, level, list_type, code, name, description, basis, department, duty_code,
  visits_per_month::float8 as visits_per_month, minutes_per_visit, admission_id, approved_by_name, approved_at, version,
  created_at, retired_at, retired_reason`;

/** Every item the town's catalogs ever held (a few hundred): counts, trend and burden are worked out from them. */
export async function listTownItems(tx: Tx, townId: string): Promise<ItemRow[]> {
  const r = await tx.query<ItemRow>(`select ${ITEM_COLUMNS} from duty_items where town_id = $1 order by level, code`, [townId]);
  return r.rows;
}

export async function findItem(tx: Tx, id: string, forUpdate = false): Promise<ItemRow | null> {
  const r = await tx.query<ItemRow>(`select ${ITEM_COLUMNS} from duty_items where id = $1${forUpdate ? ' for update' : ''}`, [id]);
  return r.rows[0] ?? null;
}

export async function itemCodes(tx: Tx, townId: string): Promise<string[]> {
  return (await tx.query<{ code: string }>('select code from duty_items where town_id = $1', [townId])).rows.map((r) => r.code);
}

/** Inserts a town's starting catalog (seed-catalog.ts): items with no admission. */
export async function insertStartingItems(tx: Tx, townId: string, items: readonly StartingItem[], at: Date): Promise<void> {
  await tx.query(
    `insert into duty_items (town_id, level, list_type, code, name, description, basis, department, duty_code, visits_per_month, minutes_per_visit, created_at)
     select $1, level, "listType", code, name, description, basis, department, "dutyCode", "visitsPerMonth", "minutesPerVisit", $2
       from jsonb_to_recordset($3::jsonb) as x(level text, "listType" text, code text, name text, description text, basis text, department text,
            "dutyCode" text, "visitsPerMonth" numeric, "minutesPerVisit" int)`,
    [townId, at, JSON.stringify(items)]);
}

/** Serialises a town's approvals, one picking the next item code at a time. */
export async function lockTownCatalog(tx: Tx, townId: string): Promise<void> {
  await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`duty_items:${townId}`]);
}

export interface NewItem {
  town_id: string; level: DutyLevel; list_type: ListType; code: string; name: string; description: string | null; basis: string;
  department: string | null; duty_code: string | null; visits_per_month: number; minutes_per_visit: number;
  admission_id: string | null; approved_by: string | null; approved_by_name: string | null; approved_at: Date | null; created_at: Date;
}

export async function insertItem(tx: Tx, i: NewItem): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into duty_items (town_id, level, list_type, code, name, description, basis, department, duty_code, visits_per_month,
       minutes_per_visit, admission_id, approved_by, approved_by_name, approved_at, created_at)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16) returning id`,
    [i.town_id, i.level, i.list_type, i.code, i.name, i.description, i.basis, i.department, i.duty_code, i.visits_per_month,
      i.minutes_per_visit, i.admission_id, i.approved_by, i.approved_by_name, i.approved_at, i.created_at]);
  return r.rows[0]!.id;
}

/** Writes the text of an item read at `version`; false when someone changed it meanwhile. */
export async function updateItemText(tx: Tx, id: string, version: number, t: { name: string; description: string | null; basis: string; department: string | null }): Promise<boolean> {
  const r = await tx.query('update duty_items set name = $3, description = $4, basis = $5, department = $6, version = version + 1 where id = $1 and version = $2 and retired_at is null',
    [id, version, t.name, t.description, t.basis, t.department]);
  return r.rowCount === 1;
}

export async function retireItem(tx: Tx, id: string, version: number, at: Date, reason: string): Promise<boolean> {
  const r = await tx.query('update duty_items set retired_at = $3, retired_reason = $4, version = version + 1 where id = $1 and version = $2 and retired_at is null',
    [id, version, at, reason]);
  return r.rowCount === 1;
}

/** The registry of a town as counts, in one query: key people by their shortest visit interval, risk points by theirs, buildings, grid workers. */
export async function registryCounts(tx: Tx, town: { id: string; path: string }): Promise<RegistryCounts> {
  const r = await tx.query<{ key_people: { everyDays: number; residents: number }[]; risk_points: { everyDays: number; things: number }[]; buildings: number; grid_workers: number }>(
    `with tags as (
       select p.code, coalesce(t.visit_every_days, p.visit_every_days) as every_days
         from registry_tags p left join registry_tags t on t.code = p.code and t.town_id = $1
        where p.town_id is null
     ), people as (
       select min(tags.every_days) as every_days
         from registry_residents r cross join lateral unnest(r.tags) as x(code) join tags on tags.code = x.code
        where r.org_path like $2 and r.left_at is null and tags.every_days is not null
        group by r.id
     )
     select
       (select coalesce(json_agg(json_build_object('everyDays', every_days, 'residents', n) order by every_days), '[]'::json)
          from (select every_days, count(*)::int as n from people group by every_days) k) as key_people,
       (select coalesce(json_agg(json_build_object('everyDays', every_days, 'things', n) order by every_days), '[]'::json)
          from (select inspection_every_days as every_days, count(*)::int as n from registry_things
                 where org_path like $2 and retired_at is null and inspection_every_days is not null group by 1) k) as risk_points,
       (select count(*)::int from registry_buildings where org_path like $2 and retired_at is null) as buildings,
       (select count(distinct m.account_id)::int from grid_team_members m join org_units g on g.id = m.grid_id
         where g.path like $2 and g.retired_at is null and m.team_role in ('fullTime', 'partTime') and m.account_id is not null) as grid_workers`,
    [town.id, likePrefix(town.path)]);
  const row = r.rows[0]!;
  return { keyPeople: row.key_people, riskPoints: row.risk_points, buildings: row.buildings, gridWorkers: row.grid_workers };
}

export interface AdmissionRow {
  id: string; town_id: string; level: DutyLevel;
  item: { name: string; listType: ListType; basis: string; description: string | null; department: string | null; dutyCode: string | null; minutesPerVisit: number };
  reason: string; visits_per_month: number; status: AdmissionStatus; requested_by: string; requested_by_name: string;
  requester_unit: string | null; decided_by_name: string | null; decided_at: Date | null; decision_note: string | null;
  item_id: string | null; item_code: string | null; version: number; created_at: Date;
}

const ADMISSION_SELECT = `select a.id, a.town_id, a.level, a.item, a.reason, a.visits_per_month::float8 as visits_per_month, a.status,
  a.requested_by, a.requested_by_name, a.requester_unit, a.decided_by_name, a.decided_at, a.decision_note, a.item_id,
  i.code as item_code, a.version, a.created_at
  from duty_admissions a left join duty_items i on i.id = a.item_id`;

export async function listAdmissions(tx: Tx, townId: string, status: AdmissionStatus | undefined): Promise<AdmissionRow[]> {
  const r = await tx.query<AdmissionRow>(
    `${ADMISSION_SELECT} where a.town_id = $1 and ($2::text is null or a.status = $2) order by (a.status = 'pending') desc, a.created_at desc limit 500`,
    [townId, status ?? null]);
  return r.rows;
}

export async function countAdmissions(tx: Tx, townId: string): Promise<Record<AdmissionStatus, number>> {
  const r = await tx.query<{ status: AdmissionStatus; n: number }>('select status, count(*)::int as n from duty_admissions where town_id = $1 group by status', [townId]);
  const counts = { pending: 0, approved: 0, refused: 0 };
  for (const x of r.rows) counts[x.status] = x.n;
  return counts;
}

export async function findAdmission(tx: Tx, id: string): Promise<AdmissionRow | null> {
  return (await tx.query<AdmissionRow>(`${ADMISSION_SELECT} where a.id = $1`, [id])).rows[0] ?? null;
}

export async function lockAdmission(tx: Tx, id: string): Promise<void> {
  await tx.query('select id from duty_admissions where id = $1 for update', [id]);
}

export async function findAdmissionByKey(tx: Tx, accountId: string, key: string): Promise<string | null> {
  const r = await tx.query<{ id: string }>('select id from duty_admissions where requested_by = $1 and request_key = $2', [accountId, key]);
  return r.rows[0]?.id ?? null;
}

export interface NewAdmission {
  town_id: string; level: DutyLevel; item: AdmissionRow['item']; reason: string; visits_per_month: number;
  requested_by: string; requested_by_name: string; requester_unit: string | null; request_key: string | null; created_at: Date;
}

export async function insertAdmission(tx: Tx, a: NewAdmission): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into duty_admissions (town_id, level, item, reason, visits_per_month, status, requested_by, requested_by_name, requester_unit, request_key, created_at)
     values ($1,$2,$3::jsonb,$4,$5,'pending',$6,$7,$8,$9,$10) returning id`,
    [a.town_id, a.level, JSON.stringify(a.item), a.reason, a.visits_per_month, a.requested_by, a.requested_by_name, a.requester_unit, a.request_key, a.created_at]);
  return r.rows[0]!.id;
}

export async function saveDecision(tx: Tx, id: string, d: { status: AdmissionStatus; by: string; byName: string; at: Date; note: string | null; itemId: string | null }): Promise<void> {
  await tx.query(
    `update duty_admissions set status = $2, decided_by = $3, decided_by_name = $4, decided_at = $5, decision_note = $6, item_id = $7, version = version + 1
      where id = $1`, [id, d.status, d.by, d.byName, d.at, d.note, d.itemId]);
}

/** The caller's scope unit, with the names of its departments (those of `departmentIds`). */
export async function findScopeUnit(tx: Tx, unitId: string, departmentIds: readonly string[]) {
  const r = await tx.query<{ id: string; path: string; level: OrgLevel; name: string; departments: string[] }>(
    `select u.id, u.path, u.level, u.name,
            coalesce((select array_agg(d.name order by d.name) from departments d where d.id = any($2::text[])), '{}') as departments
       from org_units u where u.id = $1`, [unitId, departmentIds]);
  return r.rows[0] ?? null;
}

/** The path of a unit in the scope or holding it; null otherwise. */
export async function unitPathNear(tx: Tx, id: string, scopePath: string): Promise<string | null> {
  const r = await tx.query<{ path: string }>(
    'select path from org_units where id = $1 and (path like $2 or $3 like path || \'%\')', [id, likePrefix(scopePath), scopePath]);
  return r.rows[0]?.path ?? null;
}

/** The towns in the scope, or the one holding it; by code. */
export async function townsNear(tx: Tx, scopePath: string): Promise<TownRow[]> {
  const r = await tx.query<TownRow>(
    `select id, code, path, name from org_units where level = 'town' and retired_at is null and (path like $1 or $2 like path || '%') order by code`,
    [likePrefix(scopePath), scopePath]);
  return r.rows;
}

import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import type { InspectionResult } from '../../shared/enforcement.ts';
import type { InspectionStatus } from './inspection-schemas.ts';

/*
 * Joint inspections (执法监管一件事): SQL only. Every read of an inspection carries the caller's scope
 * (`org_path like scope%`); the planner's and recorder's checks live in plan-inspection.ts and record-inspection.ts.
 */

export interface ChecklistRow {
  id: string;
  department: string;
  title: string;
  items: string[];
  place_kinds: string[];
  sort: number;
}

/** one department's checklist as the inspection holds it (a copy, so a later edit of the checklist changes no record) */
export interface HeldChecklist {
  checklistId: string;
  department: string;
  title: string;
  items: { text: string; result: InspectionResult | null; note: string | null }[];
}

export interface InspectionRow {
  id: string;
  number: string;
  town_id: string;
  town_name: string;
  grid_id: string | null;
  grid_name: string | null;
  org_path: string;
  place_id: string | null;
  subject_name: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
  planned_on: string;
  status: InspectionStatus;
  checklists: HeldChecklist[];
  inspector_ids: string[];
  findings: string | null;
  done_at: Date | null;
  done_by: string | null;
  done_request_key: string | null;
  created_at: Date;
  created_by: string | null;
  created_by_name: string | null;
}

const SELECT = `select i.id, i.number, i.town_id, t.name as town_name, i.grid_id, g.name as grid_name, i.org_path, i.place_id, i.subject_name,
    i.address, i.lng, i.lat, to_char(i.planned_on, 'YYYY-MM-DD') as planned_on, i.status, i.checklists, i.inspector_ids, i.findings,
    i.done_at, i.done_by, i.done_request_key, i.created_at, i.created_by, a.name as created_by_name
  from joint_inspections i
  join org_units t on t.id = i.town_id
  left join org_units g on g.id = i.grid_id
  left join accounts a on a.id = i.created_by`;

export async function listChecklists(tx: Tx): Promise<ChecklistRow[]> {
  const r = await tx.query<ChecklistRow>(`select id, department, title, items, place_kinds, sort from inspection_checklists order by sort, department, title`);
  return r.rows;
}

export async function findChecklists(tx: Tx, ids: readonly string[]): Promise<ChecklistRow[]> {
  const r = await tx.query<ChecklistRow>(`select id, department, title, items, place_kinds, sort from inspection_checklists where id = any($1::text[])`, [ids]);
  return r.rows;
}

export interface PlaceRow { id: string; town_id: string; grid_id: string; org_path: string; name: string; address: string | null; lng: number; lat: number }

/** a current registry place inside the scope */
export async function findPlace(tx: Tx, id: string, scopePath: string): Promise<PlaceRow | null> {
  const r = await tx.query<PlaceRow>(
    `select id, town_id, grid_id, org_path, name, address, lng, lat from registry_places
      where id = $1 and retired_at is null and org_path like $2`,
    [id, likePrefix(scopePath)]);
  return r.rows[0] ?? null;
}

export interface UnitRow { id: string; code: string; name: string; path: string; level: string }

export async function findUnit(tx: Tx, id: string): Promise<UnitRow | null> {
  const r = await tx.query<UnitRow>(`select id, code, name, path, level from org_units where id = $1`, [id]);
  return r.rows[0] ?? null;
}

/** the town whose path is a prefix of `path` */
export async function findTownOver(tx: Tx, path: string): Promise<UnitRow | null> {
  const r = await tx.query<UnitRow>(
    `select id, code, name, path, level from org_units where level = 'town' and $1 like path || '%' order by length(path) desc limit 1`, [path]);
  return r.rows[0] ?? null;
}

export interface StaffRow { id: string; name: string; scope_path: string | null }

/** enabled staff accounts among `ids`, with their scope's path */
export async function findStaff(tx: Tx, ids: readonly string[]): Promise<StaffRow[]> {
  const r = await tx.query<StaffRow>(
    `select a.id, a.name, u.path as scope_path from accounts a left join org_units u on u.id = a.scope_org_unit_id
      where a.id = any($1::text[]) and a.kind = 'staff' and a.disabled_at is null`, [ids]);
  return r.rows;
}

export async function accountNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const r = await tx.query<{ id: string; name: string }>(`select id, name from accounts where id = any($1::text[])`, [ids]);
  return new Map(r.rows.map((x) => [x.id, x.name]));
}

export async function findInspectionIdByKey(tx: Tx, key: string): Promise<string | null> {
  const r = await tx.query<{ id: string }>(`select id from joint_inspections where idempotency_key = $1`, [key]);
  return r.rows[0]?.id ?? null;
}

export interface NewInspection {
  id: string;
  number: string;
  town_id: string;
  grid_id: string | null;
  org_path: string;
  place_id: string | null;
  subject_name: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
  planned_on: string;
  checklists: HeldChecklist[];
  inspector_ids: string[];
  idempotency_key: string | null;
  created_at: Date;
  created_by: string;
}

export async function insertInspection(tx: Tx, i: NewInspection): Promise<void> {
  await tx.query(
    `insert into joint_inspections (id, number, town_id, grid_id, org_path, place_id, subject_name, address, lng, lat, planned_on, status,
       checklists, inspector_ids, idempotency_key, created_at, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::date, 'planned', $12::jsonb, $13::text[], $14, $15, $16)`,
    [i.id, i.number, i.town_id, i.grid_id, i.org_path, i.place_id, i.subject_name, i.address, i.lng, i.lat, i.planned_on,
      JSON.stringify(i.checklists), i.inspector_ids, i.idempotency_key, i.created_at, i.created_by]);
}

export async function findInspection(tx: Tx, id: string, scopePath: string, forUpdate = false): Promise<InspectionRow | null> {
  const r = await tx.query<InspectionRow>(
    `${SELECT} where i.id = $1 and i.org_path like $2${forUpdate ? ' for update of i' : ''}`, [id, likePrefix(scopePath)]);
  return r.rows[0] ?? null;
}

export async function listInspections(
  tx: Tx, scopePath: string, status: InspectionStatus | null, before: { plannedOn: string; id: string } | null, limit: number,
): Promise<InspectionRow[]> {
  const r = await tx.query<InspectionRow>(
    `${SELECT} where i.org_path like $1 and ($2::text is null or i.status = $2)
        and ($3::date is null or (i.planned_on, i.id) < ($3::date, $4::text))
      order by i.planned_on desc, i.id desc limit $5`,
    [likePrefix(scopePath), status, before?.plannedOn ?? null, before?.id ?? '', limit]);
  return r.rows;
}

export async function saveResults(
  tx: Tx, id: string, r: { checklists: HeldChecklist[]; findings: string | null; doneAt: Date; doneBy: string; requestKey: string | null },
): Promise<void> {
  await tx.query(
    `update joint_inspections set status = 'done', checklists = $2::jsonb, findings = $3, done_at = $4, done_by = $5, done_request_key = $6
      where id = $1`,
    [id, JSON.stringify(r.checklists), r.findings, r.doneAt, r.doneBy, r.requestKey]);
}

export interface InspectionCaseRow { id: string; number: string; status: string; matter_code: string; matter_name: string; inspection_id: string }

/** the enforcement cases opened from these inspections */
export async function listCasesOf(tx: Tx, inspectionIds: readonly string[]): Promise<InspectionCaseRow[]> {
  if (inspectionIds.length === 0) return [];
  const r = await tx.query<InspectionCaseRow>(
    `select c.id, c.number, c.status, c.matter_code, m.name as matter_name, c.inspection_id
       from enforcement_cases c join enforcement_matters m on m.code = c.matter_code
      where c.inspection_id = any($1::text[]) order by c.opened_at`, [inspectionIds]);
  return r.rows;
}

/** the 统一社会信用代码 of a registry place, if it has one */
export async function placeCreditCode(tx: Tx, placeId: string | null): Promise<string | null> {
  if (placeId === null) return null;
  const r = await tx.query<{ credit_code: string | null }>(`select credit_code from registry_places where id = $1`, [placeId]);
  return r.rows[0]?.credit_code ?? null;
}

/** the units whose path is a prefix of `path` (the city, district and town over a case), highest first */
export async function unitsOver(tx: Tx, path: string): Promise<UnitRow[]> {
  const r = await tx.query<UnitRow>(`select id, code, name, path, level from org_units where $1 like path || '%' order by length(path)`, [path]);
  return r.rows;
}

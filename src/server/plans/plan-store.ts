import type { Tx } from '../platform/db/db.ts';
import { likePrefix, inOrHoldingScope } from '../platform/db/sql.ts';
import type { PlanBody, PlanStatus } from '../../shared/plans.ts';

/**
 * Plans and their versions: SQL only. A caller reaches the plans of the towns in its scope or holding it (a community's
 * staff read their town's plans), always in the query.
 */

/** A plan as the list shows it: what the list needs of the current body, not the body (which may run to a few 100 kB). */
export interface PlanListRow {
  id: string;
  town_id: string;
  town_name: string;
  name: string;
  hazard: string;
  status: PlanStatus;
  current_version: number;
  trigger_kinds: string[];
  created_at: Date;
  updated_at: Date;
  retired_at: Date | null;
  levels: PlanBody['levels'];
  step_count: number;
  role_count: number;
  matter_code: string;
  matter_name: string | null;
}

export interface PlanRow extends PlanListRow {
  town_code: string;
  org_path: string;
  retired_by_name: string | null;
  retire_reason: string | null;
  /** the current version's body, contact phones sealed */
  body: PlanBody;
  note: string | null;
  saved_at: Date;
  saved_by_name: string | null;
}

const SUMMARY = `v.body -> 'levels' as levels, jsonb_array_length(v.body -> 'steps') as step_count,
         jsonb_array_length(v.body -> 'roles') as role_count, v.body ->> 'matterCode' as matter_code,
         (select m.name from matters m where m.town_id = p.town_id and m.code = v.body ->> 'matterCode' and m.current
           order by m.version desc limit 1) as matter_name`;

const LIST_SELECT = `
  select p.id, p.town_id, t.name as town_name, p.name, p.hazard, p.status, p.current_version, p.trigger_kinds, p.created_at,
         p.updated_at, p.retired_at, ${SUMMARY}
    from plans p
    join org_units t on t.id = p.town_id
    join plan_versions v on v.plan_id = p.id and v.version = p.current_version`;

const SELECT = `
  select p.id, p.town_id, t.name as town_name, t.code as town_code, p.org_path, p.name, p.hazard, p.status, p.current_version,
         p.trigger_kinds, p.created_at, p.updated_at, p.retired_at, ra.name as retired_by_name, p.retire_reason,
         v.body, v.note, v.saved_at, v.saved_by_name, ${SUMMARY}
    from plans p
    join org_units t on t.id = p.town_id
    join plan_versions v on v.plan_id = p.id and v.version = p.current_version
    left join accounts ra on ra.id = p.retired_by`;

/** the plan's town lies in the scope, or holds it */
const reaches = (scopeParam: string, likeParam: string) => inOrHoldingScope('p.org_path', scopeParam, likeParam);

export interface PlanFilter { hazard: string | null; status: PlanStatus | null; q: string | null; townId: string | null }

/** A page of plans, most recently changed first; `after` is the last row's (updated_at, id). */
export async function listPlans(tx: Tx, scopePath: string, f: PlanFilter, after: { at: Date; id: string } | null, limit: number): Promise<PlanListRow[]> {
  const r = await tx.query<PlanListRow>(
    `${LIST_SELECT}
      where ${reaches('$1', '$2')}
        and ($3::text is null or p.hazard = $3) and ($4::text is null or p.status = $4)
        and ($5::text is null or p.name ilike $5) and ($6::text is null or p.town_id = $6)
        and ($7::timestamptz is null or (p.updated_at, p.id) < ($7::timestamptz, $8::text))
      order by p.updated_at desc, p.id desc limit $9`,
    [scopePath, likePrefix(scopePath), f.hazard, f.status, f.q === null ? null : `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      f.townId, after?.at ?? null, after?.id ?? null, limit]);
  return r.rows;
}

export async function findPlan(tx: Tx, scopePath: string, id: string, forUpdate = false): Promise<PlanRow | null> {
  if (forUpdate) {
    const locked = await tx.query('select id from plans where id = $1 for update', [id]);
    if (locked.rows.length === 0) return null;
  }
  const r = await tx.query<PlanRow>(`${SELECT} where p.id = $1 and ${reaches('$2', '$3')}`, [id, scopePath, likePrefix(scopePath)]);
  return r.rows[0] ?? null;
}

export interface PlanForActivation {
  id: string;
  townId: string;
  orgPath: string;
  status: PlanStatus;
  version: number;
  /** the current version's body, contact phones still sealed (openContacts to show them) */
  body: PlanBody;
}

/**
 * The plan to activate, in the caller's scope (in it or holding it), its row locked against a save or retirement
 * running at the same time; its current version. null when there is none the caller reaches.
 */
export async function findPlanForActivation(tx: Tx, planId: string, scopePath: string): Promise<PlanForActivation | null> {
  const r = await tx.query<{ id: string; town_id: string; org_path: string; status: PlanStatus; current_version: number; body: PlanBody }>(
    `select p.id, p.town_id, p.org_path, p.status, p.current_version, v.body
       from plans p join plan_versions v on v.plan_id = p.id and v.version = p.current_version
      where p.id = $1 and ${reaches('$2', '$3')}
      for share of p`,
    [planId, scopePath, likePrefix(scopePath)]);
  const p = r.rows[0];
  return p ? { id: p.id, townId: p.town_id, orgPath: p.org_path, status: p.status, version: p.current_version, body: p.body } : null;
}

export interface ActivePlanOfTown { id: string; version: number; townId: string; body: PlanBody }

/**
 * The town's active plans that something other than a person can start (a trigger of kind alarm, case or alert), with
 * their current bodies (phones sealed), for trigger matching.
 */
export async function listActivePlansOfTown(tx: Tx, townId: string): Promise<ActivePlanOfTown[]> {
  const r = await tx.query<{ id: string; current_version: number; town_id: string; body: PlanBody }>(
    `select p.id, p.current_version, p.town_id, v.body
       from plans p join plan_versions v on v.plan_id = p.id and v.version = p.current_version
      where p.town_id = $1 and p.status = 'active' and p.trigger_kinds && array['alarm','case','alert']::text[]
      order by p.created_at, p.id`,
    [townId]);
  return r.rows.map((p) => ({ id: p.id, version: p.current_version, townId: p.town_id, body: p.body }));
}

// ---------------------------------------------------------------------------------------------------------------------
// writes

export interface SavedBy { accountId: string | null; name: string | null }

export async function insertPlan(
  tx: Tx, p: { townId: string; orgPath: string; body: PlanBody; idempotencyKey: string | null; note: string | null }, by: SavedBy, now: Date,
): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into plans (town_id, org_path, name, hazard, current_version, trigger_kinds, idempotency_key, created_at, created_by, updated_at)
     values ($1,$2,$3,$4,1,$5,$6,$7,$8,$7) returning id`,
    [p.townId, p.orgPath, p.body.name, p.body.hazard, triggerKinds(p.body), p.idempotencyKey, now, by.accountId]);
  const id = r.rows[0]!.id;
  await insertVersion(tx, id, 1, p.body, p.note, by, now);
  return id;
}

/** The new version of a plan whose current version is `version`; false when another save came first. */
export async function saveNewVersion(tx: Tx, id: string, version: number, body: PlanBody, note: string | null, by: SavedBy, now: Date): Promise<boolean> {
  const r = await tx.query(
    `update plans set current_version = current_version + 1, name = $3, hazard = $4, trigger_kinds = $5, updated_at = $6
      where id = $1 and current_version = $2 and status = 'active'`,
    [id, version, body.name, body.hazard, triggerKinds(body), now]);
  if (r.rowCount !== 1) return false;
  await insertVersion(tx, id, version + 1, body, note, by, now);
  return true;
}

async function insertVersion(tx: Tx, planId: string, version: number, body: PlanBody, note: string | null, by: SavedBy, now: Date): Promise<void> {
  await tx.query(
    `insert into plan_versions (plan_id, version, body, note, saved_at, saved_by, saved_by_name) values ($1,$2,$3,$4,$5,$6,$7)`,
    [planId, version, JSON.stringify(body), note, now, by.accountId, by.name]);
}

export async function retirePlan(tx: Tx, id: string, reason: string, by: SavedBy, now: Date): Promise<boolean> {
  const r = await tx.query(
    `update plans set status = 'retired', retired_at = $2, retired_by = $3, retire_reason = $4, updated_at = $2
      where id = $1 and status = 'active'`,
    [id, now, by.accountId, reason]);
  return r.rowCount === 1;
}

export async function findPlanByIdempotencyKey(tx: Tx, key: string): Promise<string | null> {
  const r = await tx.query<{ id: string }>('select id from plans where idempotency_key = $1', [key]);
  return r.rows[0]?.id ?? null;
}

const triggerKinds = (body: PlanBody): string[] => [...new Set(body.triggers.map((t) => t.kind))].sort();

// ---------------------------------------------------------------------------------------------------------------------
// versions

export interface VersionRow {
  version: number;
  saved_at: Date;
  saved_by: string | null;
  saved_by_name: string | null;
  note: string | null;
}

export async function listVersions(tx: Tx, planId: string): Promise<VersionRow[]> {
  const r = await tx.query<VersionRow>(
    'select version, saved_at, saved_by, saved_by_name, note from plan_versions where plan_id = $1 order by version desc', [planId]);
  return r.rows;
}

export async function findVersion(tx: Tx, planId: string, version: number): Promise<(VersionRow & { body: PlanBody }) | null> {
  const r = await tx.query<VersionRow & { body: PlanBody }>(
    'select version, saved_at, saved_by, saved_by_name, note, body from plan_versions where plan_id = $1 and version = $2', [planId, version]);
  return r.rows[0] ?? null;
}

// ---------------------------------------------------------------------------------------------------------------------
// what a plan refers to

export interface TownRef { id: string; code: string; name: string; path: string }

/** The town's current Matter of this code (not withdrawn). */
export async function findCurrentMatter(tx: Tx, townId: string, code: string): Promise<{ code: string; name: string } | null> {
  const r = await tx.query<{ code: string; name: string }>(
    `select code, name from matters where town_id = $1 and code = $2 and current and retired_at is null and list <> 'withdrawn'
      order by version desc limit 1`,
    [townId, code]);
  return r.rows[0] ?? null;
}

/** { code: name } of the town's posts among these codes (retired posts left out). */
export async function postNamesOfTown(tx: Tx, townId: string, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const r = await tx.query<{ code: string; name: string }>(
    'select code, name from posts where town_id = $1 and code = any($2::text[]) and retired_at is null', [townId, [...codes]]);
  return new Map(r.rows.map((x) => [x.code, x.name]));
}

/** { id: name } of active staff accounts among these ids whose scope lies in the town or holds it. */
export async function staffNamesInTown(tx: Tx, townPath: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const r = await tx.query<{ id: string; name: string }>(
    `select a.id, a.name from accounts a join org_units s on s.id = a.scope_org_unit_id
      where a.id = any($2::text[]) and a.kind = 'staff' and a.disabled_at is null
        and ${inOrHoldingScope('s.path', '$1', '$3')}`,
    [townPath, [...ids], likePrefix(townPath)]);
  return new Map(r.rows.map((x) => [x.id, x.name]));
}

/** { id: name } of these accounts, whoever they are (names of back-ups saved earlier, for showing). */
export async function accountNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const r = await tx.query<{ id: string; name: string }>('select id, name from accounts where id = any($1::text[])', [[...ids]]);
  return new Map(r.rows.map((x) => [x.id, x.name]));
}

import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';

/*
 * Sweeps (矛盾纠纷大排查) and their grid reports: SQL only. A sweep belongs to a town; a caller reaches the sweeps of the
 * towns inside their scope or holding it (a grid worker reaches their town's sweeps).
 */

const reaches = (alias: string, scopeParam: string, likeParam: string) => `(${alias}.org_path like ${likeParam} or left(${scopeParam}, length(${alias}.org_path)) = ${alias}.org_path)`;

export interface SweepRow {
  id: string;
  town_id: string;
  town_name: string;
  org_path: string;
  title: string;
  note: string | null;
  due_on: string;
  created_at: Date;
  created_by: string | null;
  created_by_name: string | null;
}

export interface TownRow { id: string; name: string; path: string; level: string }

export interface GridRow { id: string; name: string; path: string; town_id: string; community_name: string | null }

export interface ReportRow {
  sweep_id: string;
  grid_id: string;
  none_found: boolean;
  dispute_ids: string[];
  note: string | null;
  reported_at: Date;
  reported_by: string | null;
  reported_by_name: string | null;
}

const SWEEP_COLUMNS = `s.id, s.town_id, t.name as town_name, s.org_path, s.title, s.note, to_char(s.due_on, 'YYYY-MM-DD') as due_on,
  s.created_at, s.created_by, a.name as created_by_name`;
const SWEEP_FROM = `dispute_sweeps s join org_units t on t.id = s.town_id left join accounts a on a.id = s.created_by`;

export async function findUnit(tx: Tx, id: string): Promise<TownRow | null> {
  const r = await tx.query<TownRow>('select id, name, path, level from org_units where id = $1', [id]);
  return r.rows[0] ?? null;
}

/** The town whose path is a prefix of (or equal to) the given path: the town holding a grid or a community. */
export async function townHolding(tx: Tx, path: string): Promise<TownRow | null> {
  const r = await tx.query<TownRow>(
    `select id, name, path, level from org_units where level = 'town' and left($1, length(path)) = path order by length(path) desc limit 1`, [path]);
  return r.rows[0] ?? null;
}

export async function insertSweep(tx: Tx, s: {
  townId: string; orgPath: string; title: string; note: string | null; dueOn: string; createdAt: Date; createdBy: string; idempotencyKey: string | null;
}): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into dispute_sweeps (town_id, org_path, title, note, due_on, created_at, created_by, idempotency_key)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [s.townId, s.orgPath, s.title, s.note, s.dueOn, s.createdAt, s.createdBy, s.idempotencyKey]);
  return r.rows[0]!.id;
}

export async function findSweepByKey(tx: Tx, key: string): Promise<string | null> {
  const r = await tx.query<{ id: string }>('select id from dispute_sweeps where idempotency_key = $1', [key]);
  return r.rows[0]?.id ?? null;
}

/** The sweeps the caller reaches (towns in or holding the scope), latest due first; `townId` narrows to one town. */
export async function listSweeps(tx: Tx, scopePath: string, townId: string | null, limit = 200): Promise<SweepRow[]> {
  const params: unknown[] = [scopePath, likePrefix(scopePath)];
  let where = reaches('s', '$1', '$2');
  if (townId) {
    params.push(townId);
    where += ` and s.town_id = $${params.length}`;
  }
  params.push(limit);
  const r = await tx.query<SweepRow>(
    `select ${SWEEP_COLUMNS} from ${SWEEP_FROM} where ${where} order by s.due_on desc, s.created_at desc limit $${params.length}`, params);
  return r.rows;
}

export async function findSweep(tx: Tx, id: string, scopePath: string, forUpdate = false): Promise<SweepRow | null> {
  const r = await tx.query<SweepRow>(
    `select ${SWEEP_COLUMNS} from ${SWEEP_FROM} where s.id = $1 and ${reaches('s', '$2', '$3')}${forUpdate ? ' for update of s' : ''}`,
    [id, scopePath, likePrefix(scopePath)]);
  return r.rows[0] ?? null;
}

/** The sweeps of these towns due on or after `fromDay` (YYYY-MM-DD). */
export async function listSweepsOfTowns(tx: Tx, townIds: readonly string[], fromDay: string): Promise<SweepRow[]> {
  if (townIds.length === 0) return [];
  const r = await tx.query<SweepRow>(
    `select ${SWEEP_COLUMNS} from ${SWEEP_FROM} where s.town_id = any($1::text[]) and s.due_on >= $2::date order by s.due_on, s.created_at`,
    [townIds, fromDay]);
  return r.rows;
}

/** The grids of these towns (current ones, not retired), with their community's name, in the org tree's order. */
export async function listTownGrids(tx: Tx, townIds: readonly string[]): Promise<GridRow[]> {
  if (townIds.length === 0) return [];
  const r = await tx.query<GridRow>(
    `select g.id, g.name, g.path, t.id as town_id, c.name as community_name
       from org_units t join org_units g on left(g.path, length(t.path)) = t.path
       left join org_units c on c.id = g.parent_id
      where t.id = any($1::text[]) and g.level = 'grid' and g.retired_at is null
      order by c.sort, c.name, g.sort, g.name`,
    [townIds]);
  return r.rows;
}

export async function listGridsByIds(tx: Tx, ids: readonly string[]): Promise<GridRow[]> {
  if (ids.length === 0) return [];
  const r = await tx.query<GridRow>(
    `select g.id, g.name, g.path, t.id as town_id, c.name as community_name
       from org_units g join org_units t on t.level = 'town' and left(g.path, length(t.path)) = t.path
       left join org_units c on c.id = g.parent_id
      where g.id = any($1::text[]) and g.level = 'grid' and g.retired_at is null`, [ids]);
  return r.rows;
}

export async function listReports(tx: Tx, sweepIds: readonly string[]): Promise<ReportRow[]> {
  if (sweepIds.length === 0) return [];
  const r = await tx.query<ReportRow>(
    `select r.*, a.name as reported_by_name from dispute_sweep_reports r left join accounts a on a.id = r.reported_by
      where r.sweep_id = any($1::text[])`, [sweepIds]);
  return r.rows;
}

export async function findReport(tx: Tx, sweepId: string, gridId: string): Promise<ReportRow | null> {
  const r = await tx.query<ReportRow>(
    `select r.*, null as reported_by_name from dispute_sweep_reports r where r.sweep_id = $1 and r.grid_id = $2 for update`, [sweepId, gridId]);
  return r.rows[0] ?? null;
}

/** One report per grid: a later one replaces the earlier. */
export async function upsertReport(tx: Tx, r: {
  sweepId: string; gridId: string; noneFound: boolean; disputeIds: readonly string[]; note: string | null; at: Date; by: string;
}): Promise<void> {
  await tx.query(
    `insert into dispute_sweep_reports (sweep_id, grid_id, none_found, dispute_ids, note, reported_at, reported_by)
     values ($1, $2, $3, $4::text[], $5, $6, $7)
     on conflict (sweep_id, grid_id) do update set none_found = excluded.none_found, dispute_ids = excluded.dispute_ids,
       note = excluded.note, reported_at = excluded.reported_at, reported_by = excluded.reported_by`,
    [r.sweepId, r.gridId, r.noneFound, r.disputeIds, r.note, r.at, r.by]);
}

/** The disputes among `ids` that lie in the grid, with their numbers. */
export async function disputesOfGrid(tx: Tx, ids: readonly string[], gridId: string): Promise<{ id: string; number: string }[]> {
  if (ids.length === 0) return [];
  const r = await tx.query<{ id: string; number: string }>(
    'select id, number from disputes where id = any($1::text[]) and grid_id = $2', [ids, gridId]);
  return r.rows;
}

export async function disputeNumbers(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const r = await tx.query<{ id: string; number: string }>('select id, number from disputes where id = any($1::text[])', [ids]);
  return new Map(r.rows.map((x) => [x.id, x.number]));
}

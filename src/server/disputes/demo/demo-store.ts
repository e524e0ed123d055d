import type { Tx } from '../../platform/db/db.ts';
import type { Principal } from '../../platform/auth.ts';
import { territorialScope } from '../../../domain/identity/scope.ts';

/* What the 平安法治 demo steps read: the demo accounts as a session would present them, the town's grids and units. */

/**
 * The account as a signed-in session presents it (its posts, grids and departments), for the commands the demo calls;
 * null when the demo has no such account.
 */
export async function demoPrincipal(tx: Tx, username: string): Promise<Principal | null> {
  const r = await tx.query<{
    id: string; username: string; name: string; kind: 'staff' | 'resident'; roles: Principal['roles']; scope_org_unit_id: string | null;
    scope_path: string | null; home_org_unit_id: string | null; posts: Principal['posts']; grids: Principal['grids']; department_ids: string[];
  }>(
    `select a.id, a.username, a.name, a.kind, a.roles, a.scope_org_unit_id, s.path as scope_path, a.home_org_unit_id,
        coalesce((select json_agg(json_build_object('id', p.id, 'code', p.code, 'name', p.name, 'town_id', p.town_id,
                   'board_name', b.name, 'holder', case a.id when p.a_holder_id then 'A' when p.b_holder_id then 'B' else 'backup' end) order by b.sort, p.sort)
                   from posts p join boards b on b.id = p.board_id
                  where a.id in (p.a_holder_id, p.b_holder_id, p.backup_holder_id) and p.retired_at is null), '[]') as posts,
        coalesce((select json_agg(json_build_object('grid_id', g.grid_id, 'team_role', g.team_role) order by g.sort)
                   from grid_team_members g where g.account_id = a.id), '[]') as grids,
        array(select d.department_id from department_members d where d.account_id = a.id) as department_ids
       from accounts a left join org_units s on s.id = a.scope_org_unit_id
      where a.username = $1 and a.disabled_at is null`, [username]);
  const row = r.rows[0];
  if (!row) return null;
  return {
    accountId: row.id, username: row.username, name: row.name, kind: row.kind, roles: row.roles, scopeOrgUnitId: row.scope_org_unit_id,
    scopePath: territorialScope(row.roles, row.scope_path), homeOrgUnitId: row.home_org_unit_id, posts: row.posts, grids: row.grids,
    departmentIds: row.department_ids, mustChangePassword: false, tokenHash: '',
  };
}

/** The account's phone as stored: sealed (opened by the caller) or, for the seeded demo accounts, as typed. */
export async function accountPhone(tx: Tx, username: string): Promise<string | null> {
  return (await tx.query<{ phone: string | null }>('select phone from accounts where username = $1', [username])).rows[0]?.phone ?? null;
}

export interface DemoGrid {
  id: string;
  name: string;
  level: 'grid' | 'dedicatedGrid';
  path: string;
  /** a point well inside it: the mean of its outline's corners */
  lng: number;
  lat: number;
}

/** The town's grids (ordinary and dedicated) with a point inside each, by name. */
export async function gridsOfTown(tx: Tx, townId: string): Promise<Map<string, DemoGrid>> {
  const r = await tx.query<{ id: string; name: string; level: 'grid' | 'dedicatedGrid'; path: string; geometry: { coordinates: number[][][] } | null }>(
    `select g.id, g.name, g.level, g.path, g.geometry from org_units g join org_units t on t.id = $1
      where g.path like t.path || '%' and g.level in ('grid', 'dedicatedGrid') and g.retired_at is null order by g.code`, [townId]);
  const out = new Map<string, DemoGrid>();
  for (const g of r.rows) {
    const ring = g.geometry?.coordinates[0];
    if (!ring || ring.length < 4) continue;
    const corners = ring.slice(0, -1);
    const mean = (k: 0 | 1) => corners.reduce((s, c) => s + c[k]!, 0) / corners.length;
    out.set(g.name, { id: g.id, name: g.name, level: g.level, path: g.path, lng: mean(0), lat: mean(1) });
  }
  return out;
}

/** The town whose name is given (春晖路街道). */
export async function townByName(tx: Tx, name: string): Promise<{ id: string; name: string; path: string } | null> {
  return (await tx.query<{ id: string; name: string; path: string }>(
    `select id, name, path from org_units where level = 'town' and name = $1 and retired_at is null`, [name])).rows[0] ?? null;
}

/** Whether the town has any dispute already (the demo adds its history once). */
export async function townHasDisputes(tx: Tx, townId: string): Promise<boolean> {
  return (await tx.query('select 1 from disputes where town_id = $1 limit 1', [townId])).rows.length > 0;
}

/** The subclass code of a class by the subclass's name (the catalog numbers them `<class>-<nn>`). */
export async function subclassCodes(tx: Tx): Promise<Map<string, string>> {
  const r = await tx.query<{ code: string; subclasses: { code: string; name: string }[] }>('select code, subclasses from dispute_classes');
  const out = new Map<string, string>();
  for (const c of r.rows) for (const s of c.subclasses) out.set(`${c.code}:${s.name}`, s.code);
  return out;
}

/** Departments of the district by name (a dispute pushed to 区城市管理局 names it by id). */
export async function departmentsByName(tx: Tx): Promise<Map<string, string>> {
  const r = await tx.query<{ id: string; name: string }>('select id, name from departments');
  return new Map(r.rows.map((d) => [d.name, d.id]));
}

/** The pending referral of a dispute last pushed (the one a reply answers). */
export async function lastReferral(tx: Tx, disputeId: string): Promise<string | null> {
  return (await tx.query<{ id: string }>(
    `select id from dispute_referrals where dispute_id = $1 order by (status = 'done'), created_at desc limit 1`, [disputeId])).rows[0]?.id ?? null;
}

/** A dispute's work order, and its status in the loop. */
export async function workOrderOf(tx: Tx, disputeId: string): Promise<{ caseId: string; status: string; version: number } | null> {
  return (await tx.query<{ caseId: string; status: string; version: number }>(
    `select c.id as "caseId", c.status, c.version from disputes d join cases c on c.id = d.case_id where d.id = $1`, [disputeId])).rows[0] ?? null;
}

/** The grid's full-time grid worker (name, and account when they have one). */
export async function gridWorkerOf(tx: Tx, gridId: string): Promise<{ name: string; accountId: string | null } | null> {
  return (await tx.query<{ name: string; accountId: string | null }>(
    `select name, account_id as "accountId" from grid_team_members where grid_id = $1 and team_role = 'fullTime' order by sort limit 1`, [gridId])).rows[0] ?? null;
}

// What the history steps read of the ground the ground steps wrote: towns, their grids (path, polygon), the grids'
// workers, posts, departments, current Matters and the staff who act on cases. One read at the start; the history
// steps then work from memory.
import type pg from 'pg';
import type { Assignee } from '../../../src/domain/cases/case-state.ts';
import type { MatterRow } from '../../../src/server/matters/store.ts';
import { toMatter } from '../../../src/server/cases/case-mapping.ts';
import type { Matter } from '../../../src/domain/matters/matter.ts';

export interface Person { id: string; name: string }

export interface GroundGrid {
  id: string;
  path: string;
  communityId: string;
  /** the grid's index among its town's communities (the demo texts pick a street by it) */
  communityIndex: number;
  /** the outer ring without its closing point, and its centroid: reports fall in a triangle of centroid and two corners */
  ring: number[][];
  cx: number;
  cy: number;
  /** the grid's worker by the team rule (full-time first, then the leader, then the others), or null */
  worker: Person | null;
}

export interface GroundMatter {
  row: MatterRow;
  matter: Matter;
}

export interface GroundTown {
  id: string;
  code: string;
  path: string;
  districtId: string;
  grids: GroundGrid[];
  matters: Map<string, GroundMatter>;
  /** post code → post id and a holder (A, else B, else backup) */
  posts: Map<string, { id: string; holder: Person | null }>;
  /** post id → its holder */
  postHolders: Map<string, Person | null>;
  dispatchers: Person[];
  /** community id → its staff accounts */
  communityStaff: Map<string, Person[]>;
  /** staff handlers of the town (handler role, scope inside the town): a dispatcher's choice when routing names nobody */
  handlers: Person[];
  /** residents with an account living in the town (signed-in 随手拍 reports, ratings) */
  residents: Person[];
}

export interface Ground {
  towns: GroundTown[];
  /** department id → a member who acts for it */
  departmentMember: Map<string, Person | null>;
  /** district id → department name → id */
  departments: Map<string, Map<string, string>>;
}

const q = async <T extends pg.QueryResultRow>(pool: pg.Pool, sql: string, params: unknown[] = []) => (await pool.query<T>(sql, params)).rows;

export async function loadGround(pool: pg.Pool): Promise<Ground> {
  const towns = await q<{ id: string; code: string; path: string; parent_id: string }>(pool,
    `select id, code, path, parent_id from org_units where level = 'town' order by path`);
  const byId = new Map<string, GroundTown>();
  const byPathTown = (path: string): GroundTown | undefined => {
    for (const id of path.split('/')) {
      const t = byId.get(id);
      if (t) return t;
    }
    return undefined;
  };
  const result: Ground = { towns: [], departmentMember: new Map(), departments: new Map() };
  for (const t of towns) {
    const town: GroundTown = {
      id: t.id, code: t.code, path: t.path, districtId: t.parent_id, grids: [], matters: new Map(), posts: new Map(), postHolders: new Map(),
      dispatchers: [], communityStaff: new Map(), handlers: [], residents: [],
    };
    byId.set(t.id, town);
    result.towns.push(town);
  }

  const communities = await q<{ id: string; path: string }>(pool, `select id, path from org_units where level = 'community' order by path, sort`);
  const communityIndex = new Map<string, number>();
  const perTown = new Map<string, number>();
  for (const c of communities) {
    const town = byPathTown(c.path);
    if (!town) continue;
    const n = perTown.get(town.id) ?? 0;
    communityIndex.set(c.id, n);
    perTown.set(town.id, n + 1);
  }

  // the grid's worker by the team rule (domain/org/team.ts gridWorkerOf), as intake's gridWorkerFor finds it
  const workers = await q<{ grid_id: string; id: string; name: string }>(pool,
    `select distinct on (m.grid_id) m.grid_id, a.id, a.name
       from grid_team_members m join accounts a on a.id = m.account_id
       join org_units g on g.id = m.grid_id
       left join org_units s on s.id = a.scope_org_unit_id
      where a.kind = 'staff' and a.disabled_at is null and a.roles && array['handler','dispatcher','communityStaff','gridWorker']::text[]
        and s.path is not null and g.path like s.path || '%'
      order by m.grid_id, case m.team_role when 'fullTime' then 0 when 'gridLeader' then 1 else 2 end, m.sort, m.name`);
  const workerOf = new Map(workers.map((w) => [w.grid_id, { id: w.id, name: w.name }]));

  const grids = await q<{ id: string; path: string; parent_id: string; geometry: { type: string; coordinates: number[][][] | number[][][][] } | null }>(pool,
    `select id, path, parent_id, geometry from org_units where level = 'grid' and geometry is not null order by path, sort`);
  for (const g of grids) {
    const town = byPathTown(g.path);
    if (!town) continue;
    const rings = g.geometry!.type === 'MultiPolygon' ? (g.geometry!.coordinates as number[][][][])[0]! : (g.geometry!.coordinates as number[][][]);
    const ring = rings[0]!.slice(0, -1);
    if (ring.length < 3) continue;
    const cx = ring.reduce((s, p) => s + p[0]!, 0) / ring.length;
    const cy = ring.reduce((s, p) => s + p[1]!, 0) / ring.length;
    town.grids.push({ id: g.id, path: g.path, communityId: g.parent_id, communityIndex: communityIndex.get(g.parent_id) ?? 0, ring, cx, cy, worker: workerOf.get(g.id) ?? null });
  }

  const matters = await q<MatterRow>(pool, `select * from matters where current and retired_at is null order by town_id, code`);
  for (const m of matters) byId.get(m.town_id)?.matters.set(m.code, { row: m, matter: toMatter(m) });

  const posts = await q<{ id: string; town_id: string; code: string; holder_id: string | null; holder_name: string | null }>(pool,
    `select p.id, p.town_id, p.code, h.id as holder_id, h.name as holder_name from posts p
       left join accounts h on h.id = coalesce(p.a_holder_id, p.b_holder_id, p.backup_holder_id)
      where p.retired_at is null`);
  for (const p of posts) {
    const town = byId.get(p.town_id);
    const holder = p.holder_id ? { id: p.holder_id, name: p.holder_name! } : null;
    town?.posts.set(p.code, { id: p.id, holder });
    town?.postHolders.set(p.id, holder);
  }

  const staff = await q<{ id: string; name: string; roles: string[]; kind: string; scope_path: string | null; scope_level: string | null; scope_id: string | null; home_path: string | null }>(pool,
    `select a.id, a.name, a.roles, a.kind, s.path as scope_path, s.level as scope_level, s.id as scope_id, h.path as home_path
       from accounts a left join org_units s on s.id = a.scope_org_unit_id left join org_units h on h.id = a.home_org_unit_id
      where a.disabled_at is null and (a.roles && array['dispatcher','communityStaff','handler']::text[] or a.kind = 'resident')
      order by a.username`);
  for (const a of staff) {
    const person = { id: a.id, name: a.name };
    if (a.kind === 'resident') {
      const town = a.home_path ? byPathTown(a.home_path) : undefined;
      town?.residents.push(person);
      continue;
    }
    if (!a.scope_path) continue;
    const town = byPathTown(a.scope_path);
    if (!town) continue;
    if (a.roles.includes('dispatcher') && a.scope_level === 'town') town.dispatchers.push(person);
    if (a.roles.includes('handler')) town.handlers.push(person);
    if (a.roles.includes('communityStaff') && a.scope_level === 'community') {
      const list = town.communityStaff.get(a.scope_id!) ?? [];
      list.push(person);
      town.communityStaff.set(a.scope_id!, list);
    }
  }

  const departments = await q<{ id: string; district_id: string; name: string; member_id: string | null; member_name: string | null }>(pool,
    `select d.id, d.district_id, d.name, m.account_id as member_id, a.name as member_name from departments d
       left join lateral (select account_id from department_members where department_id = d.id order by account_id limit 1) m on true
       left join accounts a on a.id = m.account_id`);
  for (const d of departments) {
    const names = result.departments.get(d.district_id) ?? new Map<string, string>();
    names.set(d.name, d.id);
    result.departments.set(d.district_id, names);
    result.departmentMember.set(d.id, d.member_id ? { id: d.member_id, name: d.member_name! } : null);
  }
  result.towns = result.towns.filter((t) => t.grids.length > 0 && t.matters.size > 0);
  return result;
}

/** The post, department or grid worker routing names at a tier, as `resolveTarget` finds it (null: nobody, the community's staff triage). */
export function resolveIn(ground: Ground, town: GroundTown, grid: GroundGrid, target: { postCode: string } | { departmentName: string } | { tier: 'grid' | 'community' } | null): Assignee | null {
  if (target === null) return null;
  if ('postCode' in target) {
    const post = town.posts.get(target.postCode);
    return post ? { postId: post.id } : null;
  }
  if ('departmentName' in target) {
    const id = ground.departments.get(town.districtId)?.get(target.departmentName);
    return id ? { departmentId: id } : null;
  }
  if (target.tier === 'grid') return grid.worker ? { staffId: grid.worker.id } : null;
  return null;
}

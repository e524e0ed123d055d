import type { Principal } from '../platform/auth.ts';
import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { AppError, notFound, outsideGrids } from '../platform/errors.ts';
import { holdsAnyRole } from '../../shared/roles.ts';
import { ID_NUMBER_READERS, REGISTRY_CARERS, REGISTRY_EDITORS, REGISTRY_READERS } from '../../shared/registry.ts';
import type { GridLocatorCache } from '../org/locator-cache.ts';

/**
 * Where grids are: the app's locator cache, or one answered before a transaction opens (`frozenLocator` in
 * route-helpers.ts) — on PGlite a query of the cache's own inside a transaction would wait for that transaction.
 */
export type LocatorSource = Pick<GridLocatorCache, 'current'>;

/**
 * Which registry records a caller reaches: those whose grid lies in its territory (org_path under its scope path);
 * a grid worker (with no other registry role) only those of the grids of its teams inside that territory — or its
 * whole territory when it is on no team yet (its scope is then its grid). Outside: 404, like a record that does not exist.
 */
export interface Reach {
  accountId: string;
  username: string;
  name: string;
  scopePath: string;
  /** null: every grid under scopePath; else only these grids */
  gridIds: string[] | null;
  editor: boolean;
  /** sees phones whole (reveal) and the sensitive tags */
  carer: boolean;
  /** sees ID numbers whole (reveal) */
  idReader: boolean;
}

export function reachOf(p: Principal): Reach {
  if (!p.scopePath || !holdsAnyRole(p.roles, REGISTRY_READERS)) throw notFound('registry record');
  return {
    accountId: p.accountId, username: p.username, name: p.name, scopePath: p.scopePath,
    gridIds: teamGridsOnly(p, REGISTRY_READERS),
    editor: holdsAnyRole(p.roles, REGISTRY_EDITORS),
    carer: holdsAnyRole(p.roles, REGISTRY_CARERS),
    idReader: holdsAnyRole(p.roles, ID_NUMBER_READERS),
  };
}

/**
 * The grids a caller is confined to: those of its teams when, of `roles`, it holds only gridWorker and is on a team;
 * else null (its whole territory).
 */
export function teamGridsOnly(p: Principal, roles: readonly string[]): string[] | null {
  const onlyGridWorker = p.roles.filter((r) => roles.includes(r)).every((r) => r === 'gridWorker');
  const teamGrids = p.grids.map((g) => g.grid_id);
  return onlyGridWorker && teamGrids.length > 0 ? teamGrids : null;
}

/** The part of a reach that says where: the territory and, for a grid worker, its grids (registry, tasks and visits alike). */
export type Territory = Pick<Reach, 'scopePath' | 'gridIds'>;

/** The reach as a condition on `<alias>.org_path` and `<alias>.grid_id`, its parameters pushed onto `params`. */
export function reachSql(r: Territory, alias: string, params: unknown[]): string {
  params.push(likePrefix(r.scopePath));
  let sql = `${alias}.org_path like $${params.length}`;
  if (r.gridIds) {
    params.push(r.gridIds);
    sql += ` and ${alias}.grid_id = any($${params.length}::text[])`;
  }
  return `(${sql})`;
}

/** Whether a record at this grid and path is in reach (for records read without the SQL condition). */
export function inReach(r: Territory, row: { grid_id: string; org_path: string }): boolean {
  return row.org_path.startsWith(r.scopePath) && (r.gridIds === null || r.gridIds.includes(row.grid_id));
}

export interface GridRow { id: string; path: string; name: string; town_id: string }

async function gridById(tx: Tx, id: string): Promise<GridRow | null> {
  const r = await tx.query<GridRow>(
    `select g.id, g.path, g.name, t.id as town_id from org_units g
       join org_units t on t.level = 'town' and g.path like t.path || '%'
      where g.id = $1 and g.level in ('grid', 'dedicatedGrid') and g.retired_at is null`, [id]);
  return r.rows[0] ?? null;
}

/** A grid the caller reaches, named by id: else 404. */
export async function reachableGrid(tx: Tx, r: Reach, id: string): Promise<GridRow> {
  const g = await gridById(tx, id);
  if (!g || !inReach(r, { grid_id: g.id, org_path: g.path })) throw notFound('grid');
  return g;
}

export const outsideReach = () => new AppError('REGISTRY_INVALID',
  'The place lies in a grid outside your scope.', '该位置所在网格不在您的数据范围内。');

/**
 * The grid a new record goes to: the grid named (one the caller reaches), else the grid holding the location, which
 * must be in reach too (422: a record can only be placed where its editor works).
 */
export async function placeRecord(tx: Tx, locator: LocatorSource, r: Reach, at: { gridId?: string | undefined; location?: { lng: number; lat: number } | null | undefined }): Promise<GridRow> {
  if (at.gridId) return reachableGrid(tx, r, at.gridId);
  if (!at.location) {
    throw new AppError('REGISTRY_INVALID', 'Give the record a location or a grid (gridId).', '请标注位置或选择所属网格。');
  }
  const id = (await locator.current()).locate(at.location.lng, at.location.lat);
  if (!id) throw outsideGrids();
  const g = await gridById(tx, id);
  if (!g) throw outsideGrids();
  if (!inReach(r, { grid_id: g.id, org_path: g.path })) throw outsideReach();
  return g;
}

/** The unit a list's gridId filter names (a grid or a community …) as a path prefix inside the scope; 404 outside. */
export async function filterPath(tx: Tx, r: Reach, unitId: string | undefined): Promise<string | null> {
  if (!unitId) return null;
  const u = await tx.query<{ path: string }>('select path from org_units where id = $1 and path like $2', [unitId, likePrefix(r.scopePath)]);
  if (!u.rows[0]) throw notFound('organisation unit');
  return u.rows[0].path;
}

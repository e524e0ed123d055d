import type { Principal } from '../platform/auth.ts';
import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { notFound } from '../platform/errors.ts';
import { holdsAnyRole } from '../../shared/roles.ts';
import { ANALYTICS_READERS, PROJECT_EDITORS } from '../../shared/analytics.ts';

/*
 * Who reaches what of 高频诉求, always as a condition inside the SQL:
 *   - hot spots: ANALYTICS_READERS with a territory count the cases and ideas under one unit of their scope (the scope
 *     itself by default; a unit outside it 404). A grid worker's scope is their grid.
 *   - projects: read by ANALYTICS_READERS whose scope lies in the project's community or holds it (a grid worker reads
 *     their community's projects); made and run by PROJECT_EDITORS whose scope holds the community (community staff of
 *     that community, the town's leaders).
 */

export const isReader = (p: Principal): boolean => p.scopePath !== null && holdsAnyRole(p.roles, ANALYTICS_READERS);
export const isEditor = (p: Principal): boolean => p.scopePath !== null && holdsAnyRole(p.roles, PROJECT_EDITORS);
/** Whether the editor's scope holds a project's community (by its path). */
export const edits = (p: Principal, orgPath: string): boolean => isEditor(p) && orgPath.startsWith(p.scopePath!);

/** The read condition on a project alias `x`, its parameters pushed onto `params`. */
export function projectReadSql(p: Principal, x: string, params: unknown[]): string {
  if (!isReader(p)) return 'false';
  params.push(likePrefix(p.scopePath!));
  const like = params.length;
  params.push(p.scopePath!);
  return `(${x}.org_path like $${like} or left($${params.length}::text, length(${x}.org_path)) = ${x}.org_path)`;
}

export interface Unit { id: string; name: string; path: string; level: string; parent_id: string | null }

/** A unit inside the caller's scope (the scope itself without an id); 404 outside it or for a caller without one. */
export async function unitInScope(tx: Tx, p: Principal, id: string | undefined): Promise<Unit> {
  if (!isReader(p)) throw notFound('organisation unit');
  const r = await tx.query<Unit>('select id, name, path, level, parent_id from org_units where id = $1 and path like $2',
    [id ?? p.scopeOrgUnitId ?? '', likePrefix(p.scopePath!)]);
  if (!r.rows[0]) throw notFound('organisation unit');
  return r.rows[0];
}

import type { Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import { findLiveSessionAccess, type SessionAccessRow } from './session-access-store.ts';
import { territorialScope } from '../../domain/identity/scope.ts';

/** Everything about a session that decides what it may see, in a form that compares as one string. */
function fingerprint(a: { roles: readonly string[]; kind: string; scope: string | null; scopePath: string | null; home: string | null;
  posts: readonly string[]; departments: readonly string[]; grids: readonly string[] }): string {
  const sorted = (xs: readonly string[]) => [...xs].sort();
  return JSON.stringify([sorted(a.roles), a.kind, a.scope, a.scopePath, a.home, sorted(a.posts), sorted(a.departments), sorted(a.grids)]);
}

/** The access a request's principal was granted, taken when a long-lived stream opens. */
export function principalAccess(p: Principal): string {
  return fingerprint({
    roles: p.roles, kind: p.kind, scope: p.scopeOrgUnitId, scopePath: p.scopePath, home: p.homeOrgUnitId,
    posts: p.posts.map((x) => `${x.id}:${x.holder}:${x.town_id}`),
    departments: p.departmentIds,
    grids: p.grids.map((g) => `${g.grid_id}:${g.team_role}`),
  });
}

const rowAccess = (r: SessionAccessRow) => fingerprint({
  roles: r.roles, kind: r.kind, scope: r.scope_org_unit_id, scopePath: territorialScope(r.roles, r.scope_path), home: r.home_org_unit_id,
  posts: r.posts, departments: r.department_ids, grids: r.grids,
});

/** The current access of each session still live at `now`, by token hash, in one query; dead sessions are absent. */
export async function liveSessionAccess(tx: Tx, tokenHashes: readonly string[], now: Date): Promise<Map<string, string>> {
  const rows = await findLiveSessionAccess(tx, tokenHashes, now);
  return new Map(rows.map((r) => [r.token_hash, rowAccess(r)]));
}

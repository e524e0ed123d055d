import type { Tx } from '../platform/db/db.ts';
import type { Role } from '../../shared/roles.ts';

export interface SessionAccessRow {
  token_hash: string;
  roles: Role[];
  kind: 'staff' | 'resident';
  scope_org_unit_id: string | null;
  scope_path: string | null;
  home_org_unit_id: string | null;
  /** `id:holder:town` of each post held */
  posts: string[];
  department_ids: string[];
  /** `grid:teamRole` of each grid team place */
  grids: string[];
}

/**
 * For many session tokens at once, what each still-live one may see: the same conditions and the same
 * memberships as `findAccountBySession`. A token that is revoked, expired or whose account is disabled has no row.
 */
export async function findLiveSessionAccess(tx: Tx, tokenHashes: readonly string[], now: Date): Promise<SessionAccessRow[]> {
  const r = await tx.query<SessionAccessRow>(
    `select x.token_hash, a.roles, a.kind, a.scope_org_unit_id, s.path as scope_path, a.home_org_unit_id,
        array(select p.id || ':' || case a.id when p.a_holder_id then 'A' when p.b_holder_id then 'B' else 'backup' end || ':' || p.town_id
                from posts p where a.id in (p.a_holder_id, p.b_holder_id, p.backup_holder_id) and p.retired_at is null) as posts,
        array(select d.department_id from department_members d where d.account_id = a.id) as department_ids,
        array(select g.grid_id || ':' || g.team_role from grid_team_members g where g.account_id = a.id) as grids
       from sessions x
       join accounts a on a.id = x.account_id
       left join org_units s on s.id = a.scope_org_unit_id
      where x.token_hash = any($1::text[]) and x.revoked_at is null and x.expires_at > $2 and a.disabled_at is null`,
    [tokenHashes, now],
  );
  return r.rows;
}

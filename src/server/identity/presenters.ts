import type { Principal } from '../platform/auth.ts';

type UnitRef = { id: string; name: string; level: string } | null;

export function presentMe(p: Principal, scope: UnitRef, home: UnitRef) {
  return {
    id: p.accountId,
    username: p.username,
    name: p.name,
    kind: p.kind,
    roles: p.roles,
    scopeOrgUnitId: p.scopeOrgUnitId,
    scopeOrgUnit: scope,
    homeOrgUnitId: p.homeOrgUnitId,
    homeOrgUnit: home,
    posts: p.posts.map((x) => ({ id: x.id, code: x.code, name: x.name, townId: x.town_id, boardName: x.board_name, holder: x.holder })),
    grids: p.grids.map((g) => ({ gridId: g.grid_id, teamRole: g.team_role })),
    departmentIds: p.departmentIds,
    mustChangePassword: p.mustChangePassword,
  };
}

import type { FeatureRow, PostRow, TeamMemberRow, UnitRow } from './store.ts';
import { idsOnPath } from '../../domain/identity/scope.ts';
import { maskPhone } from '../../domain/identity/personal-data.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { unitPolicies } from '../../domain/org/unit-admin.ts';
import type { Role } from '../../shared/roles.ts';

/** Who reads a unit, as far as what they may do to it goes. */
export interface UnitReader { roles: readonly Role[]; scopePath: string | null }

/** A unit with what the reader may do to it now (`policies`). */
export function presentUnit(u: UnitRow, reader: UnitReader) {
  return {
    id: u.id,
    parentId: u.parent_id,
    level: u.level,
    kind: u.kind,
    code: u.code,
    name: u.name,
    population: u.population,
    households: u.households,
    childCount: u.child_count,
    ancestorIds: idsOnPath(u.path).slice(0, -1),
    policies: unitPolicies({ level: u.level, path: u.path, retired: u.retired }, reader),
  };
}

export function presentFeatures(rows: FeatureRow[]) {
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      id: r.id,
      geometry: r.geometry,
      properties: {
        id: r.id, parentId: r.parent_id, level: r.level, kind: r.kind, code: r.code, name: r.name,
        population: r.population, households: r.households,
      },
    })),
  };
}

/**
 * A grid team with phones unmasked for those who coordinate the grid (`seesTeamPhones`), masked for others; a phone
 * sealed with another key (a restore without its key) is null and `phoneUnavailable`.
 */
export function presentTeam(rows: TeamMemberRow[], o: { unmasked: boolean; pii: PiiCipher }) {
  return rows.map((m) => {
    const phone = m.phone === null ? null : o.pii.tryDecrypt(m.phone);
    return {
      id: m.id, teamRole: m.team_role, name: m.name, accountId: m.account_id,
      phone: phone && (o.unmasked ? phone : maskPhone(phone)), phoneUnavailable: m.phone !== null && phone === null,
    };
  });
}

export function presentBoards(rows: PostRow[]) {
  const boards = new Map<string, { id: string; code: string; name: string; kind: string; posts: unknown[] }>();
  for (const r of rows) {
    const board = boards.get(r.board_id) ?? { id: r.board_id, code: r.board_code, name: r.board_name, kind: r.board_kind, posts: [] };
    boards.set(r.board_id, board);
    if (r.id) {
      board.posts.push({
        id: r.id, code: r.code, name: r.name, special: r.special,
        holderA: r.a_holder_id ? { id: r.a_holder_id, name: r.a_holder_name } : null,
        holderB: r.b_holder_id ? { id: r.b_holder_id, name: r.b_holder_name } : null,
      });
    }
  }
  return [...boards.values()];
}

// Who reaches which party members and 微阵地 — always as a condition inside the SQL:
//   - territorial staff (VOLUNTEER_READERS but resident) with a scope: party members living under their scope; posts
//     under their scope or of a unit holding it (a grid worker sees the posts of their community and town);
//   - a resident (亮身份): the party members of their community (their registry person's grid's community, or their
//     account's home unit's when they are not in the registry), names masked but their own; the posts of their
//     community, its grids and the units holding it;
//   - writes (commitments, stars, new posts): VOLUNTEER_ORGANISERS whose scope holds the member or the unit.
import type { Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { inOrHoldingScope, likePrefix } from '../platform/db/sql.ts';
import { holdsAnyRole } from '../../shared/roles.ts';
import { VOLUNTEER_ORGANISERS, VOLUNTEER_READERS } from '../../shared/volunteers.ts';
import { personOfAccount } from '../participation/person.ts';

const TERRITORIAL = VOLUNTEER_READERS.filter((r) => r !== 'resident');

export interface PartyReader {
  p: Principal;
  /** the resident's registry person id (null for staff and residents outside the registry) */
  residentId: string | null;
  /** the resident's community path (null for staff, or a resident with no known area) */
  communityPath: string | null;
}

export const isTerritorial = (p: Principal): boolean => p.scopePath !== null && holdsAnyRole(p.roles, TERRITORIAL);
export const isResident = (p: Principal): boolean => p.kind === 'resident' || p.roles.includes('resident');
export const isOrganiser = (p: Principal): boolean => p.scopePath !== null && holdsAnyRole(p.roles, VOLUNTEER_ORGANISERS);
export const organises = (p: Principal, orgPath: string): boolean => isOrganiser(p) && orgPath.startsWith(p.scopePath!);

/** The community path of a unit: a grid's (or micro grid's) parent community, the unit itself otherwise. */
async function communityPathOf(tx: Tx, unitId: string): Promise<string | null> {
  const r = await tx.query<{ path: string }>(
    `select case when u.level in ('grid', 'microGrid', 'dedicatedGrid') and c.level = 'community' then c.path
                 when u.level = 'microGrid' and c.level = 'grid' then (select cc.path from org_units cc where cc.id = c.parent_id)
                 else u.path end as path
       from org_units u left join org_units c on c.id = u.parent_id where u.id = $1`, [unitId]);
  return r.rows[0]?.path ?? null;
}

export async function partyReaderOf(tx: Tx, pii: PiiCipher, p: Principal): Promise<PartyReader> {
  if (!isResident(p)) return { p, residentId: null, communityPath: null };
  const person = await personOfAccount(tx, pii, p.accountId);
  if (person) return { p, residentId: person.residentId, communityPath: await communityPathOf(tx, person.gridId) };
  return { p, residentId: null, communityPath: p.homeOrgUnitId ? await communityPathOf(tx, p.homeOrgUnitId) : null };
}

const push = (params: unknown[], v: unknown) => { params.push(v); return `$${params.length}`; };

/** Party members (alias `r`): staff of the scope; residents of their community. */
export function memberReadSql(rd: PartyReader, params: unknown[]): string {
  const parts: string[] = [];
  if (isTerritorial(rd.p)) parts.push(`r.org_path like ${push(params, likePrefix(rd.p.scopePath!))}`);
  if (isResident(rd.p) && rd.communityPath) parts.push(`r.org_path like ${push(params, likePrefix(rd.communityPath))}`);
  return parts.length ? `(${parts.join(' or ')})` : 'false';
}

/** Posts (alias `p`): staff in or above their scope; residents of their community, its grids and the units holding it. */
export function postReadSql(rd: PartyReader, params: unknown[]): string {
  const parts: string[] = [];
  if (isTerritorial(rd.p)) {
    const scope = push(params, rd.p.scopePath!);
    parts.push(inOrHoldingScope('p.org_path', scope, push(params, likePrefix(rd.p.scopePath!))));
  }
  if (isResident(rd.p) && rd.communityPath) {
    const scope = push(params, rd.communityPath);
    parts.push(inOrHoldingScope('p.org_path', scope, push(params, likePrefix(rd.communityPath))));
  }
  return parts.length ? `(${parts.join(' or ')})` : 'false';
}

/** Organisers (alias `r`): the members under their scope. */
export function memberWriteSql(p: Principal, params: unknown[]): string {
  if (!isOrganiser(p)) return 'false';
  return `r.org_path like ${push(params, likePrefix(p.scopePath!))}`;
}

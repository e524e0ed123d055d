import type { FastifyRequest } from 'fastify';
import type { Principal } from '../platform/auth.ts';
import type { Tx } from '../platform/db/db.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { AppError } from '../platform/errors.ts';
import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { holdsAnyRole } from '../../shared/roles.ts';
import { PARTICIPATION_LEADS, PARTICIPATION_READERS, PARTICIPATION_STAFF } from '../../shared/participation.ts';
import { VOLUNTEER_ORGANISERS } from '../../shared/volunteers.ts';
import { personOfAccount, type RegistryPerson } from './person.ts';

/*
 * Which matters, councils, proposals and help requests a caller reaches — always as a condition inside the SQL:
 *   - territorial staff (PARTICIPATION_READERS but resident) with a scope: rows whose org_path lies under their scope;
 *     councils and proposals also when the council's unit holds their scope (a grid worker reads his community's and
 *     town's councils);
 *   - a resident: their own matters (entered by their account or about their person); the councils and proposals of
 *     their area (the council's path is a prefix of their grid's path: grid, community, town); help requests they
 *     asked for or took, and the open ones of their grid (neighbours take them);
 *   - a resident's area is their registry person's grid; one not in the registry reads by their account's home unit.
 * Writes: PARTICIPATION_STAFF (help: VOLUNTEER_ORGANISERS; councils: PARTICIPATION_LEADS) whose scope holds the row.
 */

const TERRITORIAL = PARTICIPATION_READERS.filter((r) => r !== 'resident');

/** Who did it: the caller's account and name, the request's address, the instant, the request's Idempotency-Key. */
export interface Actor {
  accountId: string | null;
  name: string | null;
  ip: string | null;
  at: Date;
  requestKey?: string | null;
}

export const actorOf = (p: Principal, ip: string | null, at: Date, requestKey?: string | null): Actor =>
  ({ accountId: p.accountId, name: p.name, ip, at, requestKey: requestKey ?? null });

export const isTerritorial = (p: Principal): boolean => p.scopePath !== null && holdsAnyRole(p.roles, TERRITORIAL);
export const isResident = (p: Principal): boolean => p.kind === 'resident' || p.roles.includes('resident');
export const isStaffOf = (p: Principal, orgPath: string): boolean =>
  p.scopePath !== null && holdsAnyRole(p.roles, PARTICIPATION_STAFF) && orgPath.startsWith(p.scopePath);
export const isHelpOrganiserOf = (p: Principal, orgPath: string): boolean =>
  p.scopePath !== null && holdsAnyRole(p.roles, VOLUNTEER_ORGANISERS) && orgPath.startsWith(p.scopePath);
export const isLeadOf = (p: Principal, orgPath: string): boolean =>
  p.scopePath !== null && holdsAnyRole(p.roles, PARTICIPATION_LEADS) && orgPath.startsWith(p.scopePath);
/** Staff who may enter matters and propose on a council of their scope. */
export const isParticipationStaff = (p: Principal): boolean => p.scopePath !== null && holdsAnyRole(p.roles, PARTICIPATION_STAFF);

/** A reader: the principal, and for a resident their registry person (null when not in the registry) and area path. */
export interface Reader {
  p: Principal;
  person: RegistryPerson | null;
  /** the resident's grid path (their person's, else their account's home unit's); null for staff */
  areaPath: string | null;
}

const push = (params: unknown[], v: unknown) => { params.push(v); return `$${params.length}`; };

/** Matters: staff of the scope; a resident their own. Alias `m`. */
export function matterReadSql(r: Reader, m: string, params: unknown[]): string {
  const parts: string[] = [];
  if (isTerritorial(r.p)) parts.push(`${m}.org_path like ${push(params, likePrefix(r.p.scopePath!))}`);
  if (isResident(r.p)) {
    parts.push(`${m}.submitted_by = ${push(params, r.p.accountId)}`);
    if (r.person) parts.push(`${m}.resident_id = ${push(params, r.person.residentId)}`);
  }
  return parts.length ? `(${parts.join(' or ')})` : 'false';
}

/** Councils and proposals (their council's path in `pathColumn`): staff in or above their scope; residents of the area. */
export function councilReadSql(r: Reader, pathColumn: string, params: unknown[]): string {
  const parts: string[] = [];
  if (isTerritorial(r.p)) {
    const like = push(params, likePrefix(r.p.scopePath!));
    const scope = push(params, r.p.scopePath!);
    parts.push(`(${pathColumn} like ${like} or starts_with(${scope}, ${pathColumn}))`);
  }
  if (isResident(r.p) && r.areaPath) parts.push(`starts_with(${push(params, r.areaPath)}, ${pathColumn})`);
  return parts.length ? `(${parts.join(' or ')})` : 'false';
}

/** Help requests: staff of the scope; a resident theirs, the ones they took, and the open ones of their grid. Alias `h`. */
export function helpReadSql(r: Reader, h: string, params: unknown[]): string {
  const parts: string[] = [];
  if (isTerritorial(r.p)) parts.push(`${h}.org_path like ${push(params, likePrefix(r.p.scopePath!))}`);
  if (isResident(r.p)) {
    parts.push(`${h}.created_by = ${push(params, r.p.accountId)}`);
    if (r.person) {
      const rid = push(params, r.person.residentId);
      parts.push(`${h}.requester_id = ${rid}`, `${h}.helper_resident_id = ${rid}`);
      parts.push(`(${h}.status = 'open' and ${h}.grid_id = ${push(params, r.person.gridId)})`);
    }
  }
  return parts.length ? `(${parts.join(' or ')})` : 'false';
}

export { maskName } from '../../domain/identity/personal-data.ts';

/** The caller as a reader: a resident's registry person and area path (their grid's, else their home unit's). */
export async function readerOf(tx: Tx, pii: PiiCipher, p: Principal): Promise<Reader> {
  if (!isResident(p)) return { p, person: null, areaPath: null };
  const person = await personOfAccount(tx, pii, p.accountId);
  let areaPath = person?.orgPath ?? null;
  if (!areaPath && p.homeOrgUnitId) {
    const u = await tx.query<{ path: string }>('select path from org_units where id = $1', [p.homeOrgUnitId]);
    areaPath = u.rows[0]?.path ?? null;
  }
  return { p, person, areaPath };
}

/** The caller's Idempotency-Key scoped to the caller (one account's key never answers another's request). */
export function requestKeyOf(req: FastifyRequest, p: Principal): string | null {
  const key = idempotencyKeyOf(req);
  return key === null ? null : `${p.accountId}:${key}`;
}

/** A list's keyset cursor: the last row's creation time and id (newest first). */
export const encodeCursor = (last: { created_at: Date; id: string }): string =>
  Buffer.from(`${new Date(last.created_at).toISOString()}|${last.id}`).toString('base64url');

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || id.length > 64 || !/^[0-9a-zA-Z-]+$/.test(id) || Number.isNaN(date.getTime())) {
    throw new AppError('VALIDATION_FAILED', 'The cursor is not one this API handed out.', '分页游标无效。');
  }
  return { at: date, id };
}

export const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

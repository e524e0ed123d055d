import type { Principal } from '../platform/auth.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { holdsAnyRole } from '../../shared/roles.ts';
import { DISPUTE_HANDLERS, DISPUTE_READERS } from '../../shared/disputes.ts';

/*
 * Which disputes a caller reaches, always as a condition inside the SQL (never a filter after reading):
 *   - territorial staff (DISPUTE_READERS but department and resident) with a scope: the disputes whose grid path lies
 *     under their scope path;
 *   - a department's members: the disputes pushed to one of their departments (a referral names it);
 *   - a resident: the disputes one of whose parties has the phone of their account (keyed hash against keyed hash).
 * A caller with several of these reaches their union. Writes need DISPUTE_HANDLERS and the scope path (`handlerSql`).
 */

const TERRITORIAL = DISPUTE_READERS.filter((r) => r !== 'department' && r !== 'resident');

export const isTerritorialReader = (p: Principal): boolean => p.scopePath !== null && holdsAnyRole(p.roles, TERRITORIAL);
export const isHandler = (p: Principal): boolean => p.scopePath !== null && holdsAnyRole(p.roles, DISPUTE_HANDLERS);
export const isDepartmentMember = (p: Principal): boolean => p.roles.includes('department') && p.departmentIds.length > 0;
export const isResidentReader = (p: Principal): boolean => p.kind === 'resident' || p.roles.includes('resident');

/** Whether a dispute at this grid path lies in the handler's scope (for rows read by another condition). */
export const handles = (p: Principal, orgPath: string): boolean => isHandler(p) && orgPath.startsWith(p.scopePath!);

/**
 * A reader: the principal, and for a resident the keyed hash of their account's phone when the caller worked it out
 * (`readerOf`; accounts created before phone hashes were kept have none stored, only the sealed phone).
 */
export type Reader = Principal & { phoneHash?: string | null };

/** The read condition on the dispute alias `d`, its parameters pushed onto `params`; `false` when the caller reaches none. */
export function readSql(p: Reader, d: string, params: unknown[]): string {
  const parts: string[] = [];
  if (isTerritorialReader(p)) {
    params.push(likePrefix(p.scopePath!));
    parts.push(`${d}.org_path like $${params.length}`);
  }
  if (isDepartmentMember(p)) {
    params.push(p.departmentIds);
    parts.push(`${d}.id in (select rr.dispute_id from dispute_referrals rr where rr.department_id = any($${params.length}::text[]))`);
  }
  if (isResidentReader(p) && p.phoneHash) {
    params.push(p.phoneHash);
    parts.push(`${d}.id in (select pp.dispute_id from dispute_parties pp where pp.phone_hash = $${params.length})`);
  } else if (isResidentReader(p)) {
    params.push(p.accountId);
    parts.push(`${d}.id in (select pp.dispute_id from dispute_parties pp join accounts aa on aa.phone_hash = pp.phone_hash
      where aa.id = $${params.length})`);
  }
  return parts.length === 0 ? 'false' : `(${parts.join(' or ')})`;
}

/** The write condition on the dispute alias `d`: DISPUTE_HANDLERS whose scope holds the dispute's grid. */
export function handlerSql(p: Principal, d: string, params: unknown[]): string {
  if (!isHandler(p)) return 'false';
  params.push(likePrefix(p.scopePath!));
  return `${d}.org_path like $${params.length}`;
}

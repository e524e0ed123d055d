import type { FastifyRequest } from 'fastify';
import type { Tx } from '../platform/db/db.ts';
import { requirePrincipal } from '../platform/auth.ts';
import { unitPath } from './accounts-store.ts';

/** The security administrator serving a request: who, from where, and the subtree whose accounts they administer. */
export interface AccountAdmin {
  id: string;
  username: string;
  ip: string;
  /** the path of the administrator's scope unit; NOWHERE when it has none */
  scopePath: string;
}

/** No unit's path starts with it (they all start with '/'): an administrator without a scope reaches nothing. */
const NOWHERE = '-';

/**
 * The security administrator is not territorial (it sees no cases), so its scope path is read here rather than taken
 * from the principal, whose `scopePath` is the territory it sees.
 */
export async function accountAdminOf(db: Tx, req: FastifyRequest): Promise<AccountAdmin> {
  const p = requirePrincipal(req);
  return { id: p.accountId, username: p.username, ip: req.ip, scopePath: (await unitPath(db, p.scopeOrgUnitId)) ?? NOWHERE };
}

export const auditActor = (a: AccountAdmin) => ({ actorId: a.id, actorName: a.username, ip: a.ip });

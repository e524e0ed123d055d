import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Tx } from '../platform/db/db.ts';
import { requirePrincipal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { holdsAnyRole } from '../../shared/roles.ts';
import type { OrgLevel } from '../../shared/org-levels.ts';
import { ADMISSION_REQUESTERS, DUTY_EDITORS, DUTY_READERS } from '../../shared/duties.ts';
import { findTownHoldingPath, type TownRow } from '../org/town-store.ts';
import * as store from './store.ts';

/**
 * Whose duty catalogs a caller reads and acts on: the towns of its scope unit's subtree, or the town holding it. The
 * scope unit counts for a district department too (it has no territory for cases, but reads and asks for duties of the
 * towns of its district: the catalogs are the district's policy, not personal data). Outside: 404.
 */
export interface DutyActor {
  accountId: string;
  username: string;
  name: string;
  ip: string | null;
  now: Date;
  scope: { id: string; path: string; level: OrgLevel; name: string };
  /** who the requester speaks for: its department(s), else its scope unit */
  unitName: string;
  requester: boolean;
  editor: boolean;
}

export async function dutyActorOf(app: FastifyInstance, req: FastifyRequest): Promise<DutyActor> {
  const p = requirePrincipal(req);
  if (!p.scopeOrgUnitId || !holdsAnyRole(p.roles, DUTY_READERS)) throw notFound('duty catalog');
  const scope = await store.findScopeUnit(app.db, p.scopeOrgUnitId, p.departmentIds);
  if (!scope) throw notFound('duty catalog');
  return {
    accountId: p.accountId, username: p.username, name: p.name, ip: req.ip, now: app.clock(),
    scope: { id: scope.id, path: scope.path, level: scope.level, name: scope.name },
    unitName: p.roles.includes('department') && scope.departments.length > 0 ? scope.departments.join('、') : scope.name,
    requester: holdsAnyRole(p.roles, ADMISSION_REQUESTERS),
    editor: holdsAnyRole(p.roles, DUTY_EDITORS),
  };
}

/**
 * The town a request is about: the one holding the named unit (a unit in the caller's scope, or one holding it), else
 * the one holding the caller's scope. A caller scoped above the towns must name one (400) — a read answers the first
 * town of its scope instead (`firstTown`), and lists the others (`townsOf`) to choose from; a unit outside is 404.
 */
export async function resolveDutyTown(tx: Tx, a: DutyActor, orgUnitId: string | undefined, o: { firstTown?: boolean } = {}): Promise<TownRow> {
  if (!orgUnitId && o.firstTown) {
    const first = (await townsOf(tx, a))[0];
    if (first) return first;
  }
  let path = a.scope.path;
  if (orgUnitId) {
    const named = await store.unitPathNear(tx, orgUnitId, a.scope.path);
    if (named === null) throw notFound('organisation unit');
    path = named;
  }
  const town = await findTownHoldingPath(tx, path);
  if (!town) {
    throw new AppError('VALIDATION_FAILED', 'Name a unit of one town (orgUnitId): your scope spans several.', '请指定镇街或其下的单位（orgUnitId）：您的数据范围包含多个镇街。');
  }
  return town;
}

/** Whether the caller decides the town's admissions and edits its catalog and standing duties: an editor whose scope holds the town. */
export const editsTown = (a: DutyActor, town: { path: string }) => a.editor && town.path.startsWith(a.scope.path);

/** The towns a caller reads the catalogs of: those in its scope, or the one holding it; by code. */
export async function townsOf(tx: Tx, a: DutyActor): Promise<TownRow[]> {
  return store.townsNear(tx, a.scope.path);
}

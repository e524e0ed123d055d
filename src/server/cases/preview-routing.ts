import type { Db } from '../platform/db/db.ts';
import { outsideGrids } from '../platform/errors.ts';
import type { GridLocatorCache } from '../org/locator-cache.ts';
import { listUnitsByIds } from '../org/store.ts';
import { routeCase, routeReason, type RouteReasonCode } from '../../domain/matters/routing.ts';
import type { Tier } from '../../shared/matters.ts';
import { resolveTarget } from './assignees.ts';
import { assigneeId, toMatter } from './case-mapping.ts';
import { intakeContextsOf } from './intake-contexts.ts';
import { gridChainOf, unknownCategory } from './report-case.ts';
import { assigneeNames } from './store.ts';

export interface RoutingPreview {
  matter: { code: string; name: string; onSpot: boolean };
  tier: Tier;
  /** who routing proposes; a grid worker's name only for staff (`namesPeople`) */
  target: { kind: 'post' | 'department' | 'staff'; id: string; name: string | null } | null;
  cooperatingDepartment: string | null;
  grid: { id: string; name: string };
  community: { id: string; name: string };
  town: { id: string; name: string };
  district: { id: string; name: string };
  reason: { code: RouteReasonCode; escalated: boolean };
}

/**
 * Who will handle a report of this category at this point, and why, before it is sent: the same locating, town
 * catalog, routing rule and target lookup as intake (`reportCase`), so the case, once reported, is routed to the
 * preview's target unless the catalog or the teams change in between. Nothing is written.
 */
export async function previewRouting(
  db: Db, locator: GridLocatorCache, q: { categoryCode: string; lng: number; lat: number }, namesPeople: boolean,
): Promise<RoutingPreview> {
  const gridId = (await locator.current()).locate(q.lng, q.lat);
  if (!gridId) throw outsideGrids();
  const place = await intakeContextsOf(db).find(db, gridId, q.categoryCode);
  if (!place) throw outsideGrids();
  if (!place.matter) throw unknownCategory(q.categoryCode);
  const matter = toMatter(place.matter);
  const chain = gridChainOf(place, gridId);
  const route = routeCase(matter, chain);
  const assignee = await resolveTarget(db, route.target, chain.townId, gridId);
  const id = assigneeId(assignee);
  const [names, units] = await Promise.all([
    assigneeNames(db, id ? [id] : []),
    listUnitsByIds(db, [chain.gridId, chain.communityId, chain.townId, chain.districtId]),
  ]);
  const unit = (unitId: string) => ({ id: unitId, name: units.find((u) => u.id === unitId)?.name ?? '' });
  const why = routeReason(matter, route.tier);
  const kind = assignee === null ? null : 'postId' in assignee ? 'post' : 'departmentId' in assignee ? 'department' : 'staff';
  return {
    matter: { code: matter.code, name: matter.name, onSpot: matter.onSpot ?? false },
    tier: route.tier,
    target: kind && id ? { kind, id, name: kind === 'staff' && !namesPeople ? null : names.get(id) ?? '' } : null,
    cooperatingDepartment: route.cooperatingDepartment,
    grid: unit(chain.gridId), community: unit(chain.communityId), town: unit(chain.townId), district: unit(chain.districtId),
    // a target the catalog names but this town lacks (no such post, no grid worker with an account): the dispatcher picks
    reason: { code: assignee === null && why.code !== 'communityTriage' ? 'dispatcherChooses' : why.code, escalated: why.escalated },
  };
}

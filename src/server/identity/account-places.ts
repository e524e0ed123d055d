// Steps shared by the commands that create and edit accounts: the scope unit and the posts must lie in the
// administrator's scope (404 otherwise, as if they did not exist), and the post places follow the domain's plan.
import type { Tx } from '../platform/db/db.ts';
import { notFound } from '../platform/errors.ts';
import { planPostPlaces, type PlaceChange } from '../../domain/identity/post-places.ts';
import type { Role } from '../../shared/roles.ts';
import { applyPlaceChanges, postPlaces, unitPath, unitsInScope } from './accounts-store.ts';
import { postRefusal } from './account-refusals.ts';

export async function requireScopeUnits(tx: Tx, unitIds: readonly string[], scopePath: string): Promise<void> {
  const found = await unitsInScope(tx, unitIds, scopePath);
  if (unitIds.some((id) => !found.has(id))) throw notFound('scope unit');
}

/** The account as it will be once saved: what decides which posts it may hold. */
export interface PostHolder {
  id: string;
  roles: readonly Role[];
  scopeOrgUnitId: string;
}

/**
 * Makes the account hold exactly the wanted posts, or (null) those it holds now, checking the posts it keeps too;
 * returns the places taken and left.
 */
export async function setPostPlaces(tx: Tx, holder: PostHolder, wantedIds: readonly string[] | null, scopePath: string): Promise<PlaceChange[]> {
  const posts = await postPlaces(tx, holder.id, wantedIds ?? [], scopePath);
  const wanted = wantedIds ?? posts.filter((p) => p.a === holder.id || p.b === holder.id).map((p) => p.id);
  if (wanted.some((id) => !posts.some((p) => p.id === id))) throw notFound('post');
  const candidate = {
    id: holder.id, kind: 'staff' as const, roles: holder.roles, disabled: false,
    scopePath: await unitPath(tx, holder.scopeOrgUnitId), departmentDistrictIds: [],
  };
  const plan = planPostPlaces(candidate, posts, [...new Set(wanted)]);
  if ('refusal' in plan) throw postRefusal(plan.refusal);
  await applyPlaceChanges(tx, plan.changes);
  return plan.changes;
}

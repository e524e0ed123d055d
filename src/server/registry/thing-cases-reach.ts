import { holdsAnyRole } from '../../shared/roles.ts';
import { REGISTRY_READERS } from '../../shared/registry.ts';
import { thingReach, type ThingReach } from '../../domain/registry/thing-reach.ts';
import type { Principal } from '../platform/auth.ts';
import { reachOf, type Reach } from './reach.ts';

/** The registry reach of a caller who reads the registry; null for everyone else (residents, handlers, departments). */
export function registryReachOf(p: Principal | null): Reach | null {
  return p && p.scopePath && holdsAnyRole(p.roles, REGISTRY_READERS) ? reachOf(p) : null;
}

/** Which things a reporter may name (`thingReach`): a registry reader's reach, else only things close by. Null: anonymous. */
export function reportReach(p: Principal | null): ThingReach {
  const r = registryReachOf(p);
  return thingReach(r && { scopePath: r.scopePath, gridIds: r.gridIds });
}

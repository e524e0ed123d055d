// Which pages a user may open: the side menu and the home redirect come from here.
import type { Me } from '../features/identity/api.ts';
import { usesMobile } from '../features/identity/api.ts';

export interface NavEntry { key: 'orgMap' | 'boards'; path: string }

export function navFor(me: Me): NavEntry[] {
  if (me.kind !== 'staff' || !me.scopeOrgUnit) return [];
  const entries: NavEntry[] = [{ key: 'orgMap', path: '/org/map' }];
  if (['city', 'district', 'town'].includes(me.scopeOrgUnit.level)) entries.push({ key: 'boards', path: '/org/boards' });
  return entries;
}

export function homePath(me: Me): string {
  if (usesMobile(me)) return '/m';
  return navFor(me)[0]?.path ?? '/m';
}

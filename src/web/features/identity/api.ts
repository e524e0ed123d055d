// Identity calls: sign in and out, who am I, and whether the server runs with demo data.
import { api } from '../../lib/api.ts';
import type { Role } from '../../../shared/roles.ts';
import type { OrgLevel } from '../../../shared/org-levels.ts';

export interface UnitRef { id: string; name: string; level: OrgLevel }

export interface Me {
  id: string;
  username: string;
  name: string;
  kind: 'staff' | 'resident';
  roles: Role[];
  scopeOrgUnitId: string | null;
  scopeOrgUnit: UnitRef | null;
  homeOrgUnitId: string | null;
  /** not yet sent by the server; shown when present */
  homeOrgUnit?: UnitRef | null;
  posts: { id: string; code: string; name: string; townId: string; boardName: string; holder: 'A' | 'B' | 'backup' }[];
  grids: { gridId: string; teamRole: string }[];
}

export interface LoginResult { token: string; expiresAt: string; user: unknown }
export interface DemoAccounts { password: string; accounts: { username: string; name: string }[] }

export const login = (username: string, password: string) =>
  api<LoginResult>('/api/auth/login', { method: 'POST', body: { username, password } });
export const logout = () => api<void>('/api/auth/logout', { method: 'POST' });
export const fetchMe = (signal?: AbortSignal) => api<Me>('/api/me', { signal });
/** The demo server's accounts; a production server answers 404 and the sign-in page shows none. */
export const fetchDemoAccounts = (signal?: AbortSignal) => api<DemoAccounts>('/api/auth/demo-accounts', { signal });

/** Grid workers and residents get the mobile pages; every other staff role gets the desktop shell. */
export function usesMobile(me: Me): boolean {
  if (me.kind === 'resident') return true;
  return me.roles.length > 0 && me.roles.every((r) => r === 'gridWorker' || r === 'resident');
}

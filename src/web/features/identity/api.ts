// Identity calls: sign in and out, who am I, and whether the server runs with demo data.
import type { Static } from '@sinclair/typebox';
import { api } from '../../lib/api.ts';
import type * as s from '../../../server/identity/schemas.ts';

export type Me = Static<typeof s.Me>;
export type LoginResult = Static<typeof s.LoginResult>;
export type DemoAccounts = Static<typeof s.DemoAccounts>;

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

// Identity calls: sign in and out, who am I, and whether the server runs with demo data.
import type { Static } from '@sinclair/typebox';
import { api } from '../../lib/api.ts';
import type * as s from '../../../server/identity/schemas.ts';
import type * as reg from '../../../server/identity/registration-schemas.ts';

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

// ---- resident self-registration (居民注册) ----
export type RegisterInput = Static<typeof reg.RegisterBody>;
export type CodeSent = Static<typeof reg.CodeSent>;
export type GridMatch = Static<typeof reg.GridMatches>['items'][number];

export const askRegistrationCode = (phone: string) =>
  api<CodeSent>('/api/auth/register/code', { method: 'POST', body: { phone } });
/** `idempotencyKey`: one per submission, reused on a retry, so a retry signs in to the account the first created. */
export const registerResident = (input: RegisterInput, idempotencyKey: string) =>
  api<LoginResult>('/api/auth/register', { method: 'POST', body: input, headers: { 'idempotency-key': idempotencyKey } });
export const searchRegistrationGrids = (q: string, signal?: AbortSignal) =>
  api<Static<typeof reg.GridMatches>>('/api/auth/register/grids', { query: { q }, signal });

// Account administration calls (admin) and changing one's own password (anyone signed in).
import { api } from '../../../lib/api.ts';
import type { Role } from '../../../../shared/roles.ts';

export interface Account {
  id: string;
  username: string;
  name: string;
  kind: 'staff' | 'resident' | string;
  roles: Role[];
  scopeOrgUnitId: string | null;
  disabled: boolean;
  locked: boolean;
}

export type AccountAction = 'disable' | 'enable' | 'unlock';

export const listAccounts = (q: string | undefined, signal?: AbortSignal) =>
  api<{ items: Account[] }>('/api/accounts', { query: { q: q || undefined }, signal });

export const accountAction = (id: string, action: AccountAction) =>
  api<void>(`/api/accounts/${encodeURIComponent(id)}/${action}`, { method: 'POST' });

/** POST /api/auth/password. A wrong current password answers 401: here that means "try again", not a lost session. */
export const changePassword = (currentPassword: string, newPassword: string) =>
  api<void>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword }, keepSessionOn401: true });

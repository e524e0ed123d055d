// Account administration calls (admin) and changing one's own password (anyone signed in).
import { api, ApiError, tokenStore } from '../../../app/api.ts';
import type { ApiErrorBody } from '../../../../shared/errors.ts';
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

/**
 * POST /api/auth/password. Not through `api()`: a wrong current password answers 401, which `api()` takes
 * for an expired session and signs the user out; here it only means "try again".
 */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  const token = tokenStore.get();
  let res: Response;
  try {
    res = await fetch('/api/auth/password', {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ currentPassword, newPassword }),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Cannot reach the server.', '无法连接服务器，请检查网络。');
  }
  if (res.ok) return;
  let body: ApiErrorBody | undefined;
  try { body = (await res.json()) as ApiErrorBody; } catch { body = undefined; }
  const err = body?.error;
  throw new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? res.statusText, err?.messageZh);
}

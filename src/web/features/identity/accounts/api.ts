// Account calls: administration by the security administrator (安全管理员) — list, form choices, create, edit, reset
// the password, disable/enable/unlock, the Excel import and its template — and changing one's own password (anyone
// signed in). Types come from the server's schemas.
import type { Static } from '@sinclair/typebox';
import { api, ApiError, tokenStore } from '../../../lib/api.ts';
import type * as a from '../../../../server/identity/account-schemas.ts';

export type Account = Static<typeof a.Account>;
export type AccountChoices = Static<typeof a.AccountChoices>;
export type NewAccount = Static<typeof a.CreateAccountBody>;
export type AccountEdit = Static<typeof a.UpdateAccountBody>;
export type AccountAction = 'disable' | 'enable' | 'unlock';
export interface ImportedAccount { row: number; id: string; username: string; name: string; oneTimePassword: string }
export interface ImportProblem { row: number; column: string; field: string; problem: string; message: string; messageZh: string }

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const path = (id: string, action = '') => `/api/accounts/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

export const listAccounts = (q: string | undefined, signal?: AbortSignal) =>
  api<Static<typeof a.AccountList>>('/api/accounts', { query: { q: q || undefined }, signal });
export const fetchChoices = (signal?: AbortSignal) => api<AccountChoices>('/api/accounts/choices', { signal });

/** `key` stays the same for retries of one submission, so a lost answer never creates the account twice. */
export const createAccount = (body: NewAccount, key: string) =>
  api<Static<typeof a.AccountCreated>>('/api/accounts', { method: 'POST', body, headers: { 'idempotency-key': key } });
export const updateAccount = (id: string, body: AccountEdit) => api<Account>(path(id), { method: 'PATCH', body });
export const resetPassword = (id: string) => api<{ oneTimePassword: string }>(path(id, 'reset-password'), { method: 'POST' });
export const accountAction = (id: string, action: AccountAction) => api<void>(path(id, action), { method: 'POST' });

export const importAccounts = (file: File) =>
  api<{ created: ImportedAccount[] }>('/api/accounts/import', { method: 'POST', body: new Blob([file], { type: XLSX }) });

/** The row problems of a refused import, when that is what the error carries. */
export function importProblems(e: unknown): ImportProblem[] | null {
  if (!(e instanceof ApiError) || e.code !== 'IMPORT_REJECTED') return null;
  return (e.details as { errors?: ImportProblem[] } | undefined)?.errors ?? [];
}

/** Saves the template: a file download needs the bytes, which the JSON client does not give. */
export async function downloadTemplate(filename: string): Promise<void> {
  const res = await fetch('/api/accounts/import-template', { headers: { authorization: `Bearer ${tokenStore.get() ?? ''}` } });
  if (!res.ok) throw new ApiError(res.status, `HTTP_${res.status}`, res.statusText);
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

/** POST /api/auth/password. A wrong current password answers 401: here that means "try again", not a lost session. */
export const changePassword = (currentPassword: string, newPassword: string) =>
  api<void>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword }, keepSessionOn401: true });

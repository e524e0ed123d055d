// 一表通's calls: the forms with the column choices, a form's table for a unit and period, the fills kept, and the
// Excel or PDF of a fill saved under the Chinese name the server gives. Types are the server's schemas (type-only).
import type { Static } from '@sinclair/typebox';
import { api, ApiError, tokenStore } from '../../lib/api.ts';
import type * as s from '../../../server/reports/schemas.ts';
import type { ReportFormat } from '../../../shared/reports.ts';

export type ReportForm = s.FormView;
export type FormList = Static<typeof s.FormList>;
export type ColumnChoice = Static<typeof s.ColumnChoice>;
export type ReportTable = s.ReportTableView;
export type ReportFill = s.FillView;
export type NewForm = s.NewFormBody;
export type FormChange = s.FormChangeBody;

const enc = encodeURIComponent;

export const listForms = (signal?: AbortSignal) => api<FormList>('/api/reports/forms', { signal });
export const createForm = (body: NewForm, key: string) => api<ReportForm>('/api/reports/forms', { method: 'POST', body, headers: { 'idempotency-key': key } });
export const changeForm = (id: string, body: FormChange) => api<ReportForm>(`/api/reports/forms/${enc(id)}`, { method: 'PUT', body });
export const archiveForm = (id: string) => api<ReportForm>(`/api/reports/forms/${enc(id)}/archive`, { method: 'POST' });
export const previewForm = (id: string, orgUnitId: string, period: string, signal?: AbortSignal) =>
  api<ReportTable>(`/api/reports/forms/${enc(id)}/preview`, { query: { orgUnitId, period }, signal });
export const listFills = (signal?: AbortSignal) => api<Static<typeof s.FillList>>('/api/reports/fills', { query: { limit: 20 }, signal });

/** The name in a Content-Disposition: the RFC 5987 one (filename*=UTF-8''…) when there is one. */
function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]!);
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? null;
}

async function save(path: string, method: 'GET' | 'POST', fallback: string, key?: string): Promise<string> {
  const res = await fetch(path, { method, headers: { authorization: `Bearer ${tokenStore.get() ?? ''}`, ...(key ? { 'idempotency-key': key } : {}) } });
  if (!res.ok) {
    const body = await res.json().catch(() => undefined) as { error?: { code?: string; message?: string; messageZh?: string } } | undefined;
    throw new ApiError(res.status, body?.error?.code ?? `HTTP_${res.status}`, body?.error?.message ?? res.statusText, body?.error?.messageZh);
  }
  const name = fileNameOf(res.headers.get('content-disposition')) ?? fallback;
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** Fills the form (kept and audited on the server) and saves the file; answers the file's name. */
export const fillForm = (id: string, orgUnitId: string, period: string, format: ReportFormat, key: string) =>
  save(`/api/reports/forms/${enc(id)}/fill?orgUnitId=${enc(orgUnitId)}&period=${enc(period)}&format=${format}`, 'POST', `report-${period}.${format}`, key);
export const downloadFill = (f: ReportFill) => save(`/api/reports/fills/${enc(f.id)}/file`, 'GET', `report-${f.period}.${f.format}`);

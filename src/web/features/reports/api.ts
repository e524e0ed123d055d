// 一表通's calls: the forms with the column choices, a form's table for a unit and period, the fills kept, and the
// Excel or PDF of a fill saved under the Chinese name the server gives. Types are the server's schemas (type-only).
import type { Static } from '@sinclair/typebox';
import { api } from '../../lib/api.ts';
import { saveFile } from '../../lib/download.ts';
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


/** Fills the form (kept and audited on the server) and saves the file; answers the file's name. */
export const fillForm = (id: string, orgUnitId: string, period: string, format: ReportFormat, key: string) =>
  saveFile(`/api/reports/forms/${enc(id)}/fill`, `report-${period}.${format}`, { method: 'POST', query: { orgUnitId, period, format }, idempotencyKey: key });
export const downloadFill = (f: ReportFill) => saveFile(`/api/reports/fills/${enc(f.id)}/file`, `report-${f.period}.${f.format}`);

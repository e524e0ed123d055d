// Import calls: start an import with the file as the body (202 with its id), read its progress and rejected rows,
// list my recent imports, download the error report. Types from the server's import schemas (type-only imports).
import { api, type Query } from '../../lib/api.ts';
import type { ImportMode, RegistryKind } from '../../../shared/registry.ts';
import type * as s from '../../../server/registry/import-schemas.ts';
import { downloadFile, newKey } from './api.ts';

export type ImportProgress = s.ImportViewT;
export type ImportSummary = s.ImportSummaryT;
export type Rejection = ImportProgress['rejected'][number];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function startImport(kind: RegistryKind, mode: ImportMode, file: File, key = newKey()) {
  const type = file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : XLSX;
  const query: Query = { kind, mode, fileName: file.name };
  return api<s.ImportStartedT>('/api/registry/imports', { method: 'POST', body: new Blob([file], { type }), query, headers: { 'idempotency-key': key } });
}

export const fetchImport = (id: string, signal?: AbortSignal) => api<ImportProgress>(`/api/registry/imports/${encodeURIComponent(id)}`, { signal });
export const listMyImports = (signal?: AbortSignal) => api<s.ImportListT>('/api/registry/imports', { signal });
export const downloadReport = (id: string, fallbackName: string) => downloadFile(`/api/registry/imports/${encodeURIComponent(id)}/report`, fallbackName);

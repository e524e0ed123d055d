// Org unit administration calls: create, rename, retire, a grid's boundary and its history.
import type { Geometry } from 'geojson';
import { api } from '../../lib/api.ts';
import type { AdministeredLevel } from '../../../domain/org/unit-admin.ts';
import type { OrgUnitDetail } from './api.ts';

export interface NewUnit { parentId: string; level: AdministeredLevel; code: string; name: string; kind?: string | null; geometry?: Geometry | null }
export interface PastBoundary { geometry: Geometry; validUntil: string }

export const createUnit = (body: NewUnit) => api<OrgUnitDetail>('/api/org-units', { method: 'POST', body });
export const renameUnit = (id: string, name: string) => api<OrgUnitDetail>(`/api/org-units/${id}`, { method: 'PATCH', body: { name } });
export const retireUnit = (id: string) => api<null>(`/api/org-units/${id}/retire`, { method: 'POST' });
export const setBoundary = (id: string, geometry: Geometry) => api<OrgUnitDetail>(`/api/org-units/${id}/boundary`, { method: 'PUT', body: { geometry } });
export const fetchBoundaryHistory = (id: string, signal?: AbortSignal) =>
  api<{ items: PastBoundary[] }>(`/api/org-units/${id}/boundaries`, { signal }).then((r) => r.items);

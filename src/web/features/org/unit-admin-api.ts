// Org unit administration calls: create, rename, move, retire, a grid's boundary and its history.
import type { Geometry } from 'geojson';
import type { Static } from '@sinclair/typebox';
import { api } from '../../lib/api.ts';
import type * as s from '../../../server/org/unit-admin-schemas.ts';
import type * as b from '../../../server/registry/boundary-schemas.ts';
import type { OrgUnitDetail } from './api.ts';

export type NewUnit = Static<typeof s.NewUnitBody>;
export type PastBoundary = Static<typeof s.Boundaries>['items'][number];
export type MoveTarget = Static<typeof s.MoveTargets>['items'][number];

export const createUnit = (body: NewUnit) => api<OrgUnitDetail>('/api/org-units', { method: 'POST', body });
export const renameUnit = (id: string, name: string) => api<OrgUnitDetail>(`/api/org-units/${id}`, { method: 'PATCH', body: { name } });
export const moveUnit = (id: string, parentId: string) => api<OrgUnitDetail>(`/api/org-units/${id}/move`, { method: 'POST', body: { parentId } });
export const fetchMoveTargets = (id: string, signal?: AbortSignal) =>
  api<Static<typeof s.MoveTargets>>(`/api/org-units/${id}/move-targets`, { signal }).then((r) => r.items);
export const retireUnit = (id: string) => api<null>(`/api/org-units/${id}/retire`, { method: 'POST' });
export type BoundaryPreview = Static<typeof b.BoundaryPreview>;
/** neighbouring grids whose boundary changes with this one's (their shared vertices moved along) */
export type FollowingUnit = { id: string; geometry: Geometry };
const withOthers = (others: readonly FollowingUnit[]) => (others.length ? { units: others } : {});
export const setBoundary = (id: string, geometry: Geometry, reason?: string, others: readonly FollowingUnit[] = []) =>
  api<OrgUnitDetail>(`/api/org-units/${id}/boundary`, { method: 'PUT', body: { geometry, ...withOthers(others), ...(reason ? { reason } : {}) } });
/** what saving this boundary (and the neighbours' that follow it) would move in the registry (勘界预览), without saving */
export const previewBoundary = (id: string, geometry: Geometry, others: readonly FollowingUnit[] = []) =>
  api<BoundaryPreview>(`/api/org-units/${id}/boundary-preview`, { method: 'POST', body: { geometry, ...withOthers(others) } });
export const fetchBoundaryHistory = (id: string, signal?: AbortSignal) =>
  api<Static<typeof s.Boundaries>>(`/api/org-units/${id}/boundaries`, { signal }).then((r) => r.items);

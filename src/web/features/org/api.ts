// Org calls: units and their children, boundaries as GeoJSON, grid teams, town boards.
import type { FeatureCollection, Geometry } from 'geojson';
import { api } from '../../lib/api.ts';
import type { OrgLevel, TeamRole } from '../../../shared/org-levels.ts';

export interface OrgUnit {
  id: string;
  parentId: string | null;
  level: OrgLevel;
  kind: string | null;
  code: string;
  name: string;
  population: number | null;
  households: number | null;
  childCount: number;
  ancestorIds: string[];
}

export interface OrgUnitDetail extends OrgUnit {
  geometry: Geometry | null;
  ancestors: { id: string; name: string; level: OrgLevel; code: string }[];
}

export interface UnitProps { id: string; parentId: string | null; level: OrgLevel; kind: string | null; code: string; name: string; population: number | null; households: number | null }
export type UnitFeatures = FeatureCollection<Geometry, UnitProps>;

export interface TeamMember { id: string; teamRole: TeamRole; name: string; phone: string | null; accountId: string | null }
export interface GridTeam { grid: OrgUnit; members: TeamMember[] }

export interface Holder { id: string; name: string }
export interface Post { id: string; code: string; name: string; special: boolean; holderA: Holder | null; holderB: Holder | null }
export interface Board { id: string; code: string; name: string; kind: 'commandCenter' | 'board'; posts: Post[] }

interface Page<T> { items: T[]; nextCursor: string | null }

export const fetchUnit = (id: string, signal?: AbortSignal) => api<OrgUnitDetail>(`/api/org-units/${id}`, { signal });

/** Every unit matching the query, following nextCursor. */
export async function listUnits(query: { parentId?: string; level?: OrgLevel; q?: string }, signal?: AbortSignal): Promise<OrgUnit[]> {
  const all: OrgUnit[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<OrgUnit> = await api<Page<OrgUnit>>('/api/org-units', { query: { ...query, cursor, limit: 200 }, signal });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

export const fetchFeatures = (rootId: string, signal?: AbortSignal) =>
  api<UnitFeatures>('/api/org-units/features', { query: { rootId, levels: ['community', 'grid', 'dedicatedGrid'] }, signal });

/** The community around a point and its grids, outlines and names only: for residents and the anonymous form. */
export const fetchPublicGridMap = (at: { lng: number; lat: number }, signal?: AbortSignal) =>
  api<UnitFeatures>('/api/public/grid-map', { query: { lng: String(at.lng), lat: String(at.lat) }, signal });

export const fetchTeam = (gridId: string, signal?: AbortSignal) => api<GridTeam>(`/api/org-units/${gridId}/team`, { signal });

export const fetchBoards = (townId: string, signal?: AbortSignal) =>
  api<{ items: Board[] }>(`/api/org-units/${townId}/boards`, { signal }).then((r) => r.items);

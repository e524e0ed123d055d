// Org calls: units and their children, boundaries as GeoJSON, grid teams, town boards.
import type { Static } from '@sinclair/typebox';
import { api } from '../../lib/api.ts';
import type { OrgLevel } from '../../../shared/org-levels.ts';
import type * as s from '../../../server/org/schemas.ts';
import type * as team from '../../../server/org/team-schemas.ts';

export type OrgUnit = Static<typeof s.Unit>;
export type OrgUnitDetail = Static<typeof s.UnitWithGeometry>;
export type UnitFeatures = Static<typeof s.FeatureCollection>;
export type UnitProps = UnitFeatures['features'][number]['properties'];

export type GridTeam = Static<typeof team.TeamView>;
export type TeamMember = GridTeam['members'][number];

export type Board = Static<typeof s.Boards>['items'][number];
export type Post = Board['posts'][number];
export type Holder = NonNullable<Post['holderA']>;

export const fetchUnit = (id: string, signal?: AbortSignal) => api<OrgUnitDetail>(`/api/org-units/${id}`, { signal });

/** Every unit matching the query, following nextCursor. */
export async function listUnits(query: { parentId?: string; level?: OrgLevel; q?: string }, signal?: AbortSignal): Promise<OrgUnit[]> {
  const all: OrgUnit[] = [];
  let cursor: string | null = null;
  do {
    const page: Static<typeof s.UnitList> = await api<Static<typeof s.UnitList>>('/api/org-units', { query: { ...query, cursor, limit: 200 }, signal });
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
  api<Static<typeof s.Boards>>(`/api/org-units/${townId}/boards`, { signal }).then((r) => r.items);

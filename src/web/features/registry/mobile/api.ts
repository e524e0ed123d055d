// The registry calls of the phone look-up: search residents and buildings, the household file, a building's layout,
// one resident, the tag catalog, and the audited reveal of a phone number before a call.
import { api } from '../../../lib/api.ts';
import { fetchLayout, revealResident } from '../api.ts';
// the types of what the API answers come from its schemas, as types only: no server code reaches the bundle
import type * as s from '../../../../server/registry/schemas.ts';

export type Resident = s.ResidentViewT;
export type ResidentList = s.ResidentListT;
export type ResidentDetail = s.ResidentDetailT;
export type Building = s.BuildingViewT;
export type BuildingList = s.BuildingListT;
export type BuildingLayout = s.BuildingLayoutT;
export type LayoutRoom = BuildingLayout['units'][number]['floors'][number]['rooms'][number];
export type HouseholdFile = s.HouseholdFileT;
export type Hazard = s.HazardViewT;
export type Change = s.ChangeViewT;
export type CaseRef = s.CaseRefT;
export type TagCatalog = s.TagCatalogT;
export type TagView = TagCatalog['items'][number];

export const PAGE_SIZE = 20;

export interface ResidentSearch {
  q?: string;
  idNumber?: string;
  phone?: string;
  tag?: string[];
}

export const searchResidents = (f: ResidentSearch, page: number, signal?: AbortSignal) =>
  api<ResidentList>('/api/registry/residents', {
    query: { q: f.q, idNumber: f.idNumber, phone: f.phone, tag: f.tag && f.tag.length > 0 ? f.tag : undefined, page, pageSize: PAGE_SIZE },
    signal,
  });

export const searchBuildings = (q: string | undefined, page: number, signal?: AbortSignal) =>
  api<BuildingList>('/api/registry/buildings', { query: { q, page, pageSize: PAGE_SIZE }, signal });

export const fetchResident = (id: string, signal?: AbortSignal) =>
  api<ResidentDetail>(`/api/registry/residents/${encodeURIComponent(id)}`, { signal });

// the household file, a building's layout and the tag catalog are the desktop's calls
export { fetchHouseholdFile, fetchTags } from '../api.ts';
export const fetchBuildingLayout = fetchLayout;

/** The whole phone number, read on purpose and audited by the server; null when none is on record. */
export const revealPhone = (residentId: string) => revealResident(residentId, 'phone').then((r) => r.value);

// Registry calls (人房地物, issue 11): lists with their filters, single records, the household file, the building
// layout, reveals of personal data (audited), hazards and inspections, templates, imports and exports. Types come
// from the server's schemas (type-only imports).
import { api, type Query } from '../../lib/api.ts';
import { saveFile } from '../../lib/download.ts';
import type { RegistryKind } from '../../../shared/registry.ts';
import type * as s from '../../../server/registry/schemas.ts';

export type TagCatalog = s.TagCatalogT;
export type Tag = TagCatalog['items'][number];
export type Resident = s.ResidentViewT;
export type Household = s.HouseholdViewT;
export type HouseholdFile = s.HouseholdFileT;
export type Building = s.BuildingViewT;
export type BuildingDetail = s.BuildingDetailT;
export type BuildingLayout = s.BuildingLayoutT;
export type LayoutRoom = BuildingLayout['units'][number]['floors'][number]['rooms'][number];
export type Place = s.PlaceViewT;
export type PlaceDetail = s.PlaceDetailT;
export type Thing = s.ThingViewT;
export type ThingDetail = s.ThingDetailT;
export type Hazard = s.HazardViewT;
export type Change = s.ChangeViewT;
export type CaseRef = s.CaseRefT;
export type Inspection = ThingDetail['inspections'][number];

export type ResidentBody = s.ResidentBodyT;
export type ResidentPatch = s.ResidentPatchT;
export type HouseholdBody = s.HouseholdBodyT;
export type HouseholdPatch = s.HouseholdPatchT;
export type BuildingBody = s.BuildingBodyT;
export type BuildingPatch = s.BuildingPatchT;
export type PlaceBody = s.PlaceBodyT;
export type PlacePatch = s.PlacePatchT;
export type ThingBody = s.ThingBodyT;
export type ThingPatch = s.ThingPatchT;
export type InspectionBody = s.InspectionBodyT;

/** One list's answer, whatever its kind. */
export interface ListAnswer<T> { items: T[]; total: number | null; page: number; pageSize: number; nextCursor: string | null; policies: 'create'[] }
export interface ListRow { id: string; policies: readonly string[] }

/** The filters of every list; each kind's query takes the ones it knows (see its schema). */
export interface ListFilter {
  q?: string;
  idNumber?: string;
  phone?: string;
  gridId?: string;
  tag?: string[];
  kind?: string[];
  riskLevel?: string[];
}

/** The query of a kind's list: only the filters its schema accepts (additionalProperties: false). */
export function listQuery(kind: RegistryKind, f: ListFilter): Query {
  const base: Query = { q: f.q || undefined, gridId: f.gridId };
  switch (kind) {
    case 'residents': return { ...base, idNumber: f.idNumber || undefined, phone: f.phone || undefined, tag: f.tag?.length ? f.tag : undefined };
    case 'households': return { ...base, tag: f.tag?.length ? f.tag : undefined };
    case 'buildings': return base;
    case 'places': return { ...base, kind: f.kind?.length ? f.kind : undefined };
    case 'things': return { ...base, kind: f.kind?.length ? f.kind : undefined, riskLevel: f.riskLevel?.length ? f.riskLevel : undefined };
  }
}

export const listRecords = <T>(kind: RegistryKind, f: ListFilter, page: number, pageSize: number, signal?: AbortSignal) =>
  api<ListAnswer<T>>(`/api/registry/${kind}`, { query: { ...listQuery(kind, f), page, pageSize }, signal });

export const fetchTags = (signal?: AbortSignal) => api<TagCatalog>('/api/registry/tags', { signal });

/** A fresh Idempotency-Key for one submission (reused on its retry). */
export const newKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
const keyed = (key: string) => ({ 'idempotency-key': key });

// residents
export const createResident = (body: ResidentBody, key: string) =>
  api<s.ResidentDetailT>('/api/registry/residents', { method: 'POST', body, headers: keyed(key) });
export const updateResident = (id: string, body: ResidentPatch) =>
  api<s.ResidentDetailT>(`/api/registry/residents/${encodeURIComponent(id)}`, { method: 'PATCH', body });
/** The whole phone or ID number of a resident: allowed by the resident's `policies`, audited by the server. */
export const revealResident = (id: string, field: 'phone' | 'idNumber') =>
  api<s.RevealedT>(`/api/registry/residents/${encodeURIComponent(id)}/reveal`, { method: 'POST', body: { field } });

// households
export const createHousehold = (body: HouseholdBody, key: string) =>
  api<HouseholdFile>('/api/registry/households', { method: 'POST', body, headers: keyed(key) });
export const updateHousehold = (id: string, body: HouseholdPatch) =>
  api<HouseholdFile>(`/api/registry/households/${encodeURIComponent(id)}`, { method: 'PATCH', body });
export const fetchHouseholdFile = (id: string, signal?: AbortSignal) =>
  api<HouseholdFile>(`/api/registry/households/${encodeURIComponent(id)}`, { signal });

// buildings
export const createBuilding = (body: BuildingBody, key: string) =>
  api<BuildingDetail>('/api/registry/buildings', { method: 'POST', body, headers: keyed(key) });
export const updateBuilding = (id: string, body: BuildingPatch) =>
  api<BuildingDetail>(`/api/registry/buildings/${encodeURIComponent(id)}`, { method: 'PATCH', body });
export const fetchBuilding = (id: string, signal?: AbortSignal) =>
  api<BuildingDetail>(`/api/registry/buildings/${encodeURIComponent(id)}`, { signal });
export const fetchLayout = (id: string, signal?: AbortSignal) =>
  api<BuildingLayout>(`/api/registry/buildings/${encodeURIComponent(id)}/layout`, { signal });

// places
export const createPlace = (body: PlaceBody, key: string) =>
  api<PlaceDetail>('/api/registry/places', { method: 'POST', body, headers: keyed(key) });
export const updatePlace = (id: string, body: PlacePatch) =>
  api<PlaceDetail>(`/api/registry/places/${encodeURIComponent(id)}`, { method: 'PATCH', body });
export const fetchPlace = (id: string, signal?: AbortSignal) =>
  api<PlaceDetail>(`/api/registry/places/${encodeURIComponent(id)}`, { signal });
export const revealPlace = (id: string) =>
  api<s.RevealedT>(`/api/registry/places/${encodeURIComponent(id)}/reveal`, { method: 'POST', body: { field: 'contactPhone' } });

// things
export const createThing = (body: ThingBody, key: string) =>
  api<ThingDetail>('/api/registry/things', { method: 'POST', body, headers: keyed(key) });
export const updateThing = (id: string, body: ThingPatch) =>
  api<ThingDetail>(`/api/registry/things/${encodeURIComponent(id)}`, { method: 'PATCH', body });
export const fetchThing = (id: string, signal?: AbortSignal) =>
  api<ThingDetail>(`/api/registry/things/${encodeURIComponent(id)}`, { signal });
export const addInspection = (id: string, body: InspectionBody, key: string) =>
  api<ThingDetail>(`/api/registry/things/${encodeURIComponent(id)}/inspections`, { method: 'POST', body, headers: keyed(key) });

// ---------------------------------------------------------------------------------------------------------------------
// files: templates, exports, error reports (bytes, not JSON), and imports

/** Saves what a GET answers as a file, named by its Content-Disposition, else `fallbackName`. */
export const downloadFile = (path: string, fallbackName: string, query?: Query) => saveFile(path, fallbackName, { query });

/** The id of what a create answered: each kind answers its detail (the household file, the building with its things …). */
export function savedId(saved: unknown): string | undefined {
  const d = saved as { resident?: { id: string }; household?: { id: string }; building?: { id: string }; place?: { id: string }; thing?: { id: string } } | undefined;
  return (d?.resident ?? d?.household ?? d?.building ?? d?.place ?? d?.thing)?.id;
}

export const downloadTemplate = (kind: RegistryKind, fallbackName: string) => downloadFile(`/api/registry/templates/${kind}`, fallbackName);
export const downloadExport = (kind: RegistryKind, f: ListFilter, fallbackName: string) =>
  downloadFile(`/api/registry/exports/${kind}`, fallbackName, listQuery(kind, f));

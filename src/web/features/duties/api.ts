// Duty catalog calls (三张清单, 清单准入, 常态化职责). A reader scoped above the towns gets the first town and the list
// of its towns (`towns`), and names the town it picks with `orgUnitId`.
import type { Static } from '@sinclair/typebox';
import { api } from '../../lib/api.ts';
import type * as s from '../../../server/duties/schemas.ts';

export type Catalog = Static<typeof s.Catalog>;
export type DutyItem = Static<typeof s.DutyItemView>;
export type AdmissionList = Static<typeof s.AdmissionList>;
export type Admission = Static<typeof s.AdmissionView>;
export type AdmissionInput = Static<typeof s.AdmissionBody>;
export type StandingDuties = Static<typeof s.StandingDuties>;
export type StandingDutiesInput = Static<typeof s.StandingDutiesBody>;
export type Burden = Static<typeof s.BurdenView>;

const town = (orgUnitId: string | null) => (orgUnitId ? { orgUnitId } : {});

export const getCatalog = (orgUnitId: string | null, retired: boolean, signal?: AbortSignal) =>
  api<Catalog>('/api/duty-catalog', { query: { ...town(orgUnitId), retired: retired ? 'true' : undefined }, signal });

export const editItem = (id: string, body: Static<typeof s.ItemPatch>) =>
  api<DutyItem>(`/api/duty-catalog/items/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export const retireItem = (id: string, version: number, reason: string) =>
  api<DutyItem>(`/api/duty-catalog/items/${encodeURIComponent(id)}/retire`, { method: 'POST', body: { version, reason } });

export const listAdmissions = (orgUnitId: string | null, status: Admission['status'] | null, signal?: AbortSignal) =>
  api<AdmissionList>('/api/duty-catalog/admissions', { query: { ...town(orgUnitId), status }, signal });

export const fileAdmission = (body: AdmissionInput, key: string) =>
  api<Admission>('/api/duty-catalog/admissions', { method: 'POST', body, headers: { 'idempotency-key': key } });

export const decideAdmission = (id: string, decision: 'approve' | 'refuse', note: string | null) =>
  api<Admission>(`/api/duty-catalog/admissions/${encodeURIComponent(id)}/${decision}`, { method: 'POST', body: note ? { note } : {} });

export const getStandingDuties = (orgUnitId: string | null, signal?: AbortSignal) =>
  api<StandingDuties>('/api/standing-duties', { query: town(orgUnitId), signal });

export const saveStandingDuties = (body: StandingDutiesInput) =>
  api<StandingDuties>('/api/standing-duties', { method: 'PUT', body });

// The enforcement calls of the web pages (综合执法): the matter list and its benchmarks, enforcement cases (list, open,
// read, each action), the decision document, joint inspections and the figures. Types are the server's schemas.
import type { Static } from '@sinclair/typebox';
import { api } from '../../lib/api.ts';
import type * as s from '../../../server/enforcement/schemas.ts';
import type * as ins from '../../../server/enforcement/inspection-schemas.ts';
import type { EnforcementStatus, MatterSource } from '../../../shared/enforcement.ts';

export type Matter = s.MatterViewT;
export type MatterList = s.MatterListT;
export type MatterBenchmarks = s.MatterBenchmarksT;
export type CaseDetail = s.CaseDetailT;
export type CaseList = s.CaseListT;
export type CaseListItem = s.CaseListItemT;
export type Evidence = s.EvidenceViewT;
export type TimelineEntry = CaseDetail['timeline'][number];
export type OpenCaseInput = s.OpenCaseInput;
export type SubjectInput = s.SubjectInputT;
export type CasePolicy = s.EnforcementCasePolicy;
export type ActionBodies = s.EnforcementActionBodies;
export type Checklist = ins.Checklist;
export type InspectionSummary = ins.InspectionSummary;
export type InspectionDetail = ins.InspectionDetail;
export type InspectionList = ins.InspectionListResponse;
export type PlanInspectionInput = ins.PlanInspectionBody;
export type RecordInspectionInput = ins.RecordInspectionBody;
export type RecordInspectionResult = ins.RecordInspectionResponse;
export type InspectionStatus = ins.InspectionStatus;
export type EnforcementStats = ins.EnforcementStats;
export type Location = Static<typeof s.Location>;

const enc = encodeURIComponent;

// ---- the matter list (一张清单) ----
export const listMatters = (f: { source?: MatterSource; q?: string; loopCategoryCode?: string }, signal?: AbortSignal) =>
  api<MatterList>('/api/enforcement/matters', { query: f, signal });
export const fetchMatter = (code: string, signal?: AbortSignal) => api<Matter>(`/api/enforcement/matters/${enc(code)}`, { signal });
export const fetchBenchmarks = (code: string, signal?: AbortSignal) => api<MatterBenchmarks>(`/api/enforcement/matters/${enc(code)}/benchmarks`, { signal });

// ---- enforcement cases ----
export interface CaseFilter { status?: EnforcementStatus; matterCode?: string; q?: string }
export const listCases = (f: CaseFilter, cursor: string | null, signal?: AbortSignal) =>
  api<CaseList>('/api/enforcement/cases', { query: { ...f, cursor }, signal });
export const fetchCase = (id: string, unmask = false, signal?: AbortSignal) =>
  api<CaseDetail>(`/api/enforcement/cases/${enc(id)}`, { query: unmask ? { unmask: 'true' } : undefined, signal });
/** The enforcement case of a loop case; 404 when it has none. */
export const fetchByLoopCase = (caseId: string, signal?: AbortSignal) => api<CaseDetail>(`/api/enforcement/cases/by-loop-case/${enc(caseId)}`, { signal });
/** Opens a case (201); the same key answers the first case again. */
export const openCase = (input: OpenCaseInput, idempotencyKey: string) =>
  api<CaseDetail>('/api/enforcement/cases', { method: 'POST', body: input, headers: { 'idempotency-key': idempotencyKey } });
export const caseAction = <A extends keyof ActionBodies>(id: string, action: A, body: ActionBodies[A], idempotencyKey: string = newIdempotencyKey()) =>
  api<CaseDetail>(`/api/enforcement/cases/${enc(id)}/actions/${action}`, { method: 'POST', body, headers: { 'idempotency-key': idempotencyKey } });
export const decisionUrl = (id: string, format: 'pdf' | 'docx') => `/api/enforcement/cases/${enc(id)}/decision?format=${format}`;

// ---- joint inspections (执法监管一件事) ----
export const listChecklists = (signal?: AbortSignal) => api<ins.ChecklistListResponse>('/api/enforcement/checklists', { signal });
export const listInspections = (status: InspectionStatus | undefined, cursor: string | null, signal?: AbortSignal) =>
  api<InspectionList>('/api/enforcement/inspections', { query: { status, cursor }, signal });
export const fetchInspection = (id: string, signal?: AbortSignal) => api<InspectionDetail>(`/api/enforcement/inspections/${enc(id)}`, { signal });
export const planInspection = (input: PlanInspectionInput, idempotencyKey: string) =>
  api<InspectionDetail>('/api/enforcement/inspections', { method: 'POST', body: input, headers: { 'idempotency-key': idempotencyKey } });
export const recordInspection = (id: string, input: RecordInspectionInput, idempotencyKey: string) =>
  api<RecordInspectionResult>(`/api/enforcement/inspections/${enc(id)}/results`, { method: 'POST', body: input, headers: { 'idempotency-key': idempotencyKey } });

// ---- figures ----
export const fetchStats = (q: { orgUnitId?: string; from?: string; to?: string }, signal?: AbortSignal) =>
  api<EnforcementStats>('/api/enforcement/stats', { query: q, signal });

export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

// what the pages use of other features: the loop's case (立案 from it), photo upload, the decision's download
export { fetchCase as fetchLoopCase, uploadPhoto, type CaseDetail as LoopCase } from '../cases/api.ts';
export { downloadFile } from '../plans/incidents/api.ts';

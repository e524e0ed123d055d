// The dispute calls of the web pages (矛盾纠纷多元化解): classes, the list, registration, one dispute (masked or whole),
// its actions, mediations with the 人民调解协议书 download and the signed scan, follow-ups, sweeps (大排查) and figures.
// Types are the server's schemas (type-only imports).
import type { Static } from '@sinclair/typebox';
import { api } from '../../lib/api.ts';
import { saveFile } from '../../lib/download.ts';
import type * as s from '../../../server/disputes/schemas.ts';
import type * as m from '../../../server/disputes/mediation-schemas.ts';
import type { DisputeStatus, DisputeTier, RiskLevel } from '../../../shared/disputes.ts';

export type DisputeClass = s.DisputeClassViewT;
export type DisputeClassList = Static<typeof s.DisputeClassList>;
export type DisputeSummary = s.DisputeSummaryT;
export type DisputeList = Static<typeof s.DisputeList>;
export type DisputeDetail = s.DisputeDetailT;
export type Party = s.PartyViewT;
export type Referral = s.ReferralViewT;
export type RegisterInput = s.RegisterDisputeBodyT;
export type PartyInput = Static<typeof s.PartyInputSchema>;
export type RiskFactorsInput = Static<typeof s.RiskFactorsSchema>;
export type DisputePolicy = s.DisputePolicy;
export type DisputeEvent = DisputeDetail['events'][number];
export type ChainLink = DisputeDetail['chain'][number];
export type MediationInput = m.RecordMediationInput;
export type FollowUpInput = m.FollowUpInput;
export type SweepSummary = m.SweepSummaryView;
export type SweepList = m.SweepListView;
export type SweepDetail = m.SweepDetailView;
export type SweepGrid = SweepDetail['grids'][number];
export type MySweeps = m.MySweepsView;
export type DisputeStats = m.DisputeStatsView;

/** A mediation as the pages show it: the agreement's number and signed scan read flat. */
export interface Mediation extends m.MediationViewT {
  agreementNumber: string | null; signedScanHash: string | null; signedAt: string | null; recordedBy: string | null;
}
export function mediationOf(x: m.MediationViewT): Mediation {
  return {
    ...x, agreementNumber: x.agreement?.number ?? null, signedScanHash: x.agreement?.signedScanHash ?? null,
    signedAt: x.agreement?.signedAt ?? null, recordedBy: x.recordedByName,
  };
}

export interface DisputeFilter { status?: DisputeStatus; tier?: DisputeTier; risk?: RiskLevel; classCode?: string; orgUnitId?: string; q?: string }

const path = (id: string, rest = '') => `/api/disputes/${encodeURIComponent(id)}${rest}`;

export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

// ---- classes ---------------------------------------------------------------------------------------------------------
export const listClasses = (includeRetired = false, signal?: AbortSignal) =>
  api<DisputeClassList>('/api/disputes/classes', { query: { includeRetired: includeRetired ? 'true' : undefined }, signal });
export const saveClass = (code: string, body: Static<typeof s.DisputeClassBody>) =>
  api<DisputeClass>(`/api/disputes/classes/${encodeURIComponent(code)}`, { method: 'PUT', body });
export const createClass = (body: Static<typeof s.NewDisputeClassBody>) =>
  api<DisputeClass>('/api/disputes/classes', { method: 'POST', body });

// ---- disputes ----------------------------------------------------------------------------------------------------------
export const listDisputes = (f: DisputeFilter, cursor: string | null, signal?: AbortSignal) =>
  api<DisputeList>('/api/disputes', { query: { ...f, q: f.q || undefined, cursor }, signal });

export const fetchDispute = (id: string, unmask = false, signal?: AbortSignal) =>
  api<DisputeDetail>(path(id), { query: { unmask: unmask ? 'true' : undefined }, signal });

/** Registers a dispute (201, the detail). The key is made once per submission and reused on a retry. */
export const registerDispute = (input: RegisterInput, idempotencyKey: string) =>
  api<DisputeDetail>('/api/disputes', { method: 'POST', body: input, headers: { 'idempotency-key': idempotencyKey } });

export type ActionBodies = {
  push: Static<typeof s.PushBody>;
  reply: Static<typeof s.ReplyBody>;
  litigate: Static<typeof s.LitigateBody>;
  'change-tier': Static<typeof s.ChangeTierBody>;
  'assess-risk': Static<typeof s.AssessRiskBody>;
  close: Static<typeof s.CloseBody>;
  reopen: Static<typeof s.ReopenBody>;
  'follow-up': FollowUpInput;
  'attach-signed': m.AttachSignedInput;
};

/** An action on one dispute; answers the detail (reopen: the NEW dispute, 201; follow-up may add suggestReopen). */
export const disputeAction = <A extends keyof ActionBodies>(id: string, action: A, body: ActionBodies[A], idempotencyKey: string) =>
  api<DisputeDetail & { suggestReopen?: boolean }>(path(id, `/actions/${action}`), { method: 'POST', body, headers: { 'idempotency-key': idempotencyKey } });

export const recordMediation = (id: string, input: MediationInput, idempotencyKey: string) =>
  api<DisputeDetail>(path(id, '/mediations'), { method: 'POST', body: input, headers: { 'idempotency-key': idempotencyKey } });

export const agreementUrl = (id: string, mediationId: string, format: 'pdf' | 'docx') =>
  `${path(id, '/agreement')}?mediationId=${encodeURIComponent(mediationId)}&format=${format}`;

/** A file of the signed 协议书 (a photo) through POST /api/files; answers its hash. */
export { uploadPhoto } from '../cases/public.ts';

/** Downloads a file the API makes (the agreement), named by its Content-Disposition. */
export const downloadFile = (url: string, fallbackName: string) => saveFile(url, fallbackName);

/** Short-lived signed URLs of the photo of a session's signed 协议书 (DISPUTE_HANDLERS of the scope; audited). */
export const fetchSignedScan = (id: string, mediationId: string, signal?: AbortSignal) =>
  api<m.SignedScanViewT>(path(id, '/signed-scan'), { query: { mediationId }, signal });

// ---- sweeps ------------------------------------------------------------------------------------------------------------
export const listSweeps = (signal?: AbortSignal) => api<SweepList>('/api/disputes/sweeps', { signal });
export const fetchSweep = (id: string, signal?: AbortSignal) => api<SweepDetail>(`/api/disputes/sweeps/${encodeURIComponent(id)}`, { signal });
export const mySweeps = (signal?: AbortSignal) => api<MySweeps>('/api/disputes/sweeps/mine', { signal });
export const createSweep = (input: m.CreateSweepInput, idempotencyKey: string) =>
  api<SweepDetail>('/api/disputes/sweeps', { method: 'POST', body: input, headers: { 'idempotency-key': idempotencyKey } });
export const reportSweep = (id: string, input: m.SweepReportInput, idempotencyKey: string) =>
  api<SweepDetail>(`/api/disputes/sweeps/${encodeURIComponent(id)}/reports`, { method: 'POST', body: input, headers: { 'idempotency-key': idempotencyKey } });

// ---- figures -----------------------------------------------------------------------------------------------------------
export const fetchStats = (q: { orgUnitId?: string; from?: string; to?: string }, signal?: AbortSignal) =>
  api<DisputeStats>('/api/disputes/stats', { query: q, signal });

// ---- the registry person picker: residents of the caller's area by name or ID number (masked) -------------------------
export type ResidentHit = import('../registry/api.ts').Resident;
export const searchResidents = (q: string, signal?: AbortSignal) =>
  api<{ items: ResidentHit[] }>('/api/registry/residents', { query: { q, page: 1, pageSize: 10 }, signal });

// ---- departments a dispute may be pushed to --------------------------------------------------------------------------
export interface DepartmentOption { id: string; name: string }
/** The district departments above a unit (the dispute's town). */
export const listDepartments = (orgUnitId: string, signal?: AbortSignal) =>
  api<{ items: DepartmentOption[] }>(`/api/org-units/${encodeURIComponent(orgUnitId)}/departments`, { signal });

// Case calls of the web app: the duty catalog, photo upload, locate, report, lists, detail, actions,
// and the anonymous 随手拍 (report with a phone, track by number + phone).
import type { Static } from '@sinclair/typebox';
import { api, ApiError, type Query } from '../../lib/api.ts';
import type { CaseAction, CaseStatus } from '../../../shared/cases.ts';
// the types of what the API answers and accepts come from its schemas, as types only: no server code reaches the bundle
import type * as s from '../../../server/cases/schemas.ts';
import type * as files from '../../../server/files/schemas.ts';
import type * as matters from '../../../server/matters/schemas.ts';
import type * as org from '../../../server/org/schemas.ts';

export type { Light, Tier } from '../../../shared/matters.ts';
export type Matter = Static<typeof matters.Matter>;
export type LngLat = Static<typeof s.Location>;
export type Located = Static<typeof org.LocateResult>;
export type UploadedFile = Static<typeof files.FileInfo>;

export type Clock = Static<typeof s.Clock>;
export type CaseSummary = Static<typeof s.CaseSummary>;
export type Deadlines = CaseSummary['deadlines'];
export type CaseDetail = Static<typeof s.CaseDetail>;
export type CasePhoto = CaseDetail['photos'][number];
export type TimelineEntry = CaseDetail['timeline'][number];
/** the answer to a report: the case, and the open cases of the same category nearby (which to staff, how many to residents) */
export type ReportedCase = Static<typeof s.ReportedCase>;
export type SimilarNearby = Static<typeof s.PublicReceipt>['similarNearby'];
export type PublicReceipt = Static<typeof s.PublicReceipt>;
export type PublicTrack = Static<typeof s.PublicTrack>;

export type ReportInput = Static<typeof s.ReportBody>;
export type PublicReportInput = Static<typeof s.PublicReportBody>;
export type ActionInput = Static<typeof s.ActionBody>;

export const fetchMatters = (signal?: AbortSignal) =>
  api<Static<typeof matters.MatterList>>('/api/matters', { signal }).then((r) => r.items.filter((m) => !m.retired && m.current !== false));

/** A photo as the raw body; a 413 from a proxy in front (no JSON body) still says what was too large. */
async function upload(path: string, blob: Blob, signal?: AbortSignal): Promise<UploadedFile> {
  try {
    return await api<UploadedFile>(path, { method: 'POST', body: blob.type ? blob : new Blob([blob], { type: 'image/jpeg' }), signal });
  } catch (e) {
    if (e instanceof ApiError && e.code === 'HTTP_413') throw new ApiError(413, 'PAYLOAD_TOO_LARGE', 'The photo is too large (10 MB at most).', '照片过大（最大 10 MB）。');
    throw e;
  }
}

export const uploadPhoto = (blob: Blob, signal?: AbortSignal) =>
  upload('/api/files', blob, signal);

/** A photo for the anonymous 随手拍, without an account (rate-limited per address). */
export const uploadPublicPhoto = (blob: Blob, signal?: AbortSignal) =>
  upload('/api/public/files', blob, signal);

export const locate = (at: LngLat, signal?: AbortSignal) =>
  api<Located>('/api/org-units/locate', { query: { lng: at.lng.toFixed(7), lat: at.lat.toFixed(7) }, signal });

/** Reports a case. `idempotencyKey` is made once per submission and reused on a retry, so a retry never files twice. */
export const reportCase = (input: ReportInput, idempotencyKey: string) =>
  api<ReportedCase>('/api/cases', { method: 'POST', headers: { 'idempotency-key': idempotencyKey }, body: input });

export const listCases = (query: { mine?: 'reported' | 'verify' | 'assigned'; status?: CaseStatus[]; orgUnitId?: string; cursor?: string | null; limit?: number }, signal?: AbortSignal) =>
  api<Static<typeof s.CasePage>>('/api/cases', { query: query as Query, signal });

export const fetchCase = (id: string, signal?: AbortSignal) => api<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`, { signal });

/** One step of the lifecycle; with `idempotencyKey`, a retry of a step already taken answers the case without a second step. */
export const caseAction = (id: string, action: CaseAction, body: ActionInput, idempotencyKey?: string) =>
  api<CaseDetail>(`/api/cases/${encodeURIComponent(id)}/actions/${action}`, {
    method: 'POST', body, ...(idempotencyKey ? { headers: { 'idempotency-key': idempotencyKey } } : {}),
  });

export const reportPublic = (input: PublicReportInput, idempotencyKey: string) =>
  api<PublicReceipt>('/api/public/cases', { method: 'POST', headers: { 'idempotency-key': idempotencyKey }, body: input });

export const trackPublic = (number: string, phone: string, signal?: AbortSignal) =>
  api<PublicTrack>(`/api/public/cases/${encodeURIComponent(number)}`, { query: { phone }, signal });

export function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

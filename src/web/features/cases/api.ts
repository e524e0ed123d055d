// Case calls of the web app: the duty catalog, photo upload, locate, report, lists, detail, actions,
// and the anonymous 随手拍 (report with a phone, track by number + phone).
import { api, ApiError, type Query } from '../../lib/api.ts';
import type { CaseAction, CaseStatus } from '../../../shared/cases.ts';

export type Light = 'green' | 'yellow' | 'red';
export type Tier = 'grid' | 'community' | 'town' | 'district';

export interface Matter {
  code: string;
  name: string;
  class: string;
  tier: Tier;
  onSpot: boolean;
  urgent: boolean;
  list: string;
  retired?: boolean;
  current?: boolean;
}

export interface LngLat { lng: number; lat: number }
export interface Clock {
  startedAt: string; dueAt: string; plannedDueAt: string; suspendedMs: number; pausedAt: string | null; light: Light; stoppedAt: string | null;
}
export type Deadlines = Partial<Record<'accept' | 'dispatch' | 'handle' | 'verify' | string, Clock>>;
export interface Assignee { kind: 'post' | 'department' | 'staff'; id: string; name: string }
export interface CasePhoto { hash: string; phase: 'before' | 'after'; url: string; thumbUrl: string; eventId?: number | null }
export interface Satisfaction { score: 1 | 2 | 3 | 4 | 5; label: string; comment?: string }

export interface CaseSummary {
  id: string;
  number: string;
  status: CaseStatus;
  version: number;
  categoryCode: string;
  categoryName: string;
  description: string;
  location: LngLat;
  address: string | null;
  gridId: string | null;
  tier: Tier;
  source: string;
  assignee: Assignee | null;
  deadlines: Deadlines;
  suspended: boolean;
  duplicateOf: string | null;
  satisfaction: Satisfaction | null;
  createdAt: string;
  updatedAt: string;
}

export interface TimelineEntry {
  id?: number;
  at: string;
  action: string;
  actor: string;
  from: CaseStatus | null;
  to: CaseStatus | null;
  reason: string | null;
  data: Record<string, unknown> | null;
  photos: CasePhoto[];
}

export interface CaseDetail extends CaseSummary {
  routedAssignee: Assignee | null;
  /** masked (138****1111, 张*) unless the reader works on the case; `unavailable` when sealed with a key this server lacks */
  reporter: { kind: string; name: string | null; phone: string | null; unavailable: boolean };
  timeline: TimelineEntry[];
  photos: CasePhoto[];
  policies: CaseAction[];
  /** only in the answer to a report, to staff */
  duplicates?: { id: string; distanceM: number }[];
  /** only in the answer to a report, to residents: that similar open cases are near, not which */
  similarNearby?: SimilarNearby;
}

export interface UploadedFile { hash: string; url: string; thumbUrl: string }
export interface Located { grid: { id: string; code: string; name: string; level: string }; ancestors: { id: string; code: string; name: string; level: string }[] }

export interface ReportInput {
  categoryCode: string;
  description: string;
  location: LngLat;
  address?: string;
  photos?: string[];
}

export interface ActionInput {
  version?: number;
  reason?: string;
  note?: string;
  photos?: string[];
  rating?: { score: number; comment?: string };
}

export interface PublicReportInput extends ReportInput { reporter: { phone: string; name?: string } }
export interface SimilarNearby { count: number; nearestM: number | null }
export interface PublicReceipt { number: string; status: CaseStatus; createdAt: string; similarNearby: SimilarNearby }
export interface PublicTrack {
  number: string;
  status: CaseStatus;
  categoryName: string;
  description: string;
  address?: string | null;
  createdAt?: string;
  deadlines: Deadlines;
  timeline: { at: string; action: string; to: CaseStatus | null }[];
  satisfaction: { score: number; comment?: string } | null;
}

interface Page<T> { items: T[]; nextCursor: string | null }

export const fetchMatters = (signal?: AbortSignal) =>
  api<{ items: Matter[] }>('/api/matters', { signal }).then((r) => r.items.filter((m) => !m.retired && m.current !== false));

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
  api<CaseDetail>('/api/cases', { method: 'POST', headers: { 'idempotency-key': idempotencyKey }, body: input });

export const listCases = (query: { mine?: 'reported' | 'verify' | 'assigned'; status?: CaseStatus[]; cursor?: string | null; limit?: number }, signal?: AbortSignal) =>
  api<Page<CaseSummary>>('/api/cases', { query: query as Query, signal });

export const fetchCase = (id: string, signal?: AbortSignal) => api<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`, { signal });

export const caseAction = (id: string, action: CaseAction, body: ActionInput) =>
  api<CaseDetail>(`/api/cases/${encodeURIComponent(id)}/actions/${action}`, { method: 'POST', body });

export const reportPublic = (input: PublicReportInput, idempotencyKey: string) =>
  api<PublicReceipt>('/api/public/cases', { method: 'POST', headers: { 'idempotency-key': idempotencyKey }, body: input });

export const trackPublic = (number: string, phone: string, signal?: AbortSignal) =>
  api<PublicTrack>(`/api/public/cases/${encodeURIComponent(number)}`, { query: { phone }, signal });

export function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

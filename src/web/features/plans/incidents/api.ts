// The incident calls of the web (事件处置): the list, one incident with its steps, level history, roles, resources, log
// and CAP alerts; a level change, the stand-down, a checklist tick; the after-action review (JSON, PDF, Excel) and a CAP
// alert as XML. Types from the server's schemas (type-only), the review's from its report.
import { api } from '../../../lib/api.ts';
import { saveFile } from '../../../lib/download.ts';
import type * as s from '../../../../server/plans/incident-schemas.ts';
import type { Hazard, IncidentStatus, PlanLevel } from '../../../../shared/plans.ts';

export type IncidentSummary = s.IncidentSummary;
export type IncidentDetail = s.IncidentDetail;
export type IncidentStep = s.IncidentStep;
export type IncidentList = s.IncidentList;
export type CheckResult = s.CheckResult;
export type CapAlertView = IncidentDetail['capAlerts'][number];
export type LogEntry = IncidentDetail['log'][number];

/** A fresh Idempotency-Key for one submission (reused on its retry). */
export const newKey = (): string => crypto.randomUUID();
const keyed = (key: string) => ({ 'idempotency-key': key });

export interface IncidentQuery { status?: IncidentStatus; drill?: boolean; hazard?: Hazard; limit?: number }

export const listIncidents = (q: IncidentQuery, cursor: string | null, signal?: AbortSignal) =>
  api<IncidentList>('/api/incidents', {
    query: { status: q.status, drill: q.drill === undefined ? undefined : String(q.drill), hazard: q.hazard, limit: q.limit ?? 50, cursor },
    signal,
  });

export const fetchIncident = (id: string, signal?: AbortSignal) => api<IncidentDetail>(`/api/incidents/${encodeURIComponent(id)}`, { signal });

export const changeLevel = (id: string, level: PlanLevel, reason: string) =>
  api<IncidentDetail>(`/api/incidents/${encodeURIComponent(id)}/level`, { method: 'POST', body: { level, reason } });

export const standDown = (id: string, reason: string) =>
  api<IncidentDetail>(`/api/incidents/${encodeURIComponent(id)}/stand-down`, { method: 'POST', body: { reason } });

export const checkStep = (id: string, stepKey: string, item: number, checked: boolean, key: string) =>
  api<CheckResult>(`/api/incidents/${encodeURIComponent(id)}/steps/${encodeURIComponent(stepKey)}/checks`, {
    method: 'POST', body: { item, checked }, headers: keyed(key),
  });

/**
 * The after-action review (复盘) of a stood-down incident: each step planned against what happened, and the totals.
 * The shape of the server's review-report.ts answer (not a schemas file the web may import its types from).
 */
export interface ReviewStep {
  key: string; seq: number; title: string; roleName: string; state: 'open' | 'done' | 'left';
  caseNumber: string; createdAt: string; dueAt: string; completedAt: string | null;
  plannedMinutes: number; minutesToDone: number | null; lateByMinutes: number | null; late: boolean;
}
export interface IncidentReview {
  number: string; stoodDownAt: string; standDownReason: string | null;
  steps: ReviewStep[];
  totals: {
    steps: number; doneOnTime: number; doneLate: number; left: number;
    longestDelayMinutes: number | null; minutesToFirstStepDone: number | null; durationMinutes: number;
  };
}
export const fetchReview = (id: string, signal?: AbortSignal) => api<IncidentReview>(`/api/incidents/${encodeURIComponent(id)}/review`, { signal });

/** Saves what a GET answers as a file (the review's PDF or Excel, a CAP alert's XML), named by its Content-Disposition. */
export const downloadFile = (path: string, fallbackName: string) => saveFile(path, fallbackName);

export const reviewFileUrl = (id: string, format: 'pdf' | 'xlsx') => `/api/incidents/${encodeURIComponent(id)}/review?format=${format}`;
/** CAP alerts are numbered from 1 in the order they were sent. */
export const capXmlUrl = (id: string, seq: number) => `/api/incidents/${encodeURIComponent(id)}/cap/${seq}.xml`;

export { subscribeCaseEvents, type CaseEvent } from '../../cases/desktop/api.ts';

// The plan calls of the desktop pages (预案管理): the list, one plan with its current body and versions, create, save a
// new version (with the version read: 409 when someone saved since), retire, a version's body; activation (an incident
// from the plan's current version; H3's route) and the trigger suggestions (open matches waiting for the command center;
// H4's routes). Types are the server's schemas.
import type { Static } from '@sinclair/typebox';
import { api } from '../../lib/api.ts';
import type * as s from '../../../server/plans/plan-schemas.ts';
import type * as inc from '../../../server/plans/incident-schemas.ts';
import type * as tr from '../../../server/plans/trigger-schemas.ts';
import type * as posts from '../../../server/org/posts-schemas.ts';
import type { Hazard, PlanBody, PlanStatus } from '../../../shared/plans.ts';

export type PlanSummary = s.PlanSummaryView;
export type PlanDetail = s.PlanDetailView;
export type PlanList = s.PlanListView;
export type PlanVersion = s.PlanVersionView;
export type PlanVersionSummary = s.PlanVersionListView['items'][number];
export type PlanNames = PlanDetail['names'];
export type PlanPolicy = s.PlanPolicy;
export type ActivateInput = inc.ActivateBody;
export type Incident = inc.IncidentDetail;
export type TriggerRefKind = (typeof inc.TRIGGER_REF_KINDS)[number];

export interface PlanFilter { hazard?: Hazard; status?: PlanStatus; q?: string }

const path = (id: string, action = '') => `/api/plans/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

export const listPlans = (f: PlanFilter, cursor: string | null, signal?: AbortSignal) =>
  api<PlanList>('/api/plans', { query: { hazard: f.hazard, status: f.status, q: f.q, cursor }, signal });

export const fetchPlan = (id: string, signal?: AbortSignal) => api<PlanDetail>(path(id), { signal });

export const createPlan = (input: Static<typeof s.CreatePlanBody>, idempotencyKey: string) =>
  api<PlanDetail>('/api/plans', { method: 'POST', body: input, headers: { 'idempotency-key': idempotencyKey } });

export const savePlan = (id: string, input: Static<typeof s.UpdatePlanBody>) => api<PlanDetail>(path(id), { method: 'PUT', body: input });

export const retirePlan = (id: string, reason: string) => api<PlanDetail>(path(id, 'retire'), { method: 'POST', body: { reason } });

export const fetchPlanVersion = (id: string, version: number, signal?: AbortSignal) =>
  api<PlanVersion>(`${path(id, 'versions')}/${version}`, { signal });

/** Starts the plan's current version as an incident (201), or answers the incident the same key or trigger started. */
export const activatePlan = (id: string, input: ActivateInput, idempotencyKey: string) =>
  api<Incident>(path(id, 'activate'), { method: 'POST', body: input, headers: { 'idempotency-key': idempotencyKey } });

// ---- trigger suggestions (plan_trigger_matches in mode suggest, still open) ----------------------------------------
export type PlanSuggestion = Static<typeof tr.Suggestion>;
export type SuggestionList = Static<typeof tr.SuggestionPage>;

/** Open suggestions; of one alarm, case or alert with `trigger`. */
export const listSuggestions = (trigger: { kind: TriggerRefKind; id: string } | null, signal?: AbortSignal) =>
  api<SuggestionList>('/api/plan-suggestions', { query: { status: 'open', triggerKind: trigger?.kind, triggerRef: trigger?.id }, signal });

export const dismissSuggestion = (id: string, reason: string) =>
  api<PlanSuggestion>(`/api/plan-suggestions/${encodeURIComponent(id)}/dismiss`, { method: 'POST', body: { reason } });

export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export type { PlanBody };

// ---- what the editor picks from: the town's posts (by name, with holders) and its matters ---------------------------
export type TownPosts = Static<typeof posts.PostList>;
/** The posts of the plan's town (the caller's without `townId`), with their holders and, for admins, the staff candidates. */
export const listTownPosts = (townId: string | undefined, signal?: AbortSignal) => api<TownPosts>('/api/posts', { query: { townId }, signal });
export { listMatters } from '../matters/api.ts';

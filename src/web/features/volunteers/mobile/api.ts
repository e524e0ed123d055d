// The calls of the resident's phone page of 志愿服务. Types are the server's schemas (type-only imports).
import type { Static } from '@sinclair/typebox';
import { api } from '../../../lib/api.ts';
import type * as s from '../../../../server/volunteers/schemas.ts';
import type { ActivityKind } from '../../../../shared/volunteers.ts';

export type Team = s.TeamViewT;
export type Activity = s.ActivityViewT;
export type Mine = Static<typeof s.MyVolunteering>;

export const fetchMine = (signal?: AbortSignal) => api<Mine>('/api/volunteers/me', { signal });
export const listTeams = (signal?: AbortSignal) => api<Static<typeof s.TeamList>>('/api/volunteers/teams', { signal });
export const listActivities = (kind: ActivityKind, signal?: AbortSignal) =>
  api<Static<typeof s.ActivityList>>('/api/volunteers/activities', { signal, query: { kind, limit: 50 } });
export const signUp = (id: string) => api<Static<typeof s.SignupResult>>(`/api/volunteers/activities/${id}/sign-up`, { method: 'POST', body: {} });
export const joinTeam = (id: string) => api<unknown>(`/api/volunteers/teams/${id}/join`, { method: 'POST', body: {} });

// The volunteer calls of the staff pages: the five-colour teams and their members, activities and 微讲堂 with sign-ups,
// check-in/out and hours, and party members' commitments, posts (微阵地) and stars. Types are the server's schemas
// (type-only imports).
import type { Static } from '@sinclair/typebox';
import { api } from '../../lib/api.ts';
import type * as s from '../../../server/volunteers/schemas.ts';
import type * as p from '../../../server/volunteers/party-schemas.ts';
import type { ActivityKind, ActivityStatus } from '../../../shared/volunteers.ts';

export type Team = s.TeamViewT;
export type TeamList = Static<typeof s.TeamList>;
export type TeamDetail = Static<typeof s.TeamDetail>;
export type TeamMember = Static<typeof s.TeamMemberView>;
export type NewTeam = Static<typeof s.NewTeamBody>;
export type Activity = s.ActivityViewT;
export type ActivityList = Static<typeof s.ActivityList>;
export type ActivityDetail = Static<typeof s.ActivityDetail>;
export type Signup = Static<typeof s.SignupView>;
export type NewActivity = Static<typeof s.NewActivityBody>;
export type SignupResult = Static<typeof s.SignupResult>;

const keyed = (key: string) => ({ 'idempotency-key': key });
const enc = encodeURIComponent;

// ---- teams -----------------------------------------------------------------------------------------------------------
export const listTeams = (orgUnitId: string, signal?: AbortSignal) => api<TeamList>('/api/volunteers/teams', { query: { orgUnitId }, signal });
export const createTeam = (body: NewTeam, key: string) => api<Team>('/api/volunteers/teams', { method: 'POST', body, headers: keyed(key) });
export const fetchTeam = (id: string, signal?: AbortSignal) => api<TeamDetail>(`/api/volunteers/teams/${enc(id)}`, { signal });
export const addMember = (teamId: string, residentId: string) => api<TeamDetail>(`/api/volunteers/teams/${enc(teamId)}/members`, { method: 'POST', body: { residentId } });
export const removeMember = (teamId: string, residentId: string) => api<unknown>(`/api/volunteers/teams/${enc(teamId)}/members/${enc(residentId)}`, { method: 'DELETE' });

// ---- activities ------------------------------------------------------------------------------------------------------
export interface ActivityFilter { orgUnitId: string; kind?: ActivityKind; status?: ActivityStatus; upcoming?: boolean }
export const listActivities = (f: ActivityFilter, signal?: AbortSignal) =>
  api<ActivityList>('/api/volunteers/activities', { query: { ...f, upcoming: f.upcoming ? 'true' : undefined, limit: 200 }, signal });
export const createActivity = (body: NewActivity, key: string) => api<ActivityDetail>('/api/volunteers/activities', { method: 'POST', body, headers: keyed(key) });
export const fetchActivity = (id: string, signal?: AbortSignal) => api<ActivityDetail>(`/api/volunteers/activities/${enc(id)}`, { signal });
export const signUp = (id: string, residentId: string) => api<SignupResult>(`/api/volunteers/activities/${enc(id)}/sign-up`, { method: 'POST', body: { residentId } });
export const checkIn = (id: string, residentId: string) => api<SignupResult>(`/api/volunteers/activities/${enc(id)}/check-in`, { method: 'POST', body: { residentId } });
export const checkOut = (id: string, residentId: string) => api<SignupResult>(`/api/volunteers/activities/${enc(id)}/check-out`, { method: 'POST', body: { residentId } });
export const actOnActivity = (id: string, action: 'done' | 'cancel', version: number) =>
  api<ActivityDetail>(`/api/volunteers/activities/${enc(id)}/actions`, { method: 'POST', body: { action, version } });

// ---- party members (亮身份、践承诺、评星级) and 微阵地 -----------------------------------------------------------------------
export type PartyPost = p.PartyPostViewT;
export type PartyMember = p.PartyMemberViewT;
export const listPartyPosts = (orgUnitId: string | undefined, signal?: AbortSignal) =>
  api<p.PartyPostListT>('/api/volunteers/party-posts', { query: { orgUnitId }, signal });
export const createPartyPost = (body: p.NewPartyPostInput, key: string) =>
  api<PartyPost>('/api/volunteers/party-posts', { method: 'POST', body, headers: keyed(key) });
export const listPartyMembers = (year: number, orgUnitId: string | undefined, signal?: AbortSignal) =>
  api<p.PartyMemberListT>('/api/volunteers/party-members', { query: { year, orgUnitId, limit: 500 }, signal });
export const saveCommitments = (residentId: string, body: p.CommitmentsInput) =>
  api<PartyMember>(`/api/volunteers/party-members/${enc(residentId)}/commitments`, { method: 'PUT', body });
export const rateStars = (residentId: string, body: p.StarsInput) =>
  api<PartyMember>(`/api/volunteers/party-members/${enc(residentId)}/stars`, { method: 'POST', body });

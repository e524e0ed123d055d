// The participation calls of the staff pages (共建共治): 三事分流 (residents' matters), the three councils and their
// proposals, meetings with sign-in, attendance, motions and votes, golden ideas and their quarterly top ten, and
// neighbour help. Types are the server's schemas (type-only imports).
import type { Static } from '@sinclair/typebox';
import { api } from '../../lib/api.ts';
import type * as ms from '../../../server/participation/meeting-schemas.ts';
import type * as is from '../../../server/participation/idea-schemas.ts';
import type * as mt from '../../../server/participation/matter-schemas.ts';
import type * as cs from '../../../server/participation/council-schemas.ts';
import type * as ps from '../../../server/participation/proposal-schemas.ts';
import type * as hs from '../../../server/participation/help-schemas.ts';
import type * as vs from '../../../server/volunteers/schemas.ts';
import type { CouncilLevel, IdeaCategory, IdeaStatus, MatterClass, MatterStatus, MeetingKind, MeetingStatus, ProposalStatus } from '../../../shared/participation.ts';
import type { HelpStatus } from '../../../shared/volunteers.ts';

export type MeetingSummary = Static<typeof ms.MeetingSummary>;
export type MeetingList = Static<typeof ms.MeetingList>;
export type MeetingDetail = ms.MeetingDetailView;
export type Motion = Static<typeof ms.MotionView>;
export type NewMeeting = Static<typeof ms.NewMeetingBody>;
export type NewMotion = Static<typeof ms.NewMotionBody>;
export type VoteRules = Static<typeof ms.VoteRulesSchema>;
export type Checkin = Static<typeof ms.CheckinView>;
export type Idea = is.IdeaViewType;
export type IdeaList = Static<typeof is.IdeaList>;
export type TopList = Static<typeof is.TopList>;

export type Matter = Static<typeof mt.MatterSummary>;
export type MatterDetail = Static<typeof mt.MatterDetail>;
export type MatterList = Static<typeof mt.MatterList>;
export type ClassBody = Static<typeof mt.ClassMatterBody>;
export type ReclassBody = Static<typeof mt.ReclassMatterBody>;
export type Council = Static<typeof cs.CouncilView>;
export type CouncilList = Static<typeof cs.CouncilList>;
export type CouncilDetail = Static<typeof cs.CouncilDetail>;
export type Proposal = Static<typeof ps.ProposalSummary>;
export type ProposalList = Static<typeof ps.ProposalList>;
export type ProposalDetail = Static<typeof ps.ProposalDetail>;
export type HelpRequest = Static<typeof hs.HelpView>;
export type HelpList = Static<typeof hs.HelpList>;

export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
const keyed = (key: string) => ({ 'idempotency-key': key });
const enc = encodeURIComponent;

// ---- 三事分流 ----------------------------------------------------------------------------------------------------------
export interface MatterFilter { status?: MatterStatus; class?: MatterClass }
export const listMatters = (f: MatterFilter, cursor: string | null, signal?: AbortSignal) =>
  api<MatterList>('/api/participation/matters', { query: { ...f, cursor }, signal });
export const createMatter = (body: Static<typeof mt.NewMatterBody>, key: string) =>
  api<MatterDetail>('/api/participation/matters', { method: 'POST', body, headers: keyed(key) });
export const fetchMatter = (id: string, signal?: AbortSignal) => api<MatterDetail>(`/api/participation/matters/${enc(id)}`, { signal });
export const classMatter = (id: string, body: ClassBody, key: string) =>
  api<Matter>(`/api/participation/matters/${enc(id)}/actions/class`, { method: 'POST', body, headers: keyed(key) });
export const reclassMatter = (id: string, body: ReclassBody, key: string) =>
  api<Matter>(`/api/participation/matters/${enc(id)}/actions/reclass`, { method: 'POST', body, headers: keyed(key) });

// ---- 三会 and proposals ------------------------------------------------------------------------------------------------
export const listCouncils = (level?: CouncilLevel, signal?: AbortSignal) => api<CouncilList>('/api/councils', { query: { level }, signal });
export const fetchCouncil = (id: string, signal?: AbortSignal) => api<CouncilDetail>(`/api/councils/${enc(id)}`, { signal });
export const saveCouncil = (id: string, body: { partyOrg: string; leaderName: string | null }) =>
  api<CouncilDetail>(`/api/councils/${enc(id)}`, { method: 'PUT', body });

export interface ProposalFilter { councilId?: string; status?: ProposalStatus }
export const listProposals = (f: ProposalFilter, cursor: string | null, signal?: AbortSignal) =>
  api<ProposalList>('/api/proposals', { query: { ...f, cursor }, signal });
export const fetchProposal = (id: string, signal?: AbortSignal) => api<ProposalDetail>(`/api/proposals/${enc(id)}`, { signal });
export const createProposal = (body: { councilId: string; title: string; body: string }, key: string) =>
  api<ProposalDetail>('/api/proposals', { method: 'POST', body, headers: keyed(key) });
export const commentProposal = (id: string, body: string) => api<unknown>(`/api/proposals/${enc(id)}/comments`, { method: 'POST', body: { body } });
export type ProposalActionName = 'decide' | 'reject' | 'start' | 'report-result' | 'send-up';
export const proposalAction = (id: string, action: ProposalActionName, body: Record<string, unknown>, key: string) =>
  api<ProposalDetail>(`/api/proposals/${enc(id)}/actions/${action}`, { method: 'POST', body, headers: keyed(key) });

// ---- 议事活动 ---------------------------------------------------------------------------------------------------------
export interface MeetingFilter { councilId?: string; status?: MeetingStatus; kind?: MeetingKind }
export const listMeetings = (f: MeetingFilter, cursor: string | null, signal?: AbortSignal) =>
  api<MeetingList>('/api/meetings', { query: { ...f, cursor }, signal });
export const fetchMeeting = (id: string, signal?: AbortSignal) => api<MeetingDetail>(`/api/meetings/${enc(id)}`, { signal });
export const createMeeting = (body: NewMeeting, key: string) => api<MeetingDetail>('/api/meetings', { method: 'POST', body, headers: keyed(key) });
export const meetingAction = (id: string, action: 'open' | 'close' | 'cancel', reason?: string) =>
  api<MeetingDetail>(`/api/meetings/${enc(id)}/actions/${action}`, { method: 'POST', body: reason ? { reason } : {} });
export const saveMinutes = (id: string, minutes: string) => api<MeetingDetail>(`/api/meetings/${enc(id)}/minutes`, { method: 'PUT', body: { minutes } });
export const fetchCheckin = (id: string, signal?: AbortSignal) => api<Checkin>(`/api/meetings/${enc(id)}/checkin`, { signal });
export const recordAttendance = (id: string, residentId: string) =>
  api<Static<typeof ms.AttendanceAnswer>>(`/api/meetings/${enc(id)}/attendance`, { method: 'POST', body: { residentId } });
export const addMotion = (id: string, body: NewMotion, key: string) =>
  api<unknown>(`/api/meetings/${enc(id)}/motions`, { method: 'POST', body, headers: keyed(key) });
export const recordVote = (id: string, body: Static<typeof ms.VoteBody>) =>
  api<Static<typeof ms.VoteAnswer>>(`/api/meetings/${enc(id)}/votes`, { method: 'POST', body });
export const closeMotion = (id: string, motionId: string) =>
  api<unknown>(`/api/meetings/${enc(id)}/motions/${enc(motionId)}/close`, { method: 'POST', body: {} });

// ---- 金点子 -----------------------------------------------------------------------------------------------------------
export interface IdeaFilter { sort?: 'support' | 'newest'; status?: IdeaStatus; category?: IdeaCategory; quarter?: string }
export const listIdeas = (f: IdeaFilter, cursor: string | null, signal?: AbortSignal) => api<IdeaList>('/api/ideas', { query: { ...f, cursor }, signal });
export const screenIdea = (id: string, body: { accepted: boolean; note: string }) =>
  api<Idea>(`/api/ideas/${enc(id)}/actions/screen`, { method: 'POST', body });
export const respondIdea = (id: string, response: string) => api<Idea>(`/api/ideas/${enc(id)}/actions/respond`, { method: 'POST', body: { response } });
export const fetchTop = (quarter: string | undefined, signal?: AbortSignal) => api<TopList>('/api/ideas/top', { query: { quarter }, signal });
export const publishTop = (quarter: string) => api<TopList>('/api/ideas/top', { method: 'POST', body: { quarter } });

// ---- 邻里互助 ---------------------------------------------------------------------------------------------------------
export interface HelpFilter { status?: HelpStatus }
export const listHelp = (f: HelpFilter, cursor: string | null, signal?: AbortSignal) =>
  api<HelpList>('/api/help-requests', { query: { ...f, cursor }, signal });
export type HelpActionName = 'take' | 'done' | 'cancel';
/** the volunteer teams the caller reads (helpers of a request) */
export const listTeams = (signal?: AbortSignal) => api<Pick<Static<typeof vs.TeamList>, 'items'>>('/api/volunteers/teams', { signal });
export const helpAction = (id: string, action: HelpActionName, body: Record<string, unknown>) =>
  api<HelpRequest>(`/api/help-requests/${enc(id)}/actions/${action}`, { method: 'POST', body });

// ---- registry people (the picker of assisted votes and attendance, of helpers) --------------------------------------
export interface ResidentHit { id: string; name: string; idNumber: string; gridName: string; householdAddress: string | null }
export const searchResidents = (q: string, signal?: AbortSignal) =>
  api<{ items: ResidentHit[] }>('/api/registry/residents', { query: { q, page: 1, pageSize: 10 }, signal });

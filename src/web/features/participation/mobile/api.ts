// The calls of the resident's phone pages of 共建共治: matters (我有事说), proposals (议事厅), meetings and votes (云坝会),
// ideas (金点子) and neighbour help. Types are the server's schemas (type-only imports).
import type { Static } from '@sinclair/typebox';
import { api } from '../../../lib/api.ts';
import type * as ms from '../../../../server/participation/matter-schemas.ts';
import type * as ps from '../../../../server/participation/proposal-schemas.ts';
import type * as mt from '../../../../server/participation/meeting-schemas.ts';
import type * as is from '../../../../server/participation/idea-schemas.ts';
import type * as hs from '../../../../server/participation/help-schemas.ts';
import type { ProposalStatus } from '../../../../shared/participation.ts';

export type Matter = ms.MatterSummaryT;
export type MatterDetail = ms.MatterDetailT;
export type MatterList = ms.MatterListT;
export type Proposal = ps.ProposalSummaryT;
export type ProposalDetail = ps.ProposalDetailT;
export type ProposalList = ps.ProposalListT;
export type SupportResult = ps.SupportResultT;
export type MeetingSummary = Static<typeof mt.MeetingSummary>;
export type MeetingList = Static<typeof mt.MeetingList>;
export type MeetingDetail = mt.MeetingDetailView;
export type Motion = Static<typeof mt.MotionView>;
export type VoteRules = Static<typeof mt.VoteRulesSchema>;
export type AttendanceAnswer = Static<typeof mt.AttendanceAnswer>;
export type Idea = Static<typeof is.IdeaView>;
export type IdeaList = Static<typeof is.IdeaList>;
export type TopList = Static<typeof is.TopList>;
export type NewIdea = Static<typeof is.NewIdeaBody>;
export type Help = hs.HelpViewT;
export type HelpList = hs.HelpListT;

const post = <T>(path: string, body: unknown, idem = false) =>
  api<T>(path, { method: 'POST', body, headers: idem ? { 'idempotency-key': crypto.randomUUID() } : undefined });

// 我有事说
export const listMyMatters = (signal?: AbortSignal) => api<MatterList>('/api/participation/matters', { signal, query: { limit: 20 } });
export const submitMatter = (body: ms.NewMatterBodyT) => post<MatterDetail>('/api/participation/matters', body, true);

// 议事厅
export const listProposals = (q: { status?: ProposalStatus; cursor?: string | null }, signal?: AbortSignal) =>
  api<ProposalList>('/api/proposals', { signal, query: { status: q.status, cursor: q.cursor ?? undefined, limit: 30 } });
export const fetchProposal = (id: string, signal?: AbortSignal) => api<ProposalDetail>(`/api/proposals/${id}`, { signal });
export const propose = (body: ps.NewProposalBodyT) => post<ProposalDetail>('/api/proposals', body, true);
export const supportProposal = (id: string) => post<SupportResult>(`/api/proposals/${id}/support`, {});
export const commentProposal = (id: string, body: string) => post<unknown>(`/api/proposals/${id}/comments`, { body }, true);
export const rateProposal = (id: string, stars: number, comment: string | null) => post<unknown>(`/api/proposals/${id}/rating`, { stars, comment });

// 议事活动 / 云坝会
export const listMeetings = (signal?: AbortSignal) => api<MeetingList>('/api/meetings', { signal, query: { limit: 50 } });
export const fetchMeeting = (id: string, signal?: AbortSignal) => api<MeetingDetail>(`/api/meetings/${id}`, { signal });
export const attend = (id: string, token?: string) => post<AttendanceAnswer>(`/api/meetings/${id}/attendance`, token ? { token } : {});
export const commentMeeting = (id: string, body: string) => post<unknown>(`/api/meetings/${id}/comments`, { body }, true);
export const vote = (meetingId: string, motionId: string, choice: string) =>
  post<Static<typeof mt.VoteAnswer>>(`/api/meetings/${meetingId}/votes`, { motionId, choice });

// 金点子
export const listIdeas = (q: { sort?: 'support' | 'newest'; mine?: boolean }, signal?: AbortSignal) =>
  api<IdeaList>('/api/ideas', { signal, query: { sort: q.sort, mine: q.mine ? 'true' : undefined, limit: 50 } });
export const fetchTopIdeas = (signal?: AbortSignal) => api<TopList>('/api/ideas/top', { signal });
export const submitIdea = (body: NewIdea) => post<Idea>('/api/ideas', body, true);
export const supportIdea = (id: string) => post<Static<typeof is.SupportAnswer>>(`/api/ideas/${id}/support`, {});

// 邻里互助
export const listMyHelp = (signal?: AbortSignal) => api<HelpList>('/api/help-requests', { signal, query: { mine: 'true', limit: 50 } });
export const askHelp = (body: hs.NewHelpBodyT) => post<Help>('/api/help-requests', body, true);
export const cancelHelp = (id: string, reason: string) => post<Help>(`/api/help-requests/${id}/actions/cancel`, { reason });

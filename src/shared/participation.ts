// 共建共治共享 (issue 16), part 1: 三事分流, the three councils, deliberation and votes, golden ideas — the words the
// server and the web app share.
import type { Role } from './roles.ts';

/** 三事分流: 公事 (public: a case in the loop), 共事 (shared: deliberation), 家事 (private: neighbour help). */
export const MATTER_CLASSES = ['public', 'shared', 'private'] as const;
export type MatterClass = (typeof MATTER_CLASSES)[number];

export const MATTER_SOURCES = ['resident', 'gridWorker', 'visit', 'hotline', 'meeting'] as const;
export type MatterSource = (typeof MATTER_SOURCES)[number];

/** new (waiting to be classed) → routed (a case, a proposal or a help request made from it) → closed */
export const MATTER_STATUSES = ['new', 'routed', 'closed'] as const;
export type MatterStatus = (typeof MATTER_STATUSES)[number];

/** 三会: 网格邻里会, 社区评议会, 街道联席会 */
export const COUNCIL_LEVELS = ['grid', 'community', 'town'] as const;
export type CouncilLevel = (typeof COUNCIL_LEVELS)[number];

/**
 * open (gathering support) → scheduled (on a meeting's agenda) → decided (with who carries it out) → inProgress →
 * done (the result, then residents rate it); rejected; sentUp (the town council took it over).
 */
export const PROPOSAL_STATUSES = ['open', 'scheduled', 'decided', 'inProgress', 'done', 'rejected', 'sentUp'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PROPOSAL_ACTIONS = ['schedule', 'decide', 'reject', 'start', 'report-result', 'send-up'] as const;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];

/** 坝坝议事 on site (sign-in by QR code) or 云坝会 online */
export const MEETING_KINDS = ['onSite', 'online'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_STATUSES = ['scheduled', 'open', 'closed', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const ATTENDANCE_CHANNELS = ['qr', 'online', 'assisted'] as const;
export type AttendanceChannel = (typeof ATTENDANCE_CHANNELS)[number];

/** phone (the voter's own account), onSite (a paper or show of hands recorded by staff), assisted (staff for an old person) */
export const VOTE_CHANNELS = ['phone', 'onSite', 'assisted'] as const;
export type VoteChannel = (typeof VOTE_CHANNELS)[number];

export const DEFAULT_VOTE_OPTIONS = ['for', 'against', 'abstain'] as const;

/**
 * The rules of a vote, fixed when it opens.
 * - unit: one vote per person, or per household (the household's first voter casts it);
 * - electorate: `residents` = people of the registry living in the council's area, aged 18 or more; `anyone` = also
 *   people outside the registry who have a resident account of the area (a loosening: it needs a logged confirmation
 *   and shows a notice on the vote);
 * - quorum: the least share of the electorate (0–1) or number of voters for the result to stand;
 * - passShare: the share of `for` among the votes cast (abstentions count as cast) needed to pass, default 0.5
 *   (strictly more than half);
 * - secret: no ballot can be tied to its voter.
 */
export interface VoteRules {
  unit: 'person' | 'household';
  electorate: 'residents' | 'anyone';
  quorum: { kind: 'share' | 'count'; value: number };
  passShare: number;
  secret: boolean;
}

export interface VoteTally {
  /** votes per option */
  tally: Record<string, number>;
  cast: number;
  electorate: number;
  quorumMet: boolean;
  passed: boolean;
}

export const IDEA_STATUSES = ['submitted', 'accepted', 'rejected', 'answered'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

export const IDEA_CATEGORIES = ['environment', 'traffic', 'elderly', 'children', 'safety', 'culture', 'services', 'other'] as const;
export type IdeaCategory = (typeof IDEA_CATEGORIES)[number];

export const PARTICIPATION_LIMITS = {
  title: 60,
  body: 2000,
  comment: 500,
  reason: 500,
  minutes: 20_000,
  agenda: 20,
  options: 6,
  topTen: 10,
} as const;

/** Who reads residents' matters, proposals, meetings and ideas of their scope (residents read their own area's). */
export const PARTICIPATION_READERS = ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'] as const satisfies readonly Role[];
/** Who classes matters (三事分流), runs councils' proposals and meetings, records on-site and assisted votes, screens ideas. */
export const PARTICIPATION_STAFF = ['dispatcher', 'communityStaff', 'gridWorker'] as const satisfies readonly Role[];
/** Who may confirm a loosened electorate and publish a town's quarterly top ten of ideas. */
export const PARTICIPATION_LEADS = ['leader', 'dispatcher', 'communityStaff'] as const satisfies readonly Role[];

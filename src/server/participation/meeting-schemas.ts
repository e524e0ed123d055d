import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import {
  ATTENDANCE_CHANNELS, COUNCIL_LEVELS, MEETING_KINDS, MEETING_STATUSES, PARTICIPATION_LIMITS, PROPOSAL_STATUSES, VOTE_CHANNELS,
} from '../../shared/participation.ts';

/*
 * 议事活动 (issue 16): TypeBox request and response schemas of meetings (坝坝议事 on site, 云坝会 online), their sign-in,
 * comments, minutes, motions and votes. The web takes its types from here (type-only imports). Changes stay additive.
 */

const L = PARTICIPATION_LIMITS;
export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export const MotionParams = Type.Object({ id: Id, motionId: Id }, { additionalProperties: false });
const Time = Type.String({ description: 'ISO 8601 with zone' });
const Text = (max: number, description?: string) => Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });

// ---------------------------------------------------------------------------------------------------------------------
// Vote rules (src/shared/participation.ts VoteRules)

export const VoteRulesSchema = Type.Object({
  unit: lit(['person', 'household'] as const),
  electorate: lit(['residents', 'anyone'] as const),
  quorum: Type.Object({
    kind: lit(['share', 'count'] as const),
    value: Type.Number({ minimum: 0, maximum: 1_000_000, description: 'share: 0–1 of the electorate; count: voters' }),
  }, { additionalProperties: false }),
  passShare: Type.Number({ minimum: 0, maximum: 1, description: '0.5 = strictly more than half of the votes cast; other values: at least that share' }),
  secret: Type.Boolean({ description: 'no ballot can be tied to its voter' }),
}, { additionalProperties: false });

export const VoteTallySchema = Type.Object({
  tally: Type.Record(Type.String(), Type.Integer(), { description: 'votes per option' }),
  cast: Type.Integer(),
  electorate: Type.Integer(),
  quorumMet: Type.Boolean(),
  passed: Type.Boolean(),
});

// ---------------------------------------------------------------------------------------------------------------------
// Meetings

export const MEETING_POLICIES = [
  'open', 'close', 'cancel', 'minutes', 'checkin', 'recordAttendance', 'attend', 'comment', 'addMotion',
] as const;
export type MeetingPolicy = (typeof MEETING_POLICIES)[number];

export const MeetingListQuery = Type.Object({
  councilId: Type.Optional(Id),
  status: Type.Optional(lit(MEETING_STATUSES)),
  kind: Type.Optional(lit(MEETING_KINDS)),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
}, { additionalProperties: false });

export const MeetingSummary = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  councilId: Type.String(),
  councilName: Type.String(),
  councilLevel: lit(COUNCIL_LEVELS),
  kind: lit(MEETING_KINDS),
  title: Type.String(),
  place: Nullable(Type.String()),
  hostName: Nullable(Type.String()),
  startsAt: Time,
  endsAt: Time,
  status: lit(MEETING_STATUSES),
  agendaCount: Type.Integer(),
  attendanceCount: Type.Integer(),
  openMotions: Type.Integer({ description: 'motions still taking votes' }),
  createdAt: Time,
});

export const MeetingListItem = Type.Composite([
  MeetingSummary,
  Type.Object({ policies: Type.Array(lit(MEETING_POLICIES), { description: 'what the caller may do to the meeting now (attend: see its page)' }) }),
]);

export const MeetingList = Type.Object({
  items: Type.Array(MeetingListItem),
  nextCursor: Nullable(Type.String()),
  policies: Type.Array(lit(['create'] as const)),
});

export const NewMeetingBody = Type.Object({
  councilId: Id,
  kind: lit(MEETING_KINDS),
  title: Text(L.title),
  place: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  hostName: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  proposalIds: Type.Array(Id, { maxItems: L.agenda, description: 'open proposals of the council (or of councils under it), put on the agenda in this order' }),
}, { additionalProperties: false });

export const AgendaItem = Type.Object({
  proposalId: Type.String(),
  sort: Type.Integer(),
  title: Type.String(),
  status: lit(PROPOSAL_STATUSES),
  supportCount: Type.Integer(),
});

export const AttendeeView = Type.Object({
  name: Type.String({ description: 'whole for staff of the scope' }),
  residentId: Nullable(Type.String()),
  channel: lit(ATTENDANCE_CHANNELS),
  at: Time,
});

export const AttendanceView = Type.Object({
  count: Type.Integer(),
  mine: Type.Boolean({ description: 'the caller\'s registry person has signed in' }),
  people: Nullable(Type.Array(AttendeeView, { description: 'staff only; null for residents' })),
});

export const MeetingCommentView = Type.Object({
  id: Type.String(),
  authorName: Type.String({ description: 'masked (张*) for residents, except their own' }),
  body: Type.String(),
  at: Time,
  mine: Type.Boolean(),
});

export const MOTION_POLICIES = ['vote', 'recordVote', 'close'] as const;
export type MotionPolicy = (typeof MOTION_POLICIES)[number];

export const MotionView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  proposalId: Nullable(Type.String()),
  options: Type.Array(Type.String(), { description: 'for/against/abstain by default; else the motion\'s own words' }),
  rules: VoteRulesSchema,
  status: lit(['open', 'closed'] as const),
  opensAt: Time,
  closesAt: Time,
  closedAt: Nullable(Time),
  electorateSize: Type.Integer({ description: 'counted from the registry when the motion opened' }),
  castCount: Type.Integer({ description: 'voters so far (never their choices while open)' }),
  loosening: Nullable(Type.Object({
    reason: Type.String(),
    at: Time,
    byName: Type.String(),
  }, { description: 'the confirmed loosening of the electorate' })),
  notice: Nullable(Type.String({ description: 'zh notice shown on the vote when the electorate was loosened' })),
  myVote: Type.Object({
    voted: Type.Boolean({ description: 'the caller\'s person (or household under a household rule) has voted' }),
    choice: Nullable(Type.String({ description: 'null under a secret rule, or when not voted' })),
    channel: Nullable(lit(VOTE_CHANNELS)),
  }),
  eligibility: Nullable(Type.Object({
    eligible: Type.Boolean(),
    reason: Nullable(Type.String({ description: 'zh, why not' })),
  }, { description: 'for a resident caller: whether they may vote (null for staff)' })),
  result: Nullable(VoteTallySchema),
  policies: Type.Array(lit(MOTION_POLICIES)),
});

export const MeetingDetail = Type.Composite([
  MeetingSummary,
  Type.Object({
    councilOrgUnitId: Type.String(),
    agenda: Type.Array(AgendaItem),
    attendance: AttendanceView,
    comments: Type.Array(MeetingCommentView),
    motions: Type.Array(MotionView),
    minutes: Nullable(Type.String()),
    minutesAt: Nullable(Time),
    policies: Type.Array(lit(MEETING_POLICIES)),
  }),
]);
export type MeetingDetailView = Static<typeof MeetingDetail>;

export const MeetingActionParams = Type.Object({ id: Id, action: lit(['open', 'close', 'cancel'] as const) }, { additionalProperties: false });
export const MeetingActionBody = Type.Object({
  reason: Type.Optional(Nullable(Type.String({ maxLength: L.reason, description: 'cancel: why' }))),
}, { additionalProperties: false });

export const MinutesBody = Type.Object({
  minutes: Text(L.minutes),
}, { additionalProperties: false });

export const CheckinView = Type.Object({
  token: Type.String(),
  path: Type.String({ description: '/m/meetings/:id/check-in?token=… (the QR code encodes origin + path)' }),
});

export const AttendanceBody = Type.Object({
  token: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'the sign-in QR code\'s token (a resident on site)' })),
  residentId: Type.Optional(Id),
}, { additionalProperties: false, description: 'a resident: token (on site) or nothing (an online meeting); staff: residentId (assisted)' });

export const AttendanceAnswer = Type.Object({
  attended: Type.Literal(true),
  channel: lit(ATTENDANCE_CHANNELS),
  created: Type.Boolean({ description: 'false when the person had signed in already' }),
  points: Nullable(Type.Integer({ description: 'points awarded for the attendance (meetingAttended), when a rule gives any' })),
});

export const CommentBody = Type.Object({ body: Text(L.comment) }, { additionalProperties: false });

// ---------------------------------------------------------------------------------------------------------------------
// Motions and votes

export const NewMotionBody = Type.Object({
  title: Text(L.title),
  proposalId: Type.Optional(Nullable(Id)),
  options: Type.Optional(Type.Array(Text(30), { minItems: 2, maxItems: L.options, description: 'default for/against/abstain' })),
  rules: VoteRulesSchema,
  closesAt: Type.String({ format: 'date-time' }),
  loosening: Type.Optional(Type.Object({
    confirmed: Type.Literal(true),
    reason: Text(L.reason),
  }, { additionalProperties: false, description: 'required when electorate is anyone: 422 VOTE_LOOSENING_UNCONFIRMED without it' })),
}, { additionalProperties: false });

export const VoteBody = Type.Object({
  motionId: Id,
  choice: Text(30),
  residentId: Type.Optional(Id),
  channel: Type.Optional(lit(VOTE_CHANNELS)),
}, { additionalProperties: false, description: 'a resident votes for themself by phone; staff record onSite/assisted votes for residentId' });

export const VoteAnswer = Type.Object({
  counted: Type.Literal(true),
  motionId: Type.String(),
  channel: lit(VOTE_CHANNELS),
});

import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { COUNCIL_LEVELS, PARTICIPATION_LIMITS, PROPOSAL_STATUSES } from '../../shared/participation.ts';
import { Id, Text, Time } from './matter-schemas.ts';

/*
 * 议题 (issue 16): proposals on the councils' agendas, supports, comments, ratings and the actions from decision to
 * result (/api/proposals). The web types against these (type-only imports). Changes stay additive.
 */

const L = PARTICIPATION_LIMITS;

export const ProposalListQuery = Type.Object({
  councilId: Type.Optional(Id),
  level: Type.Optional(lit(COUNCIL_LEVELS)),
  status: Type.Optional(lit(PROPOSAL_STATUSES)),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'part of the title' })),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
}, { additionalProperties: false });

export const PROPOSAL_POLICIES = ['support', 'comment', 'rate', 'decide', 'reject', 'start', 'reportResult', 'sendUp'] as const;
export type ProposalPolicy = (typeof PROPOSAL_POLICIES)[number];

export const ProposalSummary = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  councilId: Type.String(),
  councilName: Type.String(),
  councilLevel: lit(COUNCIL_LEVELS),
  title: Type.String(),
  body: Type.String(),
  proposerName: Type.String({ description: 'masked (张*) for residents unless it is their own' }),
  mine: Type.Boolean({ description: 'the caller proposed it' }),
  status: lit(PROPOSAL_STATUSES),
  supportCount: Type.Integer(),
  supportedByMe: Type.Boolean({ description: 'the caller\'s registry person supports it' }),
  commentCount: Type.Integer(),
  ratingAverage: Nullable(Type.Number({ description: '1–5, one decimal; null before any rating' })),
  ratingCount: Type.Integer(),
  decision: Nullable(Type.String()),
  ownerName: Nullable(Type.String({ description: 'who carries out the decision' })),
  dueOn: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
  matterId: Nullable(Type.String()),
  sentUpFrom: Nullable(Type.String({ description: 'the lower council\'s proposal this one was sent up from' })),
  sentUpTo: Nullable(Type.String({ description: 'the higher council\'s proposal made from this one (status sentUp)' })),
  createdAt: Time,
  updatedAt: Time,
  policies: Type.Array(lit(PROPOSAL_POLICIES), { description: 'what the caller may do to this proposal now' }),
});

export const ProposalList = Type.Object({
  items: Type.Array(ProposalSummary),
  nextCursor: Nullable(Type.String({ description: 'null on the last page' })),
  policies: Type.Array(lit(['create'] as const), { description: 'create: the caller may propose' }),
});

export const ProposalCommentView = Type.Object({
  id: Type.String(),
  authorName: Type.String({ description: 'masked for residents unless their own' }),
  body: Type.String(),
  at: Time,
  mine: Type.Boolean(),
});

export const ProposalEventView = Type.Object({
  action: Type.String({ description: 'create | support… | schedule | decide | reject | start | report-result | send-up | sentUpHere' }),
  note: Nullable(Type.String()),
  at: Time,
  byName: Nullable(Type.String({ description: 'staff names; null for residents\' own acts shown to other residents' })),
});

export const ProposalMeetingView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  startsAt: Time,
  status: Type.String(),
});

export const ProposalDetail = Type.Composite([
  ProposalSummary,
  Type.Object({
    decidedAt: Nullable(Time),
    result: Nullable(Type.String()),
    resultAt: Nullable(Time),
    myRating: Nullable(Type.Integer({ minimum: 1, maximum: 5 })),
    comments: Type.Array(ProposalCommentView, { description: 'oldest first' }),
    timeline: Type.Array(ProposalEventView, { description: 'oldest first' }),
    meetings: Type.Array(ProposalMeetingView, { description: 'the meetings it is on the agenda of' }),
  }),
]);

export const NewProposalBody = Type.Object({
  councilId: Type.Optional(Nullable(Id)),
  title: Text(L.title),
  body: Text(L.body),
}, { additionalProperties: false, description: 'councilId: a resident\'s default is the council of their grid; staff must name one' });

export const SupportResult = Type.Object({
  counted: Type.Boolean({ description: 'false when this person already supported it (the call is idempotent: 200 both times)' }),
  supportCount: Type.Integer(),
  supportedByMe: Type.Literal(true),
});

export const CommentBody = Type.Object({ body: Text(L.comment) }, { additionalProperties: false });
export const RatingBody = Type.Object({
  stars: Type.Integer({ minimum: 1, maximum: 5 }),
  comment: Type.Optional(Nullable(Type.String({ maxLength: L.comment }))),
}, { additionalProperties: false });

export const DecideBody = Type.Object({
  decision: Text(L.body),
  ownerName: Text(60),
  ownerAccountId: Type.Optional(Nullable(Id)),
  dueOn: Type.Optional(Nullable(Type.String({ format: 'date', description: 'YYYY-MM-DD' }))),
}, { additionalProperties: false });
export const RejectBody = Type.Object({ reason: Text(L.reason) }, { additionalProperties: false });
export const StartBody = Type.Object({}, { additionalProperties: false });
export const ReportResultBody = Type.Object({ result: Text(L.body) }, { additionalProperties: false });
export const SendUpBody = Type.Object({ reason: Text(L.reason) }, { additionalProperties: false });

export type ProposalSummaryT = Static<typeof ProposalSummary>;
export type ProposalDetailT = Static<typeof ProposalDetail>;
export type ProposalListT = Static<typeof ProposalList>;
export type ProposalListQueryT = Static<typeof ProposalListQuery>;
export type NewProposalBodyT = Static<typeof NewProposalBody>;
export type SupportResultT = Static<typeof SupportResult>;
export type DecideBodyT = Static<typeof DecideBody>;

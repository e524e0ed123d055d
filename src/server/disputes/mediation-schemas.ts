import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import {
  DISPUTE_LIMITS, DISPUTE_TIERS, MEDIATION_OUTCOMES, MEDIATOR_KINDS, REFERRAL_UNIT_KINDS, RISK_LEVELS,
} from '../../shared/disputes.ts';

/*
 * 矛盾纠纷多元化解 (issue 15): the request and response schemas of mediation sessions and the 人民调解协议书, follow-up
 * visits (回访), signed scans, sweeps (大排查) and the dispute figures. The web types against these (type-only imports).
 */

const L = DISPUTE_LIMITS;
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Time = Type.String({ description: 'ISO 8601 with zone' });
const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max, ...(min > 0 ? { pattern: '\\S' } : {}) });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const PartySeq = Type.Integer({ minimum: 1, maximum: L.parties, description: 'the party\'s seq in the dispute (1 = the first party)' });

export const MEDIATION_LIMITS = { place: 200, name: 50, statements: 60, agreed: 2000, note: 500, title: 100, sweepNote: 1000 } as const;
const M = MEDIATION_LIMITS;

export const FOLLOW_UP_METHODS = ['visit', 'phone'] as const;
export type FollowUpMethod = (typeof FOLLOW_UP_METHODS)[number];

export const DisputeIdParams = Type.Object({ id: Id });

// ---------------------------------------------------------------- mediations

export const MediatorSchema = Type.Object({
  kind: lit(MEDIATOR_KINDS),
  name: Text(M.name),
  accountId: Type.Optional(Nullable(Id)),
}, { additionalProperties: false });

export const AttendeeSchema = Type.Object({
  name: Text(M.name),
  partySeq: Type.Optional(Nullable(PartySeq)),
}, { additionalProperties: false });

export const StatementSchema = Type.Object({
  partySeq: PartySeq,
  said: Text(L.statement),
}, { additionalProperties: false });

/** POST /api/disputes/:id/mediations: one mediation session (Idempotency-Key). */
export const RecordMediationBody = Type.Object({
  at: Type.String({ format: 'date-time', description: 'when the session was held (not in the future)' }),
  place: Text(M.place),
  mediator: MediatorSchema,
  attendees: Type.Array(AttendeeSchema, { maxItems: L.attendees }),
  statements: Type.Array(StatementSchema, { maxItems: M.statements }),
  agreed: Type.Optional(Nullable(Text(M.agreed, 0))),
  terms: Type.Array(Text(L.term), { maxItems: L.terms, description: 'the agreement\'s terms, one per article; with outcome resolved or partial they make the 人民调解协议书' }),
  outcome: lit(MEDIATION_OUTCOMES),
}, { additionalProperties: false });
export type RecordMediationInput = Static<typeof RecordMediationBody>;

export const AgreementInfo = Type.Object({
  number: Type.String({ description: '（2026）春调字第7号' }),
  signedScanHash: Nullable(Type.String({ description: 'the photo of the signed paper (GET /api/files/:hash)' })),
  signedAt: Nullable(Time),
});

/** A mediation session as the dispute detail shows it. Attendee names of parties are masked unless the reader sees parties whole. */
export const MediationView = Type.Object({
  id: Type.String(),
  seq: Type.Integer(),
  at: Time,
  place: Type.String(),
  mediator: Type.Object({ kind: lit(MEDIATOR_KINDS), name: Type.String(), accountId: Nullable(Type.String()) }),
  attendees: Type.Array(Type.Object({ name: Type.String(), partySeq: Nullable(Type.Integer()) })),
  statements: Type.Array(Type.Object({ partySeq: Type.Integer(), said: Type.String() })),
  agreed: Nullable(Type.String()),
  terms: Type.Array(Type.String()),
  outcome: lit(MEDIATION_OUTCOMES),
  agreement: Nullable(AgreementInfo),
  recordedById: Nullable(Type.String()),
  recordedByName: Nullable(Type.String()),
  createdAt: Time,
});
export type MediationViewT = Static<typeof MediationView>;

export const AgreementQuery = Type.Object({
  mediationId: Type.Optional(Id),
  format: Type.Optional(lit(['pdf', 'docx'] as const)),
}, { additionalProperties: false });

// ---------------------------------------------------------------- follow-ups and signed scans

/** POST /api/disputes/:id/actions/follow-up */
export const FollowUpBody = Type.Object({
  at: Type.String({ format: 'date-time', description: 'when the visit or call was made (not in the future)' }),
  method: lit(FOLLOW_UP_METHODS),
  holds: Type.Boolean({ description: 'the agreement holds (false: broken; the answer suggests reopening)' }),
  note: Type.Optional(Nullable(Text(M.note, 0))),
}, { additionalProperties: false });
export type FollowUpInput = Static<typeof FollowUpBody>;

export const FollowUpView = Type.Object({
  id: Type.String(),
  at: Time,
  method: lit(FOLLOW_UP_METHODS),
  holds: Type.Boolean(),
  note: Nullable(Type.String()),
  byId: Nullable(Type.String()),
  byName: Nullable(Type.String()),
  createdAt: Time,
});
export type FollowUpViewT = Static<typeof FollowUpView>;

/** POST /api/disputes/:id/actions/attach-signed: the photo of the signed 协议书, uploaded first through POST /api/files. */
export const AttachSignedBody = Type.Object({
  mediationId: Id,
  fileHash: Type.String({ minLength: 1, maxLength: 128, description: 'the hash POST /api/files answered' }),
}, { additionalProperties: false });
export type AttachSignedInput = Static<typeof AttachSignedBody>;

/** GET /api/disputes/:id/signed-scan: the signed paper's photo shows the parties whole, so it is read through this audited route. */
export const SignedScanQuery = Type.Object({
  mediationId: Id,
}, { additionalProperties: false });

export const SignedScanView = Type.Object({
  url: Type.String({ description: 'signed URL of the photo, valid for a short while' }),
  thumbUrl: Type.String(),
  signedAt: Nullable(Time),
});
export type SignedScanViewT = Static<typeof SignedScanView>;

// ---------------------------------------------------------------- sweeps (大排查)

export const SweepIdParams = Type.Object({ id: Id });

export const CreateSweepBody = Type.Object({
  title: Text(M.title),
  dueOn: Day,
  note: Type.Optional(Nullable(Text(M.sweepNote, 0))),
  townId: Type.Optional(Id),
}, { additionalProperties: false });
export type CreateSweepInput = Static<typeof CreateSweepBody>;

export const SweepReportBody = Type.Object({
  gridId: Id,
  noneFound: Type.Boolean({ description: 'true: the grid found no dispute (零报告)' }),
  disputeIds: Type.Optional(Type.Array(Id, { maxItems: 200, uniqueItems: true, description: 'disputes of that grid the sweep found' })),
  note: Type.Optional(Nullable(Text(M.sweepNote, 0))),
}, { additionalProperties: false });
export type SweepReportInput = Static<typeof SweepReportBody>;

export const SweepListQuery = Type.Object({
  townId: Type.Optional(Id),
}, { additionalProperties: false });

export const SWEEP_POLICIES = ['report'] as const;

export const SweepSummary = Type.Object({
  id: Type.String(),
  townId: Type.String(),
  townName: Type.String(),
  title: Type.String(),
  note: Nullable(Type.String()),
  dueOn: Day,
  createdAt: Time,
  createdByName: Nullable(Type.String()),
  gridCount: Type.Integer(),
  answered: Type.Integer(),
  found: Type.Integer({ description: 'disputes the reports name' }),
  overdue: Type.Boolean({ description: 'past due with grids missing' }),
  policies: Type.Array(lit(SWEEP_POLICIES), { description: 'report: the caller may report for at least one grid of the town' }),
});
export type SweepSummaryView = Static<typeof SweepSummary>;

export const SweepList = Type.Object({
  items: Type.Array(SweepSummary),
  policies: Type.Array(lit(['create'] as const)),
});
export type SweepListView = Static<typeof SweepList>;

export const SweepGridRow = Type.Object({
  gridId: Type.String(),
  gridName: Type.String(),
  communityName: Nullable(Type.String()),
  answered: Type.Boolean(),
  noneFound: Nullable(Type.Boolean()),
  count: Type.Integer({ description: 'disputes reported' }),
  disputes: Type.Array(Type.Object({ id: Type.String(), number: Type.String() })),
  note: Nullable(Type.String()),
  reportedAt: Nullable(Time),
  reporterName: Nullable(Type.String()),
  canReport: Type.Boolean({ description: 'the reader may report (or report again) for this grid' }),
});

export const SweepDetail = Type.Object({
  ...SweepSummary.properties,
  grids: Type.Array(SweepGridRow),
  missing: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
});
export type SweepDetailView = Static<typeof SweepDetail>;

/** GET /api/disputes/sweeps/mine: a grid worker's open sweeps, one row per sweep and grid of theirs. */
export const MySweeps = Type.Object({
  items: Type.Array(Type.Object({
    sweepId: Type.String(),
    title: Type.String(),
    dueOn: Day,
    overdue: Type.Boolean(),
    gridId: Type.String(),
    gridName: Type.String(),
    answered: Type.Boolean(),
    noneFound: Nullable(Type.Boolean()),
    count: Type.Integer(),
    reportedAt: Nullable(Time),
  })),
});
export type MySweepsView = Static<typeof MySweeps>;

// ---------------------------------------------------------------- figures

export const DisputeStatsQuery = Type.Object({
  orgUnitId: Type.Optional(Id),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
}, { additionalProperties: false });

const Count = Type.Integer({ minimum: 0 });
const Named = Type.Object({ code: Type.String(), name: Type.String(), count: Count, resolved: Count });

export const DisputeStats = Type.Object({
  orgUnitId: Type.String(),
  orgUnitName: Type.String(),
  from: Day,
  to: Day,
  found: Count,
  resolved: Type.Integer({ minimum: 0, description: 'registered in the period and resolved (or closed after an agreement) by now' }),
  resolutionRate: Nullable(Type.Number({ description: 'resolved / found, 0..1; null when nothing was found' })),
  open: Count,
  closed: Count,
  byClass: Type.Array(Named),
  byTier: Type.Array(Type.Object({ tier: lit(DISPUTE_TIERS), count: Count, resolved: Count })),
  byHandlingUnit: Type.Array(Named),
  byRisk: Type.Array(Type.Object({ risk: lit(RISK_LEVELS), count: Count })),
  referrals: Type.Object({
    total: Count,
    replied: Count,
    overdue: Count,
    byUnitKind: Type.Array(Type.Object({ unitKind: lit(REFERRAL_UNIT_KINDS), count: Count })),
  }),
  litigation: Count,
  flareUps: Type.Integer({ minimum: 0, description: 'disputes reopened from an earlier one' }),
  mediations: Count,
  agreements: Count,
  medianDaysToResolve: Nullable(Type.Number({ description: 'registration to resolution, days; null when none resolved' })),
});
export type DisputeStatsView = Static<typeof DisputeStats>;

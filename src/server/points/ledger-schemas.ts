import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { POINT_ACCOUNT_KINDS, POINT_TRANSACTION_KINDS, POINTS_LIMITS } from '../../shared/points.ts';

/*
 * 微积分's ledger (issue 16): TypeBox schemas of awards, reversals, accounts and reconciliations (/api/points/awards,
 * /transactions, /accounts, /reconciliations). The web takes its types from here (type-only imports). Changes stay additive.
 */

const L = POINTS_LIMITS;
export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export const Time = Type.String({ description: 'ISO 8601 with zone' });

export const SubjectInput = Type.Union([
  Type.Object({ householdId: Id }, { additionalProperties: false }),
  Type.Object({ residentId: Id }, { additionalProperties: false }),
], { description: 'a household of the registry, or a person (for rules whose subject is a person)' });

export const AwardBody = Type.Object({
  subject: SubjectInput,
  ruleCode: Type.String({ minLength: 1, maxLength: 40, description: 'a published rule of the subject\'s community' }),
  eventRef: Type.String({ minLength: 1, maxLength: 120, description: 'what it answers (e.g. 2026-11 院落清扫); the same rule, subject and eventRef again returns the first award (200)' }),
  units: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 1, description: 'times the rule\'s points (e.g. hours)' })),
  note: Type.Optional(Type.String({ minLength: 1, maxLength: L.note })),
}, { additionalProperties: false });
export type AwardBodyT = Static<typeof AwardBody>;

export const ReverseBody = Type.Object({
  reason: Type.String({ minLength: 1, maxLength: L.note }),
}, { additionalProperties: false });

export const TRANSACTION_POLICIES = ['reverse'] as const;
export const TransactionView = Type.Object({
  id: Type.String(),
  kind: lit(POINT_TRANSACTION_KINDS),
  reasonCode: Type.String(),
  reasonName: Type.String({ description: 'the rule\'s name, or the reason\'s in Chinese' }),
  ruleCode: Nullable(Type.String()),
  subject: Type.String({ description: 'household:<id> | person:<id>' }),
  subjectName: Type.String({ description: 'the household head\'s or person\'s name (masked for residents)' }),
  points: Type.Integer({ description: 'the change of the subject\'s balance' }),
  eventRef: Nullable(Type.String()),
  note: Nullable(Type.String()),
  at: Time,
  reversesId: Nullable(Type.String()),
  reversedById: Nullable(Type.String()),
  vetoUntil: Nullable(Time),
  created: Type.Boolean({ description: 'false: the same award was already there; this is the first' }),
  policies: Type.Array(lit(TRANSACTION_POLICIES)),
});
export type TransactionViewT = Static<typeof TransactionView>;

export const AccountListQuery = Type.Object({
  orgUnitId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'a community or a grid in the caller\'s scope' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'part of the head\'s name or the address' })),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
}, { additionalProperties: false });

export const ACCOUNT_POLICIES = ['award'] as const;
export const AccountSummary = Type.Object({
  subject: Type.String({ description: 'household:<householdId>' }),
  householdId: Type.String(),
  headName: Nullable(Type.String()),
  address: Type.String(),
  gridId: Type.String(),
  gridName: Type.String(),
  balance: Type.Integer({ description: '0 for a household with no account yet' }),
  lastAt: Nullable(Time),
  vetoUntil: Nullable(Time),
  policies: Type.Array(lit(ACCOUNT_POLICIES)),
});
export const AccountList = Type.Object({
  items: Type.Array(AccountSummary),
  nextCursor: Nullable(Type.String()),
  policies: Type.Array(lit(['award'] as const)),
});

export const SubjectParams = Type.Object({
  subject: Type.String({ minLength: 1, maxLength: 80, pattern: '^(me|household:[^:]+|person:[^:]+)$', description: 'me | household:<id> | person:<id>' }),
}, { additionalProperties: false });
export const AccountQuery = Type.Object({
  asOf: Type.Optional(Type.String({ format: 'date-time', description: 'the balance at this instant too' })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
}, { additionalProperties: false });

export const EntryView = Type.Object({
  transactionId: Type.String(),
  kind: lit(POINT_TRANSACTION_KINDS),
  reasonCode: Type.String(),
  reasonName: Type.String(),
  amount: Type.Integer(),
  at: Time,
  note: Nullable(Type.String()),
  eventRef: Nullable(Type.String()),
  reversesId: Nullable(Type.String()),
  reversed: Type.Boolean(),
  policies: Type.Array(lit(TRANSACTION_POLICIES)),
});
export const AccountDetail = Type.Object({
  subject: Type.String(),
  kind: lit(POINT_ACCOUNT_KINDS),
  accountId: Nullable(Type.String({ description: 'null until the first points' })),
  name: Type.String({ description: 'household: the head\'s name (masked for residents other than the household\'s own); person: the name' }),
  address: Nullable(Type.String()),
  orgUnitId: Type.String(),
  orgUnitName: Type.String(),
  members: Type.Array(Type.Object({ residentId: Type.String(), name: Type.String() })),
  balance: Type.Integer(),
  asOf: Nullable(Time),
  balanceAsOf: Nullable(Type.Integer()),
  earnedThisYear: Type.Integer(),
  veto: Nullable(Type.Object({ until: Time, ruleName: Type.String() })),
  entries: Type.Array(EntryView),
  nextCursor: Nullable(Type.String()),
  policies: Type.Array(lit(ACCOUNT_POLICIES)),
});
export type AccountDetailT = Static<typeof AccountDetail>;

export const ReconciliationView = Type.Object({
  id: Type.Integer(),
  ranAt: Time,
  accounts: Type.Integer(),
  mismatches: Type.Array(Type.Object({ accountId: Type.String(), kind: Type.String(), orgUnitName: Type.String(), stored: Type.Integer(), computed: Type.Integer() })),
  unbalanced: Type.Array(Type.Object({ transactionId: Type.String(), sum: Type.Integer() })),
});
export const ReconciliationList = Type.Object({
  items: Type.Array(ReconciliationView),
  policies: Type.Array(lit(['run'] as const)),
});
export const ReconciliationRun = Type.Object({ run: ReconciliationView });

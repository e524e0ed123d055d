import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { HELP_STATUSES, VOLUNTEER_LIMITS } from '../../shared/volunteers.ts';
import { PARTICIPATION_LIMITS } from '../../shared/participation.ts';
import { Id, Text, Time } from './matter-schemas.ts';

/* 家事: neighbour help (邻里互助, issue 16) at /api/help-requests. The web types against these. Changes stay additive. */

export const HelpListQuery = Type.Object({
  status: Type.Optional(lit(HELP_STATUSES)),
  mine: Type.Optional(Type.Boolean({ description: 'a resident: only the ones they asked for or took' })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
}, { additionalProperties: false });

export const HELP_POLICIES = ['take', 'done', 'cancel'] as const;
export type HelpPolicy = (typeof HELP_POLICIES)[number];

export const HelpView = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  title: Type.String(),
  description: Type.String(),
  status: lit(HELP_STATUSES),
  gridId: Type.String(),
  gridName: Type.String(),
  requesterName: Nullable(Type.String({ description: 'masked (张*) for other residents' })),
  helperName: Nullable(Type.String({ description: 'the neighbour who took it (masked for other residents)' })),
  helperTeamId: Nullable(Type.String()),
  helperTeamName: Nullable(Type.String()),
  mine: Type.Boolean({ description: 'the caller asked for it' }),
  takenByMe: Type.Boolean({ description: 'the caller\'s person took it' }),
  matterId: Nullable(Type.String()),
  takenAt: Nullable(Time),
  doneAt: Nullable(Time),
  doneNote: Nullable(Type.String()),
  pointsAwarded: Nullable(Type.Integer({ description: 'points the helper got for it (helpDone rule), when any' })),
  createdAt: Time,
  policies: Type.Array(lit(HELP_POLICIES)),
});

export const HelpList = Type.Object({
  items: Type.Array(HelpView),
  nextCursor: Nullable(Type.String()),
  policies: Type.Array(lit(['create'] as const)),
});

export const NewHelpBody = Type.Object({
  title: Text(VOLUNTEER_LIMITS.title),
  description: Text(VOLUNTEER_LIMITS.body),
  residentId: Type.Optional(Nullable(Id)),
}, { additionalProperties: false, description: 'a resident asks for themself; staff for a registry person (residentId)' });

export const TakeHelpBody = Type.Object({
  helperResidentId: Type.Optional(Nullable(Id)),
  helperTeamId: Type.Optional(Nullable(Id)),
}, { additionalProperties: false, description: 'a resident takes it themself (no fields); staff name a registry person and/or a volunteer team' });
export const DoneHelpBody = Type.Object({ note: Text(PARTICIPATION_LIMITS.reason) }, { additionalProperties: false });
export const CancelHelpBody = Type.Object({ reason: Text(PARTICIPATION_LIMITS.reason) }, { additionalProperties: false });

export type HelpViewT = Static<typeof HelpView>;
export type HelpListT = Static<typeof HelpList>;
export type NewHelpBodyT = Static<typeof NewHelpBody>;

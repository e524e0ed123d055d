import { Type } from '@sinclair/typebox';
import { TEAM_ROLES } from '../../shared/org-levels.ts';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { TEAM_PHONE_PATTERN, TEAM_SIZE_MAX } from '../../domain/org/team.ts';
import { Unit } from './schemas.ts';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Role = lit(TEAM_ROLES);

export const TeamQuery = Type.Object({
  candidates: Type.Optional(Type.Boolean({ description: 'editors also get the staff accounts that may be linked to a member' })),
}, { additionalProperties: false });

export const TeamView = Type.Object({
  grid: Unit,
  members: Type.Array(Type.Object({
    id: Type.String(), teamRole: Role, name: Type.String(),
    phone: Nullable(Type.String({ description: 'unmasked for those who coordinate the grid and its own team, else 138****1111' })),
    phoneUnavailable: Type.Boolean({ description: 'sealed with a key this server does not hold (a restore without its key)' }),
    accountId: Nullable(Type.String()),
    openCases: Nullable(Type.Integer({ description: 'for editors: open cases of this grid assigned or routed to the member\'s account, which leave with them' })),
  })),
  candidates: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  policies: Type.Array(lit(['edit'] as const)),
});

export const TeamBody = Type.Object({
  members: Type.Array(Type.Object({
    id: Type.Optional(Id),
    teamRole: Role,
    name: Type.String({ minLength: 1, maxLength: 30 }),
    phone: Type.Optional(Nullable(Type.String({ pattern: TEAM_PHONE_PATTERN, description: 'omitted keeps a member\'s phone; null clears it' }))),
    accountId: Type.Optional(Nullable(Id)),
  }, { additionalProperties: false }), { maxItems: TEAM_SIZE_MAX }),
  handover: Type.Optional(Type.Object({
    mode: lit(['successor', 'keep'] as const),
    reason: Type.Optional(Type.String({ maxLength: 200 })),
  }, { additionalProperties: false, description: 'what becomes of the grid\'s open cases held by members who leave: the grid\'s new worker takes them (default), or they keep them (a reason is required)' })),
}, { additionalProperties: false });

export const TeamSaved = Type.Intersect([TeamView, Type.Object({
  handover: Type.Object({
    mode: lit(['successor', 'keep'] as const),
    to: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
    cases: Type.Array(Type.Object({ id: Type.String(), number: Type.String() })),
  }),
})]);

import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { COUNCIL_LEVELS } from '../../shared/participation.ts';
import { Id, Text } from './matter-schemas.ts';
import { ProposalSummary } from './proposal-schemas.ts';

/* 三会 (issue 16): the councils of grids, communities and towns (/api/councils). The web types against these. */

export const CouncilListQuery = Type.Object({
  level: Type.Optional(lit(COUNCIL_LEVELS)),
}, { additionalProperties: false });
export const CouncilParams = Type.Object({ id: Id }, { additionalProperties: false });

export const COUNCIL_POLICIES = ['update'] as const;
export const CouncilView = Type.Object({
  id: Type.String(),
  orgUnitId: Type.String(),
  orgUnitName: Type.String(),
  level: lit(COUNCIL_LEVELS),
  name: Type.String({ description: 'e.g. 春晖社区第1网格邻里会' }),
  partyOrg: Type.String({ description: 'the party organisation that leads it' }),
  leaderName: Nullable(Type.String()),
  openProposals: Type.Integer({ description: 'proposals open or scheduled' }),
  upcomingMeetings: Type.Integer({ description: 'meetings scheduled or open from now' }),
  mine: Type.Boolean({ description: 'a resident: the council of their grid, community or town' }),
  policies: Type.Array(lit(COUNCIL_POLICIES)),
});

export const CouncilList = Type.Object({ items: Type.Array(CouncilView) });

export const CouncilDetail = Type.Composite([
  CouncilView,
  Type.Object({
    parentId: Nullable(Type.String({ description: 'the council proposals are sent up to (grid → community → town)' })),
    proposals: Type.Array(ProposalSummary, { description: 'open and scheduled, newest first (at most 50)' }),
  }),
]);

export const UpdateCouncilBody = Type.Object({
  partyOrg: Text(60),
  leaderName: Nullable(Type.String({ minLength: 1, maxLength: 30 })),
}, { additionalProperties: false });

export type CouncilViewT = Static<typeof CouncilView>;
export type CouncilDetailT = Static<typeof CouncilDetail>;
export type CouncilListT = Static<typeof CouncilList>;
export type UpdateCouncilBodyT = Static<typeof UpdateCouncilBody>;

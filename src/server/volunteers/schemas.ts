import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, TEAM_COLOURS, VOLUNTEER_LIMITS } from '../../shared/volunteers.ts';

/*
 * 志愿服务 (issue 16, H5): TypeBox request and response schemas of the five-colour teams, activities and 微讲堂 with
 * sign-up, check-in/out and hours, and the resident's own page (GET /api/volunteers/me). Party members' schemas are in
 * party-schemas.ts (H1). The web takes its types from here (type-only imports). Changes stay additive.
 */

const L = VOLUNTEER_LIMITS;
export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export const MemberParams = Type.Object({ id: Id, residentId: Id }, { additionalProperties: false });
const Time = Type.String({ description: 'ISO 8601 with zone' });

// ---------------------------------------------------------------------------------------------------------------------
// Teams

export const TEAM_POLICIES = ['addMember', 'removeMember', 'join', 'leave'] as const;
export const TeamView = Type.Object({
  id: Type.String(),
  orgUnitId: Type.String(),
  orgUnitName: Type.String(),
  colour: lit(TEAM_COLOURS),
  name: Type.String({ description: '民聚红 · 民兴金 · 民和橙 · 民康绿 · 民安蓝' }),
  focus: Type.String(),
  leaderName: Nullable(Type.String()),
  members: Type.Integer({ description: 'current members' }),
  mine: Type.Boolean({ description: 'the reader is a member' }),
  policies: Type.Array(lit(TEAM_POLICIES)),
});
export type TeamViewT = Static<typeof TeamView>;
export const TeamListQuery = Type.Object({ orgUnitId: Type.Optional(Id) }, { additionalProperties: false });
export const TeamList = Type.Object({
  items: Type.Array(TeamView),
  policies: Type.Array(lit(['create'] as const)),
});
export const NewTeamBody = Type.Object({
  orgUnitId: Id,
  colour: lit(TEAM_COLOURS),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: L.title, description: 'the colour\'s name by default' })),
  focus: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'the colour\'s focus by default' })),
  leaderName: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 50 }))),
}, { additionalProperties: false, description: 'one team per colour and community' });

export const TeamMemberView = Type.Object({
  residentId: Nullable(Type.String({ description: 'staff only' })),
  name: Type.String({ description: 'masked (张*) for residents' }),
  gridName: Nullable(Type.String()),
  joinedAt: Time,
  hoursThisYear: Type.Number(),
  mine: Type.Boolean(),
});
export const TeamDetail = Type.Composite([
  TeamView,
  Type.Object({ memberList: Type.Array(TeamMemberView) }),
]);
export const AddMemberBody = Type.Object({ residentId: Id }, { additionalProperties: false });

// ---------------------------------------------------------------------------------------------------------------------
// Activities and 微讲堂

export const ACTIVITY_POLICIES = ['signUp', 'checkIn', 'checkOut', 'done', 'cancel', 'manage'] as const;
export const ActivityView = Type.Object({
  id: Type.String(),
  kind: lit(ACTIVITY_KINDS),
  title: Type.String(),
  body: Nullable(Type.String()),
  speaker: Nullable(Type.String({ description: '微讲堂: who gives the talk' })),
  place: Type.String(),
  startsAt: Time,
  endsAt: Time,
  capacity: Nullable(Type.Integer()),
  status: lit(ACTIVITY_STATUSES),
  teamId: Nullable(Type.String()),
  teamName: Nullable(Type.String()),
  teamColour: Nullable(lit(TEAM_COLOURS)),
  orgUnitId: Type.String(),
  orgUnitName: Type.String(),
  signups: Type.Integer(),
  checkedIn: Type.Integer(),
  hours: Type.Number({ description: 'service hours recorded on the activity' }),
  mySignup: Nullable(Type.Object({
    signedUpAt: Time,
    checkedInAt: Nullable(Time),
    checkedOutAt: Nullable(Time),
    hours: Nullable(Type.Number()),
  })),
  version: Type.Integer(),
  policies: Type.Array(lit(ACTIVITY_POLICIES)),
});
export type ActivityViewT = Static<typeof ActivityView>;

export const SignupView = Type.Object({
  residentId: Nullable(Type.String()),
  name: Type.String(),
  signedUpAt: Time,
  checkedInAt: Nullable(Time),
  checkedOutAt: Nullable(Time),
  hours: Nullable(Type.Number()),
  pointsAwarded: Nullable(Type.Integer()),
});
export const ActivityDetail = Type.Composite([
  ActivityView,
  Type.Object({
    signupList: Type.Array(SignupView, { description: 'staff of the scope only; empty for residents' }),
    checkinUrl: Nullable(Type.String({ description: 'staff: the sign-in link with its token, for the QR code' })),
  }),
]);

export const ActivityListQuery = Type.Object({
  orgUnitId: Type.Optional(Id),
  kind: Type.Optional(lit(ACTIVITY_KINDS)),
  status: Type.Optional(lit(ACTIVITY_STATUSES)),
  teamId: Type.Optional(Id),
  upcoming: Type.Optional(Type.Boolean({ description: 'only those not yet ended' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
}, { additionalProperties: false });
export const ActivityList = Type.Object({
  items: Type.Array(ActivityView),
  policies: Type.Array(lit(['create'] as const)),
});

export const NewActivityBody = Type.Object({
  orgUnitId: Id,
  kind: lit(ACTIVITY_KINDS),
  title: Type.String({ minLength: 1, maxLength: L.title }),
  body: Type.Optional(Nullable(Type.String({ maxLength: L.body }))),
  speaker: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 50, description: 'required for a lecture (微讲堂)' }))),
  place: Type.String({ minLength: 1, maxLength: 100 }),
  startsAt: Time,
  endsAt: Time,
  capacity: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 10_000 }))),
  teamId: Type.Optional(Nullable(Id)),
}, { additionalProperties: false });

export const SignUpBody = Type.Object({
  residentId: Type.Optional(Id),
}, { additionalProperties: false, description: 'a resident signs themself up; staff name a registry person' });
export const CheckInBody = Type.Object({
  token: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  residentId: Type.Optional(Id),
}, { additionalProperties: false, description: 'a resident with the QR token, or staff for a registry person' });
export const CheckOutBody = Type.Object({
  residentId: Type.Optional(Id),
}, { additionalProperties: false });
export const ActivityActionBody = Type.Object({
  action: lit(['done', 'cancel'] as const),
  version: Type.Optional(Type.Integer({ minimum: 1 })),
  reason: Type.Optional(Type.String({ maxLength: L.body })),
}, { additionalProperties: false });
export const SignupResult = Type.Object({
  activityId: Type.String(),
  signedUpAt: Time,
  checkedInAt: Nullable(Time),
  checkedOutAt: Nullable(Time),
  hours: Nullable(Type.Number()),
  pointsAwarded: Nullable(Type.Integer({ description: 'check-out: the points the rules gave for the hours (null: no rule)' })),
});

// ---------------------------------------------------------------------------------------------------------------------
// The resident's own

export const MyVolunteering = Type.Object({
  inRegistry: Type.Boolean(),
  teams: Type.Array(TeamView),
  signups: Type.Array(ActivityView),
  hoursThisYear: Type.Number(),
  activitiesThisYear: Type.Integer(),
});

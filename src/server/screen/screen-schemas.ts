import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { ORG_LEVELS } from '../../shared/org-levels.ts';
import { CASE_STATUSES } from '../../shared/cases.ts';
import { LIGHTS } from '../../shared/matters.ts';
import { ALARM_LEVELS } from '../../shared/devices.ts';
import { ALARM_STATUSES } from '../../shared/alarms.ts';
import { INCIDENT_STATUSES, PLAN_LEVELS } from '../../shared/plans.ts';
import { INDICATOR_UNITS } from '../../shared/indicators.ts';

/*
 * 一屏统揽 (issue 17): TypeBox schemas of the command screen's routes. The wall page (/screen) and the leaders' phone
 * screen (/m/screen) take their types from here (type-only imports). Changes stay additive.
 *
 * Every list is a fixed window (SCREEN_WINDOWS in src/shared/screen.ts), newest first; nothing here names a resident:
 * live cases carry the case number, category, light, place and address — never the reporter; alarms carry the device's
 * place and kind — never the elder's name.
 */

const Time = Type.String({ description: 'ISO 8601 with zone' });
const Id = Type.String({ minLength: 1, maxLength: 64 });
const OrgLevel = lit(ORG_LEVELS);
const ScreenLight = Type.Union([lit(LIGHTS), Type.Literal('none')]);

export const ScreenQuery = Type.Object({
  orgUnitId: Type.Optional(Id),
}, { additionalProperties: false, description: "without orgUnitId: the caller's scope root" });

const Bbox = Type.Tuple([Type.Number(), Type.Number(), Type.Number(), Type.Number()], {
  description: '[minLng, minLat, maxLng, maxLat], WGS84',
});

export const ScreenUnit = Type.Object({
  id: Type.String(),
  name: Type.String(),
  level: OrgLevel,
  bbox: Nullable(Bbox),
});

export const ScreenCrumb = Type.Object({ id: Type.String(), name: Type.String(), level: OrgLevel });

export const ScreenChild = Type.Object({
  id: Type.String(),
  name: Type.String(),
  level: OrgLevel,
  openCases: Type.Integer({ minimum: 0 }),
  redCases: Type.Integer({ minimum: 0, description: 'open cases whose SLA light is red' }),
  activeAlarms: Type.Integer({ minimum: 0 }),
  stars: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 5 }))),
});

export const ScreenCase = Type.Object({
  id: Type.String(),
  number: Type.String(),
  categoryName: Type.String(),
  status: lit(CASE_STATUSES),
  light: ScreenLight,
  lng: Nullable(Type.Number()),
  lat: Nullable(Type.Number()),
  gridId: Nullable(Type.String()),
  address: Nullable(Type.String()),
  reportedAt: Time,
});

export const ScreenAlarm = Type.Object({
  id: Type.String(),
  type: Type.String({ description: 'alarm type code' }),
  typeName: Type.String({ description: 'the alarm type in words (zh-CN)' }),
  severity: lit(ALARM_LEVELS),
  placeName: Type.String({ description: "the device's place (its name / the grid), never the person's name" }),
  lng: Nullable(Type.Number()),
  lat: Nullable(Type.Number()),
  gridId: Type.String(),
  raisedAt: Time,
  status: lit(ALARM_STATUSES),
});

export const ScreenIncident = Type.Object({
  id: Type.String(),
  number: Type.String(),
  title: Type.String(),
  level: lit(PLAN_LEVELS),
  status: lit(INCIDENT_STATUSES),
  drill: Type.Boolean(),
  lng: Nullable(Type.Number()),
  lat: Nullable(Type.Number()),
  startedAt: Time,
});

export const ScreenDuty = Type.Object({
  postName: Type.String({ description: 'the duty post or role in words' }),
  personName: Type.String({ description: "the staff member on duty (staff, not residents)" }),
  phoneMasked: Nullable(Type.String({ description: 'e.g. 138****0001' })),
  from: Time,
  to: Time,
});

export const ScreenFigure = Type.Object({
  code: Type.String(),
  name: Type.String(),
  unit: lit(INDICATOR_UNITS),
  value: Nullable(Type.Number()),
  target: Nullable(Type.Number()),
  light: ScreenLight,
});

export const ScreenTrends = Type.Object({
  days: Type.Array(Type.String({ description: 'YYYY-MM-DD, oldest first' })),
  series: Type.Array(Type.Object({
    code: Type.String(),
    name: Type.String(),
    values: Type.Array(Nullable(Type.Number())),
  })),
});

/** The shape of H4's RankingRow (src/server/rankings/rank-units.ts). */
export const ScreenRankingRow = Type.Object({
  orgUnitId: Type.String(),
  name: Type.String(),
  value: Nullable(Type.Number()),
  rank: Nullable(Type.Integer()),
  previousRank: Nullable(Type.Integer()),
  movement: Nullable(Type.Integer({ description: 'positive = up' })),
  light: ScreenLight,
  stars: Type.Optional(Nullable(Type.Number())),
});

export const SCREEN_FEED_KINDS = ['case', 'alarm', 'incident'] as const;
export const ScreenFeedItem = Type.Object({
  at: Time,
  kind: lit(SCREEN_FEED_KINDS),
  text: Type.String({ description: 'one line in zh-CN, e.g. 「上报 城市管理·占道经营 春晖社区第1网格」' }),
  refId: Type.String(),
});

export const ScreenSummary = Type.Object({
  unit: ScreenUnit,
  breadcrumb: Type.Array(ScreenCrumb, { description: 'from the caller’s scope root down to the unit' }),
  children: Type.Array(ScreenChild),
  liveCases: Type.Array(ScreenCase, { description: '≤ SCREEN_WINDOWS.liveCases open cases, newest first' }),
  alarms: Type.Array(ScreenAlarm, { description: '≤ SCREEN_WINDOWS.alarms uncleared alarms, newest first' }),
  incidents: Type.Array(ScreenIncident, { description: '≤ SCREEN_WINDOWS.incidents active incidents, newest first' }),
  duty: Type.Array(ScreenDuty, { description: 'who is on duty in the 24 hours from now' }),
  today: Type.Array(ScreenFigure, { description: "today's figures against targets" }),
  trends: ScreenTrends,
  rankingIndicator: Type.String({ description: "the ranking board's indicator code, or 'stars'" }),
  ranking: Type.Array(ScreenRankingRow, { description: '≤ SCREEN_WINDOWS.ranking children of the unit' }),
  feed: Type.Array(ScreenFeedItem, { description: '≤ SCREEN_WINDOWS.feed, newest first' }),
  generatedAt: Time,
  stale: Type.Boolean({ description: 'always false from the server; the page sets it when its data grows old' }),
});
export type ScreenSummary = Static<typeof ScreenSummary>;
export type ScreenCase = Static<typeof ScreenCase>;
export type ScreenAlarm = Static<typeof ScreenAlarm>;
export type ScreenIncident = Static<typeof ScreenIncident>;
export type ScreenFeedItem = Static<typeof ScreenFeedItem>;
export type ScreenChild = Static<typeof ScreenChild>;
export type ScreenRankingRow = Static<typeof ScreenRankingRow>;

export const ScreenChildTile = Type.Object({
  id: Type.String(),
  name: Type.String(),
  level: OrgLevel,
  openCases: Type.Integer({ minimum: 0 }),
  redCases: Type.Integer({ minimum: 0 }),
  activeAlarms: Type.Integer({ minimum: 0 }),
  bbox: Nullable(Bbox),
  geometry: Nullable(Type.Unknown({ description: 'GeoJSON Polygon / MultiPolygon of the unit, WGS84' })),
});
export const ScreenChildren = Type.Object({
  unit: ScreenCrumb,
  items: Type.Array(ScreenChildTile),
});
export type ScreenChildren = Static<typeof ScreenChildren>;
export type ScreenChildTile = Static<typeof ScreenChildTile>;

/**
 * `event: alarm` / `event: incident` on /api/events (the screen's viewers, inside their territory): enough to flash an
 * alarm or an incident at once; the page re-reads the summary (debounced) for the rest.
 */
export const ScreenLiveChange = Type.Object({
  subject: lit(['alarm', 'incident'] as const),
  id: Type.String(),
  action: Type.String({ description: 'alarm: raised | acknowledged | cleared; incident: activated | changed | closed' }),
  status: Type.String(),
  type: Type.String({ description: "alarm: its type code; incident: the hazard" }),
  level: Type.String({ description: 'alarm: red | orange | yellow; incident: IV | III | II | I' }),
  gridId: Nullable(Type.String()),
  number: Type.Optional(Type.String()),
  title: Type.Optional(Type.String()),
  at: Time,
});
export type ScreenLiveChange = Static<typeof ScreenLiveChange>;

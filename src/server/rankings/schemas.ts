import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { RATING_LEVELS } from '../../shared/ratings.ts';

/*
 * 赛马比拼 and the 线上通报 (issue 17): TypeBox schemas of /api/rankings. The web takes its types from here (type-only
 * imports). Changes stay additive.
 */

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Period = Type.String({ minLength: 4, maxLength: 10, description: "'2026-12-03' (day), '2026-12' (month), '2026Q4' (quarter), '2026' (year), Asia/Shanghai" });
const Light = lit(['green', 'yellow', 'red', 'none'] as const);

export const RankingRowSchema = Type.Object({
  orgUnitId: Type.String(),
  name: Type.String(),
  value: Nullable(Type.Number()),
  rank: Nullable(Type.Integer({ description: 'competition rank (1, 2, 2, 4 …); null without a value' })),
  previousRank: Nullable(Type.Integer({ description: 'the rank in the period before' })),
  movement: Nullable(Type.Integer({ description: 'previousRank − rank: positive moved up' })),
  light: Light,
  stars: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 5 }))),
});

export const RankingQuery = Type.Object({
  level: lit(RATING_LEVELS),
  indicator: Type.String({ minLength: 1, maxLength: 40, description: "an indicator's code, or 'stars' (published ratings of the level; month periods)" }),
  period: Period,
  parentId: Type.Optional(Id),
}, { additionalProperties: false });

const IndicatorInfo = Type.Object({
  code: Type.String(),
  name: Type.String(),
  unit: Type.String({ description: "percent | count | score | perTenThousand | minutes, or 'stars'" }),
  direction: lit(['higher', 'lower'] as const),
});

export const RankingBoard = Type.Object({
  parent: Type.Object({ id: Type.String(), name: Type.String(), level: Type.String() }),
  level: lit(RATING_LEVELS),
  period: Type.String(),
  previousPeriod: Type.String(),
  indicator: IndicatorInfo,
  rows: Type.Array(RankingRowSchema),
  policies: Type.Array(lit(['generateBulletin'] as const)),
});
export type RankingBoardT = Static<typeof RankingBoard>;

export const BulletinBody = Type.Object({
  level: lit(RATING_LEVELS),
  period: Period,
  parentId: Type.Optional(Id),
}, { additionalProperties: false });

const BulletinBoard = Type.Object({
  indicator: IndicatorInfo,
  top: Type.Array(RankingRowSchema),
  bottom: Type.Array(RankingRowSchema),
  risers: Type.Array(RankingRowSchema),
  fallers: Type.Array(RankingRowSchema),
  units: Type.Integer({ description: 'units ranked (with a value)' }),
});
export const BulletinSnapshot = Type.Object({
  parentName: Type.String(),
  levelName: Type.String(),
  periodName: Type.String({ description: '2026年11月' }),
  boards: Type.Array(BulletinBoard),
  reds: Type.Array(Type.Object({
    orgUnitId: Type.String(), unitName: Type.String(), indicatorCode: Type.String(), indicatorName: Type.String(),
    value: Nullable(Type.Number()), unit: Type.String(),
  }), { description: 'the units whose light is red on a board\'s indicator' }),
});
export type BulletinSnapshotT = Static<typeof BulletinSnapshot>;

export const BulletinSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  parentId: Type.String(),
  parentName: Type.String(),
  level: lit(RATING_LEVELS),
  period: Type.String(),
  generatedAt: Type.String({ description: 'ISO 8601' }),
  generatedByName: Nullable(Type.String()),
});
export const BulletinView = Type.Composite([BulletinSummary, Type.Object({ snapshot: BulletinSnapshot })]);
export type BulletinViewT = Static<typeof BulletinView>;

export const BulletinListQuery = Type.Object({
  parentId: Type.Optional(Id),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
}, { additionalProperties: false });
export const BulletinList = Type.Object({
  items: Type.Array(BulletinSummary),
  policies: Type.Array(lit(['generate'] as const)),
});
export type BulletinListT = Static<typeof BulletinList>;

export const BulletinIdParams = Type.Object({ id: Id });

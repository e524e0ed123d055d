import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { CIVILITY_KINDS, POINTS_LIMITS, REDEMPTION_STATUSES } from '../../shared/points.ts';

/*
 * 积分超市, 红黑榜 and 文明户 (issue 16, H5): TypeBox request and response schemas of the goods, redemptions, monthly
 * statements and civility routes. The web takes its types from here (type-only imports). Changes stay additive.
 */

const L = POINTS_LIMITS;
export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
const Time = Type.String({ description: 'ISO 8601 with zone' });
const Day = Type.String({ description: 'YYYY-MM-DD' });
const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });

// ---------------------------------------------------------------------------------------------------------------------
// Goods

export const GOODS_POLICIES = ['update', 'redeem'] as const;
export const GoodsView = Type.Object({
  id: Type.String(),
  orgUnitId: Type.String(),
  orgUnitName: Type.String({ description: 'the community whose supermarket holds the goods' }),
  name: Type.String(),
  description: Nullable(Type.String()),
  pricePoints: Type.Integer(),
  stock: Type.Integer({ description: 'what is left to reserve (reserved goods are already out of it)' }),
  reserved: Type.Integer({ description: 'reserved and waiting for pickup' }),
  imageHash: Nullable(Type.String({ description: 'a file of the files capability: GET /api/files/:hash' })),
  active: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Time,
  policies: Type.Array(lit(GOODS_POLICIES)),
});
export type GoodsViewT = Static<typeof GoodsView>;

export const GoodsListQuery = Type.Object({
  orgUnitId: Type.Optional(Id),
  includeInactive: Type.Optional(Type.Boolean({ description: 'staff: also goods taken off the shelf' })),
}, { additionalProperties: false });
export const GoodsList = Type.Object({
  items: Type.Array(GoodsView),
  /** the resident's household balance (null for staff or a resident outside the registry) */
  myBalance: Nullable(Type.Integer()),
  policies: Type.Array(lit(['create'] as const)),
});

export const NewGoodsBody = Type.Object({
  orgUnitId: Id,
  name: Type.String({ minLength: 1, maxLength: L.goodsName }),
  description: Type.Optional(Nullable(Type.String({ maxLength: L.note }))),
  pricePoints: Type.Integer({ minimum: 1, maximum: 100_000 }),
  stock: Type.Integer({ minimum: 0, maximum: 100_000 }),
  imageHash: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 128 }))),
  active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false, description: 'orgUnitId: a community (or a unit the keeper\'s scope holds)' });

export const GoodsUpdateBody = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: L.goodsName })),
  description: Type.Optional(Nullable(Type.String({ maxLength: L.note }))),
  pricePoints: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  stock: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, description: 'the stock left to reserve' })),
  imageHash: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 128 }))),
  active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

// ---------------------------------------------------------------------------------------------------------------------
// Redemptions

export const REDEMPTION_POLICIES = ['pickUp', 'cancel'] as const;
export const RedemptionView = Type.Object({
  id: Type.String(),
  goodsId: Type.String(),
  goodsName: Type.String(),
  orgUnitId: Type.String(),
  householdId: Nullable(Type.String()),
  householdName: Nullable(Type.String({ description: 'staff: the household head\'s name and address; residents: their own' })),
  qty: Type.Integer(),
  points: Type.Integer(),
  pickupCode: Nullable(Type.String({ description: '6 digits; shown to the household and to staff while reserved' })),
  status: lit(REDEMPTION_STATUSES),
  reservedAt: Time,
  expiresAt: Time,
  pickedUpAt: Nullable(Time),
  transactionId: Type.String(),
  version: Type.Integer(),
  policies: Type.Array(lit(REDEMPTION_POLICIES)),
});
export type RedemptionViewT = Static<typeof RedemptionView>;

export const NewRedemptionBody = Type.Object({
  goodsId: Id,
  qty: Type.Integer({ minimum: 1, maximum: L.qty }),
  householdId: Type.Optional(Id),
}, { additionalProperties: false, description: 'a resident redeems for their own household; staff at the desk name the householdId' });

export const RedemptionListQuery = Type.Object({
  status: Type.Optional(lit(REDEMPTION_STATUSES)),
  orgUnitId: Type.Optional(Id),
  householdId: Type.Optional(Id),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
}, { additionalProperties: false });
export const RedemptionList = Type.Object({ items: Type.Array(RedemptionView) });

export const PickupBody = Type.Object({
  pickupCode: Type.String({ pattern: '^[0-9]{6}$' }),
  orgUnitId: Type.Optional(Id),
}, { additionalProperties: false, description: 'orgUnitId: the supermarket\'s community when the keeper\'s scope holds several' });
export const CancelBody = Type.Object({
  reason: Type.Optional(Type.String({ maxLength: L.note })),
}, { additionalProperties: false });

// ---------------------------------------------------------------------------------------------------------------------
// Monthly statements

export const StatementQuery = Type.Object({
  orgUnitId: Id,
  month: Month,
  format: Type.Optional(lit(['json', 'xlsx'] as const)),
}, { additionalProperties: false });
export const StatementGoodsRow = Type.Object({
  goodsId: Type.String(),
  name: Type.String(),
  pricePoints: Type.Integer(),
  qtyOut: Type.Integer({ description: 'picked up in the month' }),
  pointsOut: Type.Integer(),
  qtyReserved: Type.Integer({ description: 'reserved and still waiting at the end of the month' }),
  qtyExpired: Type.Integer(),
  qtyCancelled: Type.Integer(),
  stock: Type.Integer({ description: 'stock now' }),
});
export const StatementRedemptionRow = Type.Object({
  id: Type.String(),
  reservedAt: Time,
  pickedUpAt: Nullable(Time),
  goodsName: Type.String(),
  householdName: Nullable(Type.String()),
  qty: Type.Integer(),
  points: Type.Integer(),
  status: lit(REDEMPTION_STATUSES),
});
export const Statement = Type.Object({
  orgUnitId: Type.String(),
  orgUnitName: Type.String(),
  month: Type.String(),
  redemptions: Type.Integer({ description: 'reserved in the month' }),
  pickedUp: Type.Integer(),
  pointsRedeemed: Type.Integer({ description: 'points of the redemptions picked up in the month' }),
  pointsReturned: Type.Integer({ description: 'points given back by expired and cancelled reservations of the month' }),
  goods: Type.Array(StatementGoodsRow),
  rows: Type.Array(StatementRedemptionRow),
});
export type StatementT = Static<typeof Statement>;

// ---------------------------------------------------------------------------------------------------------------------
// 红黑榜 and 文明户

export const CivilityQuery = Type.Object({
  orgUnitId: Type.Optional(Id),
  kind: Type.Optional(lit(CIVILITY_KINDS)),
}, { additionalProperties: false });
export const CivilityMarkView = Type.Object({
  id: Type.String(),
  householdId: Type.String(),
  householdName: Type.String({ description: 'staff: the head\'s name and the address; residents: masked (张*) and the building' }),
  orgUnitId: Type.String(),
  kind: lit(CIVILITY_KINDS),
  reasons: Type.Array(Type.String()),
  period: Type.String(),
  validFrom: Day,
  validUntil: Day,
  derivedAt: Time,
  mine: Type.Boolean({ description: 'the reader\'s own household' }),
});
export const CivilityList = Type.Object({
  items: Type.Array(CivilityMarkView),
  policies: Type.Array(lit(['derive'] as const)),
});
export const DeriveQuery = Type.Object({
  orgUnitId: Id,
  period: Type.Optional(Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM; the last full month by default' })),
}, { additionalProperties: false });
export const DeriveResult = Type.Object({
  period: Type.String(),
  red: Type.Integer(),
  black: Type.Integer(),
  civilized: Type.Integer(),
  written: Type.Integer({ description: 'marks new in this run (a rerun of the same period writes none twice)' }),
});

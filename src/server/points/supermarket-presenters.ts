import type * as s from './supermarket-schemas.ts';
import type { Static } from '@sinclair/typebox';
import { householdName, keeps, type GoodsRow, type MarkRow, type PointsReader, type RedemptionRow } from './supermarket-store.ts';

/** Goods as a reader sees them: keepers of its scope may update; a resident in the registry may redeem. */
export function presentGoods(g: GoodsRow, r: PointsReader): s.GoodsViewT {
  const policies: s.GoodsViewT['policies'] = [];
  if (keeps(r, g.org_path)) policies.push('update');
  if (g.active && g.stock > 0 && (r.person?.householdId || r.keeper)) policies.push('redeem');
  return {
    id: g.id, orgUnitId: g.org_unit_id, orgUnitName: g.org_unit_name, name: g.name, description: g.description,
    pricePoints: g.price_points, stock: g.stock, reserved: Number(g.reserved), imageHash: g.image_hash, active: g.active,
    version: g.version, updatedAt: new Date(g.updated_at).toISOString(), policies,
  };
}

/**
 * A redemption: staff of its scope see the household's head and address, the household itself its own; the pickup
 * code only while reserved. Keepers of its scope hand it over; they and the household cancel it while reserved.
 */
export function presentRedemption(rd: RedemptionRow, r: PointsReader): s.RedemptionViewT {
  const own = r.person?.householdId != null && r.person.householdId === rd.household_id;
  const keeper = keeps(r, rd.org_path);
  const reserved = rd.status === 'reserved';
  const policies: s.RedemptionViewT['policies'] = [];
  if (reserved && keeper) policies.push('pickUp');
  if (reserved && (keeper || own)) policies.push('cancel');
  return {
    id: rd.id, goodsId: rd.goods_id, goodsName: rd.goods_name, orgUnitId: rd.org_unit_id, householdId: rd.household_id,
    householdName: rd.household_id ? householdName(rd.head_name, rd.address, { masked: false }) : null,
    qty: rd.qty, points: rd.points, pickupCode: reserved ? rd.pickup_code : null, status: rd.status,
    reservedAt: new Date(rd.reserved_at).toISOString(), expiresAt: new Date(rd.expires_at).toISOString(),
    pickedUpAt: rd.picked_up_at ? new Date(rd.picked_up_at).toISOString() : null, transactionId: rd.transaction_id,
    version: rd.version, policies,
  };
}

/** A mark: staff see the household's head and address, residents the head's name masked (their own whole). */
export function presentMark(m: MarkRow, r: PointsReader): Static<typeof s.CivilityMarkView> {
  const mine = r.person?.householdId != null && r.person.householdId === m.household_id;
  return {
    id: m.id, householdId: m.household_id, householdName: householdName(m.head_name, m.address, { masked: !r.staff && !mine }),
    orgUnitId: m.org_unit_id, kind: m.kind, reasons: m.reasons, period: m.period, validFrom: m.valid_from, validUntil: m.valid_until,
    derivedAt: new Date(m.derived_at).toISOString(), mine,
  };
}

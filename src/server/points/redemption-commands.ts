import { randomInt, randomUUID } from 'node:crypto';
import type { Tx } from '../platform/db/db.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { RESERVATION_DAYS } from '../../shared/points.ts';
import { redemptionRefusal, reservationExpiry } from '../../domain/points/supermarket.ts';
import { requirePersonOfAccount } from '../participation/person.ts';
import { postTransaction, subjectAccount, supermarketAccount, vetoOf } from './ledger.ts';
import { communityOfHousehold, findRedemption, keeps, pointsInvalid, type PointsReader, type RedemptionRow } from './supermarket-store.ts';

/*
 * 积分超市's commands (issue 16, H5). A redemption moves the household's points to its community's supermarket account
 * through the ledger's one writer (postTransaction, reason 'redemption') and takes the goods out of stock in the same
 * transaction, with a 6-digit pickup code unique among the community's reservations; a cancellation or an expiry is a
 * reversing transaction that gives the points back, and the goods go back into stock. Nothing is half-written: every
 * refusal is thrown before the transaction commits.
 */

export interface CommandOpts { now: Date; requestKey: string | null; ip: string | null }

const stateConflict = (en: string, zh: string) => new AppError('REDEMPTION_STATE_CONFLICT', en, zh);

function refusalError(code: string, available: number, until?: Date): AppError {
  switch (code) {
    case 'POINTS_VETOED':
      return new AppError('POINTS_VETOED', `The household is under a veto until ${until?.toISOString().slice(0, 10)}: no redemption until then.`,
        `该户处于一票否决期内（至 ${until ? new Date(until.getTime() + 8 * 3600_000).toISOString().slice(0, 10) : ''}），期间不能兑换。`, { until: until?.toISOString() ?? null });
    case 'STOCK_INSUFFICIENT':
      return new AppError('STOCK_INSUFFICIENT', `Not enough in stock: ${available} left.`, `库存不足：仅剩 ${available} 件。`, { available });
    case 'POINTS_INSUFFICIENT':
      return new AppError('POINTS_INSUFFICIENT', `Not enough points: ${available} available.`, `积分不足：当前可用 ${available} 分。`, { available });
    default:
      return pointsInvalid('The quantity is not valid.', '兑换数量无效。', { available });
  }
}

/** A new 6-digit pickup code not held by another reservation of the community (the partial unique index decides). */
const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

export async function redeem(tx: Tx, pii: PiiCipher, r: PointsReader, body: { goodsId: string; qty: number; householdId?: string },
  o: CommandOpts): Promise<{ id: string; created: boolean }> {
  const p = r.p;
  if (o.requestKey) {
    const first = await tx.query<{ id: string }>('select id from point_redemptions where idempotency_key = $1', [o.requestKey]);
    if (first.rows[0]) return { id: first.rows[0].id, created: false };
  }
  let householdId: string;
  if (body.householdId !== undefined) {
    if (!r.keeper) throw forbidden();
    householdId = body.householdId;
  } else {
    if (!r.person) await requirePersonOfAccount(tx, pii, p.accountId);
    if (!r.person?.householdId) {
      throw pointsInvalid('You are in no household of the registry: ask your grid worker.', '您尚未登记在户中，请联系网格员。');
    }
    householdId = r.person.householdId;
  }
  const community = await communityOfHousehold(tx, householdId);
  if (!community || (body.householdId !== undefined && !community.householdPath.startsWith(p.scopePath!))) throw notFound('household');

  const goods = (await tx.query<{ id: string; org_unit_id: string; org_path: string; name: string; price_points: number; stock: number; active: boolean }>(
    `select id, org_unit_id, org_path, name, price_points, stock, active from point_goods where id = $1 for update`, [body.goodsId])).rows[0];
  if (!goods || !goods.active || !community.householdPath.startsWith(goods.org_path)) throw notFound('goods');

  const veto = await vetoOf(tx, householdId, o.now);
  const account = await subjectAccount(tx, { householdId }, o.now);
  const refusal = redemptionRefusal({ balance: account.balance, stock: goods.stock, qty: body.qty, price: goods.price_points, vetoed: veto !== null });
  if (refusal) throw refusalError(refusal.code, refusal.available, veto?.until);

  const points = goods.price_points * body.qty;
  const shop = await supermarketAccount(tx, goods.org_unit_id, o.now);
  const id = randomUUID();
  const t = await postTransaction(tx, {
    kind: 'redemption', reasonCode: 'redemption', subjectAccountId: account.id, orgUnitId: goods.org_unit_id,
    eventRef: `redemption:${id}`, note: `${goods.name} × ${body.qty}`, at: o.now, by: p.accountId,
    entries: [{ accountId: account.id, amount: -points }, { accountId: shop.id, amount: points }],
  });
  await tx.query('update point_goods set stock = stock - $2, version = version + 1, updated_at = $3 where id = $1', [goods.id, body.qty, o.now]);
  const expiresAt = reservationExpiry(o.now, RESERVATION_DAYS);
  let code: string | null = null;
  for (let i = 0; i < 50 && code === null; i++) {
    const c = newCode();
    const ins = await tx.query<{ id: string }>(
      `insert into point_redemptions (id, goods_id, org_unit_id, org_path, account_id, redeemed_by, qty, points, pickup_code, status,
                                      reserved_at, expires_at, transaction_id, idempotency_key)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'reserved', $10, $11, $12, $13)
       on conflict (org_unit_id, pickup_code) where status = 'reserved' do nothing returning id`,
      [id, goods.id, goods.org_unit_id, goods.org_path, account.id, p.accountId, body.qty, points, c, o.now, expiresAt, t.id, o.requestKey]);
    if (ins.rows[0]) code = c;
  }
  if (code === null) throw new AppError('CONFLICT', 'No free pickup code: try again.', '暂无可用的取货码，请重试。');
  await appendAudit(tx, {
    at: o.now, actorId: p.accountId, actorName: p.name, ip: o.ip, action: 'points.redemption.reserve', targetType: 'point_redemption', targetId: id,
    success: true, detail: { goods: goods.name, qty: body.qty, points, householdId, byStaff: body.householdId !== undefined },
  });
  return { id, created: true };
}

/** Gives a reservation's points back (a reversing transaction of its redemption) and its goods back into stock. */
async function giveBack(tx: Tx, rd: Pick<RedemptionRow, 'id' | 'goods_id' | 'org_unit_id' | 'account_id' | 'qty' | 'transaction_id' | 'goods_name'>,
  status: 'cancelled' | 'expired', reason: 'redemptionCancelled' | 'redemptionExpired', at: Date, by: string | null): Promise<void> {
  const entries = (await tx.query<{ account_id: string; amount: string | number }>(
    'select account_id, amount from point_entries where transaction_id = $1', [rd.transaction_id])).rows;
  const rev = await postTransaction(tx, {
    kind: 'reversal', reasonCode: reason, subjectAccountId: rd.account_id, orgUnitId: rd.org_unit_id, reversesId: rd.transaction_id,
    note: `${rd.goods_name} × ${rd.qty}`, at, by, entries: entries.map((e) => ({ accountId: e.account_id, amount: -Number(e.amount) })),
  });
  await tx.query('update point_goods set stock = stock + $2, version = version + 1, updated_at = $3 where id = $1', [rd.goods_id, rd.qty, at]);
  await tx.query(`update point_redemptions set status = $2, reversal_id = $3, version = version + 1 where id = $1`, [rd.id, status, rev.id]);
}

export async function cancelRedemption(tx: Tx, r: PointsReader, id: string, reason: string | null, o: CommandOpts): Promise<void> {
  const rd = await findRedemption(tx, r, id, { lock: true });
  if (!rd) throw notFound('redemption');
  const own = r.person?.householdId != null && r.person.householdId === rd.household_id;
  if (!own && !keeps(r, rd.org_path)) throw forbidden();
  if (rd.status !== 'reserved') throw stateConflict('Only a reservation waiting for pickup can be cancelled.', '只有待取货的兑换可以取消。');
  await giveBack(tx, rd, 'cancelled', 'redemptionCancelled', o.now, r.p.accountId);
  await appendAudit(tx, {
    at: o.now, actorId: r.p.accountId, actorName: r.p.name, ip: o.ip, action: 'points.redemption.cancel', targetType: 'point_redemption', targetId: id,
    success: true, detail: { goods: rd.goods_name, qty: rd.qty, points: rd.points, reason },
  });
}

export async function pickUp(tx: Tx, r: PointsReader, body: { pickupCode: string; orgUnitId?: string }, o: CommandOpts): Promise<string> {
  if (!r.keeper) throw forbidden();
  const params: unknown[] = [body.pickupCode, likePrefix(r.p.scopePath!)];
  let unit = '';
  if (body.orgUnitId) { params.push(body.orgUnitId); unit = `and org_unit_id = $${params.length}`; }
  const found = (await tx.query<{ id: string; expires_at: Date }>(
    `select id, expires_at from point_redemptions where pickup_code = $1 and status = 'reserved' and org_path like $2 ${unit} for update`, params)).rows;
  if (found.length === 0) throw notFound('pickup code');
  if (found.length > 1) {
    throw pointsInvalid('This code is waiting in several supermarkets of your scope: choose the community.', '多个社区超市有此取货码，请先选择社区。', { field: 'orgUnitId' });
  }
  const one = found[0]!;
  if (new Date(one.expires_at).getTime() <= o.now.getTime()) {
    throw stateConflict('The reservation has expired: its points go back to the household.', '该兑换已过期，积分将退回该户。');
  }
  await tx.query(`update point_redemptions set status = 'pickedUp', picked_up_at = $2, handed_by = $3, version = version + 1 where id = $1`,
    [one.id, o.now, r.p.accountId]);
  await appendAudit(tx, {
    at: o.now, actorId: r.p.accountId, actorName: r.p.name, ip: o.ip, action: 'points.redemption.pickup', targetType: 'point_redemption', targetId: one.id,
    success: true, detail: {},
  });
  return one.id;
}

/** The hourly job: reservations past their expiry become expired, their points and goods back. Answers how many. */
export async function expireReservations(tx: Tx, now: Date, limit = 500): Promise<number> {
  const due = (await tx.query<RedemptionRow>(
    `select rd.id, rd.goods_id, g.name as goods_name, rd.org_unit_id, rd.account_id, rd.qty, rd.points, rd.transaction_id
       from point_redemptions rd join point_goods g on g.id = rd.goods_id
      where rd.status = 'reserved' and rd.expires_at <= $1 order by rd.expires_at limit $2 for update of rd skip locked`, [now, limit])).rows;
  for (const rd of due) {
    await giveBack(tx, rd, 'expired', 'redemptionExpired', now, null);
    await appendAudit(tx, {
      at: now, actorId: null, actorName: null, ip: null, action: 'points.redemption.expire', targetType: 'point_redemption', targetId: rd.id,
      success: true, detail: { goods: rd.goods_name, qty: rd.qty, points: rd.points },
    });
  }
  return due.length;
}

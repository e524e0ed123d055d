// 积分超市 (issue 16): goods, redemptions with pickup codes through the ledger, refusals that write nothing, the pickup
// desk, cancellations and expiry giving points and stock back, the monthly statement (JSON and Excel), and who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID } from '../support/places.ts';
import { registerDemoResident, type RegisteredHousehold } from '../support/participation.ts';
import { applyRule } from '../../src/server/points/ledger.ts';
import { expireDue } from '../../src/server/points/supermarket-jobs.ts';
import type { PointRuleInput } from '../../src/shared/points.ts';

let t: TestApp;
let community: string;
let staff: string;
let resident: string;
let reg: RegisteredHousehold;
let rice: string;
let seq = 0;

beforeAll(async () => {
  t = await createTestApp();
  community = (await t.db.query<{ parent_id: string }>('select parent_id from org_units where code = $1', [DEMO_GRID])).rows[0]!.parent_id;
  staff = await t.login('community');
  resident = await t.login('resident');
});
afterAll(async () => { await t?.close(); });

/** Points for a household by a rule of the community (as an approved assessment or a keeper's award would give them). */
async function give(householdId: string, rule: Partial<PointRuleInput> & { points: number }, at = t.clock.now) {
  const r: PointRuleInput = { code: `T${++seq}`, name: '测试加分', kind: 'bonus', subjectKind: 'household', ...rule };
  return t.db.transaction((tx) => applyRule(tx, { rule: r, subject: { householdId }, orgUnitId: community, eventRef: `test:${seq}`, units: 1, at, by: null }));
}
const balance = async (householdId: string) =>
  Number((await t.db.query<{ balance: string }>(`select balance from point_accounts where household_id = $1 and kind = 'household'`, [householdId])).rows[0]?.balance ?? 0);
const stockOf = async (id: string) => (await t.db.query<{ stock: number }>('select stock from point_goods where id = $1', [id])).rows[0]!.stock;
const redeem = (payload: object, token = resident, key?: string) => t.app.inject({
  method: 'POST', url: '/api/points/redemptions', headers: { ...bearer(token), ...(key ? { 'idempotency-key': key } : {}) }, payload,
});

describe('goods', () => {
  it('a keeper puts goods on the shelf of a community of their scope; others may not', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/points/goods', headers: bearer(staff), payload: { orgUnitId: community, name: '大米 5kg', pricePoints: 50, stock: 3 } });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ name: '大米 5kg', pricePoints: 50, stock: 3, reserved: 0, active: true, policies: ['update', 'redeem'] });
    rice = r.json().id;
    const gw = await t.login('gridworker');
    expect((await t.app.inject({ method: 'POST', url: '/api/points/goods', headers: bearer(gw), payload: { orgUnitId: community, name: '食用油', pricePoints: 80, stock: 3 } })).statusCode).toBe(403);
    const grid = await t.app.inject({ method: 'POST', url: '/api/points/goods', headers: bearer(staff), payload: { orgUnitId: (await t.db.query<{ id: string }>('select id from org_units where code = $1', [DEMO_GRID])).rows[0]!.id, name: '食用油', pricePoints: 80, stock: 3 } });
    expect(grid.statusCode).toBe(422);
    expect(grid.json().error.code).toBe('POINTS_INVALID');
    const bad = await t.app.inject({ method: 'POST', url: '/api/points/goods', headers: bearer(staff), payload: { orgUnitId: community, name: '', pricePoints: 0, stock: -1 } });
    expect(bad.statusCode).toBe(400);
  });

  it('edits need the current version; the change is audited', async () => {
    const stale = await t.app.inject({ method: 'PUT', url: `/api/points/goods/${rice}`, headers: bearer(staff), payload: { version: 9, stock: 4 } });
    expect(stale.statusCode).toBe(409);
    const ok = await t.app.inject({ method: 'PUT', url: `/api/points/goods/${rice}`, headers: bearer(staff), payload: { version: 1, stock: 4, description: '东北大米' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ stock: 4, version: 2, description: '东北大米' });
    const audit = await t.db.query<{ detail: { changed: Record<string, unknown> } }>(`select detail from audit_log where action = 'points.goods.update' and target_id = $1`, [rice]);
    expect(Object.keys(audit.rows[0]!.detail.changed).sort()).toEqual(['description', 'stock']);
  });

  it('a resident outside the registry reads the shelf of their home unit but may not redeem', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/points/goods', headers: bearer(resident) });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((g: { name: string }) => g.name)).toContain('大米 5kg');
    expect(list.json().myBalance).toBeNull();
    const r = await redeem({ goodsId: rice, qty: 1 });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('PERSON_NOT_IN_REGISTRY');
  });
});

describe('redemptions', () => {
  beforeAll(async () => {
    reg = await registerDemoResident(t);
    await give(reg.householdId, { points: 200 });
  });

  it('moves the points to the supermarket, reserves the stock and hands out a pickup code that expires in 7 days', async () => {
    const r = await redeem({ goodsId: rice, qty: 2 }, resident, 'rice-1');
    expect(r.statusCode, r.body).toBe(201);
    const v = r.json();
    expect(v).toMatchObject({ goodsName: '大米 5kg', qty: 2, points: 100, status: 'reserved', householdId: reg.householdId, policies: ['cancel'] });
    expect(v.pickupCode).toMatch(/^\d{6}$/);
    expect(new Date(v.expiresAt).getTime() - t.clock.now.getTime()).toBe(7 * 86_400_000);
    expect(await balance(reg.householdId)).toBe(100);
    expect(await stockOf(rice)).toBe(2);
    const shop = await t.db.query<{ balance: string }>(`select balance from point_accounts where org_unit_id = $1 and kind = 'supermarket'`, [community]);
    expect(Number(shop.rows[0]!.balance)).toBe(100);
    // the same Idempotency-Key answers the first reservation
    const again = await redeem({ goodsId: rice, qty: 2 }, resident, 'rice-1');
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(v.id);
    expect(await balance(reg.householdId)).toBe(100);
    const list = await t.app.inject({ method: 'GET', url: '/api/points/goods', headers: bearer(resident) });
    expect(list.json().myBalance).toBe(100);
    expect(list.json().items.find((g: { id: string }) => g.id === rice)).toMatchObject({ stock: 2, reserved: 2 });
  });

  it('refuses beyond the stock or the balance with what is available, and writes nothing', async () => {
    const before = (await t.db.query<{ n: number }>('select count(*)::int as n from point_transactions')).rows[0]!.n;
    const stock = await redeem({ goodsId: rice, qty: 3 });
    expect(stock.statusCode).toBe(422);
    expect(stock.json().error).toMatchObject({ code: 'STOCK_INSUFFICIENT', details: { available: 2 } });
    const oil = await t.app.inject({ method: 'POST', url: '/api/points/goods', headers: bearer(staff), payload: { orgUnitId: community, name: '食用油 5L', pricePoints: 150, stock: 10 } });
    const points = await redeem({ goodsId: oil.json().id, qty: 1 });
    expect(points.statusCode).toBe(422);
    expect(points.json().error).toMatchObject({ code: 'POINTS_INSUFFICIENT', details: { available: 100 } });
    expect(points.json().error.messageZh).toBe('积分不足：当前可用 100 分。');
    expect((await t.db.query<{ n: number }>('select count(*)::int as n from point_transactions')).rows[0]!.n).toBe(before);
    expect(await balance(reg.householdId)).toBe(100);
    expect(await stockOf(oil.json().id)).toBe(10);
    const qty = await redeem({ goodsId: rice, qty: 0 });
    expect(qty.statusCode).toBe(400);
  });

  it('the pickup desk hands over by code once; the code is not one of another scope', async () => {
    const mine = await t.app.inject({ method: 'GET', url: '/api/points/redemptions?status=reserved', headers: bearer(resident) });
    const code = mine.json().items[0].pickupCode as string;
    const gw = await t.login('gridworker');
    expect((await t.app.inject({ method: 'POST', url: '/api/points/redemptions/pickup', headers: bearer(gw), payload: { pickupCode: code } })).statusCode).toBe(403);
    const r = await t.app.inject({ method: 'POST', url: '/api/points/redemptions/pickup', headers: bearer(staff), payload: { pickupCode: code } });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'pickedUp', pickupCode: null, policies: [] });
    expect(r.json().householdName).toContain('周淑芬');
    expect((await t.app.inject({ method: 'POST', url: '/api/points/redemptions/pickup', headers: bearer(staff), payload: { pickupCode: code } })).statusCode).toBe(404);
    const cancel = await t.app.inject({ method: 'POST', url: `/api/points/redemptions/${r.json().id}/cancel`, headers: bearer(resident), payload: {} });
    expect(cancel.statusCode).toBe(409);
    expect(cancel.json().error.code).toBe('REDEMPTION_STATE_CONFLICT');
  });

  it('a cancellation reverses the points and puts the goods back; twice → 409', async () => {
    const r = await redeem({ goodsId: rice, qty: 1 });
    expect(r.statusCode).toBe(201);
    expect(await balance(reg.householdId)).toBe(50);
    const c = await t.app.inject({ method: 'POST', url: `/api/points/redemptions/${r.json().id}/cancel`, headers: bearer(resident), payload: { reason: '不需要了' } });
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json().status).toBe('cancelled');
    expect(await balance(reg.householdId)).toBe(100);
    expect(await stockOf(rice)).toBe(2);
    const rev = await t.db.query<{ kind: string; reason_code: string }>('select kind, reason_code from point_transactions where reverses_id = $1', [r.json().transactionId]);
    expect(rev.rows).toEqual([{ kind: 'reversal', reason_code: 'redemptionCancelled' }]);
    expect((await t.app.inject({ method: 'POST', url: `/api/points/redemptions/${r.json().id}/cancel`, headers: bearer(resident), payload: {} })).statusCode).toBe(409);
  });

  it('a keeper redeems at the desk for a household of their scope', async () => {
    const r = await redeem({ goodsId: rice, qty: 1, householdId: reg.householdId }, staff);
    expect(r.statusCode, r.body).toBe(201);
    expect(await balance(reg.householdId)).toBe(50);
    const gw = await t.login('gridworker');
    expect((await redeem({ goodsId: rice, qty: 1, householdId: reg.householdId }, gw)).statusCode).toBe(403);
  });

  it('reservations not picked up expire by the hourly job: points and stock come back, the code is no longer taken', async () => {
    const stockBefore = await stockOf(rice);
    t.clock.advance(8 * 86_400_000);
    staff = await t.login('community');
    resident = await t.login('resident');
    expect(await expireDue(t.db, t.clock.now)).toBe(1);
    expect(await balance(reg.householdId)).toBe(100);
    expect(await stockOf(rice)).toBe(stockBefore + 1);
    const list = await t.app.inject({ method: 'GET', url: '/api/points/redemptions?status=expired', headers: bearer(staff) });
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0].pickupCode).toBeNull();
    expect(await expireDue(t.db, t.clock.now)).toBe(0);
  });

  it('concurrent redemptions of the last goods: exactly the stock is reserved, the rest refused, the books exact', async () => {
    await give(reg.householdId, { points: 500 });
    const before = await balance(reg.householdId);
    const towel = await t.app.inject({ method: 'POST', url: '/api/points/goods', headers: bearer(staff), payload: { orgUnitId: community, name: '纯棉毛巾', pricePoints: 10, stock: 2 } });
    const answers = await Promise.all(Array.from({ length: 6 }, () => redeem({ goodsId: towel.json().id, qty: 1 })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 201, 422, 422, 422, 422]);
    expect(answers.filter((a) => a.statusCode === 422).every((a) => a.json().error.code === 'STOCK_INSUFFICIENT')).toBe(true);
    expect(await stockOf(towel.json().id)).toBe(0);
    expect(await balance(reg.householdId)).toBe(before - 20);
    const codes = answers.filter((a) => a.statusCode === 201).map((a) => a.json().pickupCode);
    expect(new Set(codes).size).toBe(2);
  });

  it('a veto in force blocks redemption with its end', async () => {
    await give(reg.householdId, { kind: 'veto', points: 0, vetoMonths: 3, name: '违法建设' });
    const r = await redeem({ goodsId: rice, qty: 1 });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('POINTS_VETOED');
    expect(new Date(r.json().error.details.until).getTime()).toBeGreaterThan(t.clock.now.getTime());
  });

  it('the books stay balanced: every transaction sums to zero and every balance equals its entries', async () => {
    const unbalanced = await t.db.query('select transaction_id from point_entries group by transaction_id having sum(amount) <> 0');
    expect(unbalanced.rows).toEqual([]);
    const off = await t.db.query(`select a.id from point_accounts a left join point_entries e on e.account_id = a.id
      group by a.id, a.balance having a.balance <> coalesce(sum(e.amount), 0)`);
    expect(off.rows).toEqual([]);
  });
});

describe('monthly statement', () => {
  it('sums the month as JSON and as a workbook; residents may not read it', async () => {
    const month = new Date(t.clock.now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
    const prior = '2026-11';
    const r = await t.app.inject({ method: 'GET', url: `/api/points/statements?orgUnitId=${community}&month=${prior}`, headers: bearer(staff) });
    expect(r.statusCode, r.body).toBe(200);
    const st = r.json();
    expect(st).toMatchObject({ month: prior, redemptions: 3, pickedUp: 1, pointsRedeemed: 100, pointsReturned: 100 });
    expect(st.goods.find((g: { name: string }) => g.name === '大米 5kg')).toMatchObject({ qtyOut: 2, pointsOut: 100, qtyExpired: 1, qtyCancelled: 1 });
    expect(month >= prior).toBe(true);
    const x = await t.app.inject({ method: 'GET', url: `/api/points/statements?orgUnitId=${community}&month=${prior}&format=xlsx`, headers: bearer(staff) });
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '商品', '兑换明细']);
    expect(wb.getWorksheet('兑换明细')!.rowCount).toBe(4);
    expect((await t.app.inject({ method: 'GET', url: `/api/points/statements?orgUnitId=${community}&month=${prior}`, headers: bearer(resident) })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/points/statements?orgUnitId=${community}&month=2026-13`, headers: bearer(staff) })).statusCode).toBe(400);
  });
});

// 红黑榜 and 文明户 (issue 16): derived from a community's month of points with reasons and expiry, once per period;
// residents see the red list and 文明户 of their community masked, never the black list, and their own household's marks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID } from '../support/places.ts';
import { addHousehold, addPerson, idNumberOf, registerDemoResident, type RegisteredHousehold } from '../support/participation.ts';
import { applyRule } from '../../src/server/points/ledger.ts';
import { deriveLastMonth } from '../../src/server/points/supermarket-jobs.ts';
import type { PointRuleInput } from '../../src/shared/points.ts';

let t: TestApp;
let community: string;
let staff: string;
let resident: string;
let reg: RegisteredHousehold;
let deducted: string;
let vetoed: string;
let quiet: string;
let seq = 0;
const OCT = new Date('2026-10-15T10:00:00+08:00');

async function apply(householdId: string, rule: Partial<PointRuleInput> & { points: number }, at = OCT) {
  const r: PointRuleInput = { code: `C${++seq}`, name: '测试细则', kind: 'bonus', subjectKind: 'household', ...rule };
  await t.db.transaction((tx) => applyRule(tx, { rule: r, subject: { householdId }, orgUnitId: community, eventRef: `civ:${seq}`, units: 1, at, by: null }));
}

beforeAll(async () => {
  t = await createTestApp();
  community = (await t.db.query<{ parent_id: string }>('select parent_id from org_units where code = $1', [DEMO_GRID])).rows[0]!.parent_id;
  staff = await t.login('community');
  resident = await t.login('resident');
  reg = await registerDemoResident(t);
  const hh = async (room: string, name: string, seqNo: string) => {
    const h = await addHousehold(t, reg.buildingId, room);
    await addPerson(t, h, { name, idNumber: idNumberOf('19700101', seqNo), relation: 'head' });
    return h;
  };
  deducted = await hh('302', '王大军', '011');
  vetoed = await hh('401', '李志强', '021');
  quiet = await hh('402', '赵小红', '032');
  await apply(reg.householdId, { points: 120 });
  await apply(deducted, { points: 80 });
  await apply(deducted, { kind: 'minus', points: 25, name: '乱堆乱放' });
  await apply(vetoed, { points: 60 });
  await apply(vetoed, { kind: 'veto', points: 0, vetoMonths: 6, name: '违法建设' });
  await apply(quiet, { points: 10 }, new Date('2026-09-10T10:00:00+08:00'));
});
afterAll(async () => { await t?.close(); });

describe('红黑榜 and 文明户', () => {
  it('only keepers derive, for a community of their scope and a month that is over', async () => {
    const gw = await t.login('gridworker');
    expect((await t.app.inject({ method: 'POST', url: `/api/points/civility/derive?orgUnitId=${community}&period=2026-10`, headers: bearer(gw) })).statusCode).toBe(403);
    const early = await t.app.inject({ method: 'POST', url: `/api/points/civility/derive?orgUnitId=${community}&period=2026-11`, headers: bearer(staff) });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('POINTS_INVALID');
  });

  it('derives the red list, the black list and 文明户 with reasons; a rerun writes nothing twice', async () => {
    const r = await t.app.inject({ method: 'POST', url: `/api/points/civility/derive?orgUnitId=${community}&period=2026-10`, headers: bearer(staff) });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ period: '2026-10', red: 1, black: 2, civilized: 1, written: 4 });
    const list = (await t.app.inject({ method: 'GET', url: '/api/points/civility', headers: bearer(staff) })).json();
    const of = (h: string) => list.items.filter((m: { householdId: string }) => m.householdId === h).map((m: { kind: string; reasons: string[] }) => [m.kind, m.reasons]);
    expect(of(reg.householdId)).toEqual([['red', ['本期得120分，居前10%', '本期无扣分']], ['civilized', ['本年得120分（达100分）', '无一票否决']]]);
    expect(of(deducted)).toEqual([['black', ['本期扣25分']]]);
    expect(of(vetoed)[0][0]).toBe('black');
    expect(of(vetoed)[0][1][0]).toMatch(/^一票否决期内（至2027-04-15）$/);
    expect(of(quiet)).toEqual([]);
    const red = list.items.find((m: { kind: string }) => m.kind === 'red');
    expect(red).toMatchObject({ validFrom: '2026-11-23', validUntil: '2026-12-22', householdName: expect.stringContaining('周淑芬家 · ') });
    expect(list.items.find((m: { kind: string }) => m.kind === 'civilized').validUntil).toBe('2027-11-22');
    expect(list.policies).toEqual(['derive']);
    const again = await t.app.inject({ method: 'POST', url: `/api/points/civility/derive?orgUnitId=${community}&period=2026-10`, headers: bearer(staff) });
    expect(again.json().written).toBe(0);
    expect((await t.db.query<{ n: number }>('select count(*)::int as n from civility_marks')).rows[0]!.n).toBe(4);
  });

  it('residents see the red list and 文明户 masked, never the black list, and their own marks whole', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/points/civility', headers: bearer(resident) })).json();
    expect(list.items.every((m: { kind: string }) => m.kind !== 'black')).toBe(true);
    expect(list.items.map((m: { kind: string; mine: boolean; householdName: string }) => [m.kind, m.mine, m.householdName]))
      .toEqual([['red', true, expect.stringContaining('周淑芬家')], ['civilized', true, expect.stringContaining('周淑芬家')]]);
    expect(list.policies).toEqual([]);
    // the neighbour's own black mark is theirs to see: make 周淑芬's household black too, then she sees it
    await apply(reg.householdId, { kind: 'veto', points: 0, vetoMonths: 3, name: '违法建设' }, new Date('2026-11-05T10:00:00+08:00'));
    t.clock.set(new Date('2026-12-02T09:00:00+08:00'));
    staff = await t.login('community');
    resident = await t.login('resident');
    expect(await deriveLastMonth(t.db, t.clock.now)).toBe(1);
    const mine = (await t.app.inject({ method: 'GET', url: '/api/points/civility?kind=black', headers: bearer(resident) })).json();
    expect(mine.items.map((m: { kind: string; mine: boolean; period: string }) => [m.kind, m.mine, m.period])).toEqual([['black', true, '2026-11']]);
    const masked = (await t.app.inject({ method: 'GET', url: '/api/points/civility?kind=red', headers: bearer(resident) })).json().items;
    expect(masked.filter((m: { mine: boolean }) => !m.mine).every((m: { householdName: string }) => /^.\*+家$/.test(m.householdName))).toBe(true);
  });
});

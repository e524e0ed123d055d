import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { openWorkOrders, type WorkOrderInput } from '../../src/server/cases/open-work-orders.ts';
import { findCurrentMatter } from '../../src/server/matters/store.ts';
import { reportCase } from '../../src/server/cases/report-case.ts';

// The case loop's dispatched work orders opened inside a caller's transaction (a plan's steps, issue 14): numbered from
// the town's counter as intake numbers reports, handle clock due at the given time, timeline report + dispatch, and the
// ordinary lifecycle afterwards; nothing at all when the caller's transaction rolls back.

let t: TestApp;
const tokens: Record<string, string> = {};
let base: Omit<WorkOrderInput, 'description' | 'dueAt'>;

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['handler', 'dispatcher']) tokens[u] = await t.login(u);
  const g = (await t.db.query<{ id: string; path: string; town_id: string; town_code: string }>(
    `select g.id, g.path, t.id as town_id, t.code as town_code from org_units g join org_units t on t.level = 'town' and g.path like t.path || '%' where g.code = $1`,
    [DEMO_GRID])).rows[0]!;
  const post = (await t.db.query<{ id: string }>(`select id from posts where town_id = $1 and code = 'JJ-CSGX'`, [g.town_id])).rows[0]!;
  const here = await gridCentre(t.db, DEMO_GRID);
  base = {
    townId: g.town_id, townCode: g.town_code, gridId: g.id, orgPath: g.path, matter: (await findCurrentMatter(t.db, g.town_id, 'S0302'))!,
    lng: here.lng, lat: here.lat, address: '清水河边', assignee: { postId: post.id }, source: 'plan',
    actor: { id: null, name: '系统自动启动' }, data: { incidentId: 'i-1', stepKey: 's-1' },
  };
});
afterAll(async () => { await t.close(); });

const count = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from cases')).rows[0]!.n;

describe('opening dispatched work orders', () => {
  it('numbers them from the town\'s counter, due at the given time, with report and dispatch entries; the loop takes them on', async () => {
    const now = t.clock.now;
    const due = new Date(now.getTime() + 45 * 60_000);
    const calendar = await t.app.calendar.current();
    const opened = await t.db.transaction((tx) => openWorkOrders(tx, [
      { ...base, description: '沿河巡查', dueAt: due },
      { ...base, description: '广播预警', dueAt: now },
    ], calendar, now));
    expect(opened).toHaveLength(2);
    const [a, b] = opened.map((o) => Number(o.number.split('-')[2]));
    expect(b).toBe(a! + 1);
    expect(opened[0]!.number).toMatch(/^\d{9}-\d{8}-\d{4}$/);

    const row = (await t.db.query<{ status: string; clocks: { handle: { due: number; startedAt: number } }; assignee: unknown; source: string; next_check_at: Date | null }>(
      'select status, clocks, assignee, source, next_check_at from cases where id = $1', [opened[0]!.id])).rows[0]!;
    expect(row).toMatchObject({ status: 'dispatched', source: 'plan', assignee: base.assignee });
    expect(row.clocks.handle.due).toBe(due.getTime());
    expect(row.next_check_at).not.toBeNull();
    const events = (await t.db.query<{ action: string; to_status: string; actor_name: string; data: Record<string, unknown> }>(
      'select action, to_status, actor_name, data from case_events where case_id = $1 order by id', [opened[0]!.id])).rows;
    expect(events).toEqual([
      expect.objectContaining({ action: 'report', to_status: 'reported', actor_name: '系统自动启动', data: expect.objectContaining({ source: 'plan', incidentId: 'i-1' }) }),
      expect.objectContaining({ action: 'dispatch', to_status: 'dispatched', data: expect.objectContaining({ assignee: base.assignee, stepKey: 's-1' }) }),
    ]);

    // the next report of the day takes the next number
    const reported = await reportCase(t.app.db, t.app, {
      categoryCode: 'S0302', description: '河水涨了', location: { lng: base.lng, lat: base.lat }, source: 'hotline',
      reporter: { kind: 'caller', accountId: null, name: null, phone: null }, actorName: '刘晓燕', idempotencyKey: null,
    }, now);
    const n = (await t.db.query<{ number: string }>('select number from cases where id = $1', [reported.caseId])).rows[0]!.number;
    expect(Number(n.split('-')[2])).toBe(b! + 1);

    // the post's holder (王建国 holds 城市更新岗) works it through the ordinary case page
    const page = await t.app.inject({ method: 'GET', url: `/api/cases/${opened[0]!.id}`, headers: bearer(tokens.handler!) });
    expect(page.statusCode).toBe(200);
    const done = await t.app.inject({ method: 'POST', url: `/api/cases/${opened[0]!.id}/actions/report_done`, headers: bearer(tokens.handler!), payload: { note: '已巡查' } });
    expect(done.statusCode, done.body).toBe(200);
  });

  it('leaves nothing when the caller\'s transaction fails after them (not even a number)', async () => {
    const before = await count();
    const seq = async () => (await t.db.query<{ n: number }>('select coalesce(sum(seq), 0)::int as n from case_number_counters')).rows[0]!.n;
    const seqBefore = await seq();
    const calendar = await t.app.calendar.current();
    await expect(t.db.transaction(async (tx) => {
      await openWorkOrders(tx, [{ ...base, description: '会回滚', dueAt: t.clock.now }], calendar, t.clock.now);
      throw new Error('a later write of the activation failed');
    })).rejects.toThrow('a later write');
    expect(await count()).toBe(before);
    expect(await seq()).toBe(seqBefore);
  });
});

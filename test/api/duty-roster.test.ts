import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';

// the test clock stands at Monday 2026-11-23 09:00 Shanghai time: ISO week 2026-W48, the day shift
let t: TestApp;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
let urbanTown: string;
let ruralTown: string;

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker', 'department']) tokens[u] = await t.login(u);
  for (const u of ['leader', 'dispatcher', 'handler', 'community', 'gridworker', 'department', 'auditor', 'resident', 'town2-leader1']) {
    ids[u] = (await t.db.query<{ id: string }>('select id from accounts where username = $1', [u])).rows[0]!.id;
  }
  const units = (await t.db.query<{ id: string; code: string }>(`select id, code from org_units where code in ('500199001000', '500199101000')`)).rows;
  urbanTown = units.find((u) => u.code === '500199001000')!.id;
  ruralTown = units.find((u) => u.code === '500199101000')!.id;
});
afterAll(async () => { await t.close(); });

const call = (who: string, method: 'GET' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: bearer(tokens[who]!), ...(payload === undefined ? {} : { payload: payload as object }) });
const names = (slot: { people: { name: string }[] } | undefined) => slot?.people.map((p) => p.name) ?? [];

describe('the duty roster of the command center', () => {
  it('shows an empty week to the town\'s staff, this week by default, with its seven dates and three shifts', async () => {
    const res = await call('dispatcher', 'GET', '/api/duty-roster');
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ week: '2026-W48', previousWeek: '2026-W47', nextWeek: '2026-W49', version: 0, slots: [], policies: [], candidates: [] });
    expect(r.town.name).toBe('春晖路街道');
    expect([r.dates[0], r.dates[6]]).toEqual(['2026-11-23', '2026-11-29']);
    expect(r.shifts.map((s: { code: string }) => s.code)).toEqual(['leader', 'day', 'night']);
    expect(r.onDuty).toEqual({ date: '2026-11-23', slots: [] });
  });

  it('lets the town\'s leader fill a week, shows who is on duty now, and audits the change', async () => {
    const editor = (await call('leader', 'GET', `/api/duty-roster?orgUnitId=${urbanTown}&week=2026-W48`)).json();
    expect(editor.policies).toEqual(['edit']);
    const cand = new Map(editor.candidates.map((c: { id: string; shifts: string[] }) => [c.id, c.shifts]));
    expect(cand.get(ids.leader)).toEqual(['leader', 'day', 'night']);
    expect(cand.get(ids.dispatcher)).toEqual(['day', 'night']);
    expect(cand.has(ids.department)).toBe(false);

    const res = await call('leader', 'PUT', `/api/duty-roster?orgUnitId=${urbanTown}&week=2026-W48`, {
      version: 0,
      slots: [
        { date: '2026-11-23', shift: 'leader', accountIds: [ids.leader] },
        { date: '2026-11-23', shift: 'day', accountIds: [ids.dispatcher, ids.handler] },
        { date: '2026-11-23', shift: 'night', accountIds: [ids.community] },
        { date: '2026-11-24', shift: 'day', accountIds: [] },
      ],
    });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.version).toBe(1);
    expect(r.updatedBy).toBe('陈志明');
    expect(r.slots.map((s: { date: string; shift: string }) => `${s.date} ${s.shift}`)).toEqual(['2026-11-23 leader', '2026-11-23 day', '2026-11-23 night']);
    expect(names(r.onDuty.slots.find((s: { shift: string }) => s.shift === 'day'))).toEqual(['刘晓燕', '王建国']);
    expect(r.onDuty.slots.map((s: { shift: string }) => s.shift)).toEqual(['leader', 'day']);
    const audit = (await t.db.query<{ action: string; detail: { week: string; assignments: number } }>(
      `select action, detail from audit_log where action = 'duty_roster.save' and target_id = $1`, [urbanTown])).rows;
    expect(audit).toEqual([{ action: 'duty_roster.save', detail: expect.objectContaining({ week: '2026-W48', assignments: 4 }) }]);

    // the night shift of Monday is still on at 07:00 on Tuesday
    t.clock.set(new Date('2026-11-24T07:00:00+08:00'));
    try {
      const token = await t.login('dispatcher');
      const night = (await t.app.inject({ url: '/api/duty-roster', headers: bearer(token) })).json().onDuty;
      expect(night.date).toBe('2026-11-23');
      expect(names(night.slots.find((s: { shift: string }) => s.shift === 'night'))).toEqual(['赵秀兰']);
    } finally {
      t.clock.set(new Date('2026-11-23T09:00:00+08:00'));
    }
  });

  it('refuses a save over someone else\'s (409), and leaves the week as it was', async () => {
    const stale = await call('admin', 'PUT', `/api/duty-roster?orgUnitId=${urbanTown}&week=2026-W48`, { version: 0, slots: [] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    expect((await call('dispatcher', 'GET', '/api/duty-roster?week=2026-W48')).json().slots).toHaveLength(3);
  });

  it('names every person who may not keep the watch, and writes nothing', async () => {
    const res = await call('admin', 'PUT', `/api/duty-roster?orgUnitId=${urbanTown}&week=2026-W49`, {
      slots: [
        { date: '2026-11-30', shift: 'leader', accountIds: [ids.handler] },
        { date: '2026-11-30', shift: 'day', accountIds: [ids.auditor, ids.resident, ids['town2-leader1'], 'no-such-account'] },
        { date: '2026-11-23', shift: 'night', accountIds: [ids.handler] },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('ROSTER_INVALID');
    expect(res.json().error.details.problems.map((p: { code: string }) => p.code))
      .toEqual(['not_leader', 'no_staff_role', 'not_staff', 'outside_town', 'unknown', 'outside_week']);
    expect(res.json().error.messageZh).toContain('带班领导');
    expect((await call('dispatcher', 'GET', '/api/duty-roster?week=2026-W49')).json().version).toBe(0);
  });

  it('keeps scope: other towns are 404, only admins and leaders edit, and weeks must exist', async () => {
    expect((await call('dispatcher', 'GET', `/api/duty-roster?orgUnitId=${ruralTown}`)).statusCode).toBe(404);
    expect((await call('leader', 'PUT', `/api/duty-roster?orgUnitId=${ruralTown}&week=2026-W48`, { slots: [] })).statusCode).toBe(404);
    expect((await call('dispatcher', 'PUT', `/api/duty-roster?orgUnitId=${urbanTown}&week=2026-W48`, { slots: [] })).statusCode).toBe(403);
    expect((await call('department', 'GET', '/api/duty-roster')).statusCode).toBe(404);
    const noWeek = await call('dispatcher', 'GET', '/api/duty-roster?week=2025-W53');
    expect(noWeek.statusCode).toBe(400);
    expect(noWeek.json().error.messageZh).toContain('2025-W53');
    const admin = (await call('admin', 'GET', `/api/duty-roster?orgUnitId=${ruralTown}&week=2026-W48`)).json();
    expect(admin).toMatchObject({ town: { id: ruralTown }, policies: ['edit'] });
    expect(admin.candidates.map((c: { id: string }) => c.id)).toContain(ids['town2-leader1']);
  });
});

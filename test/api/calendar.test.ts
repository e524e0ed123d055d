// 工作日历: admins enter a year's holidays and swapped working days; staff read them; bad days are refused whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CN_2026 } from '../../src/domain/sla/calendars/cn-2026.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-12-01T09:00:00+08:00'));
  for (const u of ['admin', 'leader', 'dispatcher', 'gridworker']) tokens[u] = await t.login(u);
});
afterAll(async () => { await t.close(); });

const call = (method: 'GET' | 'PUT' | 'POST', url: string, who: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });

const notice2027 = {
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-06', '2027-02-07', '2027-02-08'],
  workdays: ['2027-02-13'],
};

describe('working calendar', () => {
  it('comes with 2026 and says in December that 2027 is missing', async () => {
    const res = await call('GET', '/api/working-calendar', 'dispatcher');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ today: '2026-12-01', missing: [2027], policies: [] });
    expect(res.json().items).toEqual([expect.objectContaining({ year: 2026, holidays: 33, workdays: 6, updatedBy: null })]);
    const y2026 = (await call('GET', '/api/working-calendar/2026', 'leader')).json();
    expect(y2026.holidays).toEqual([...CN_2026.holidays].sort()); // the migration carries the notice the domain tests use
    expect(y2026.workdays).toEqual([...CN_2026.workdays].sort());
    expect((await call('GET', '/api/working-calendar/2027', 'leader')).json()).toEqual({ year: 2027, source: null, holidays: [], workdays: [], updatedAt: null, updatedBy: null, policies: [] });
    // the admin enters days; the calendar and each year say so
    expect((await call('GET', '/api/working-calendar/2027', 'admin')).json().policies).toEqual(['edit']);
    expect((await call('GET', '/api/working-calendar', 'admin')).json().policies).toEqual(['edit']);
  });

  it('lets an admin enter a year, sorted, and records who did it', async () => {
    expect((await call('PUT', '/api/working-calendar/2027', 'leader', notice2027)).statusCode).toBe(403);
    const res = await call('PUT', '/api/working-calendar/2027', 'admin', { ...notice2027, holidays: [...notice2027.holidays].reverse() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ year: 2027, source: notice2027.source, holidays: notice2027.holidays, workdays: ['2027-02-13'], updatedBy: expect.any(String), policies: ['edit'] });
    const overview = (await call('GET', '/api/working-calendar', 'dispatcher')).json();
    expect(overview.missing).toEqual([]);
    const audit = await t.db.query<{ action: string; target_id: string }>(`select action, target_id from audit_log where action = 'calendar.save'`);
    expect(audit.rows).toEqual([{ action: 'calendar.save', target_id: '2027' }]);
  });

  it('refuses a year with bad days, says which in both languages, and keeps the year as it was', async () => {
    const res = await call('PUT', '/api/working-calendar/2027', 'admin', {
      source: 'x', holidays: ['2027-02-30', '2026-12-31', '2027-01-01'], workdays: ['2027-01-01', '2027-01-04'],
    });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((d: { date: string; code: string }) => `${d.date} ${d.code}`)).toEqual([
      '2027-02-30 NOT_A_DATE', '2026-12-31 OUTSIDE_YEAR', '2027-01-01 IN_BOTH', '2027-01-04 NOT_WEEKEND',
    ]);
    expect(error.messageZh).toContain('2027-01-04 是工作日，只有周六、周日才能设为调休上班');
    expect((await call('GET', '/api/working-calendar/2027', 'dispatcher')).json().holidays).toEqual(notice2027.holidays);
  });

  it('refuses malformed bodies and years at the edge', async () => {
    expect((await call('PUT', '/api/working-calendar/1999', 'admin', notice2027)).statusCode).toBe(400);
    expect((await call('PUT', '/api/working-calendar/2027', 'admin', { ...notice2027, source: '' })).statusCode).toBe(400);
    expect((await call('PUT', '/api/working-calendar/2027', 'admin', { ...notice2027, holidays: ['1 Jan'] })).statusCode).toBe(400);
    expect((await call('PUT', '/api/working-calendar/2027', 'admin', { holidays: [], workdays: [] })).json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('working-day deadlines across the new year', () => {
  /** 商户油烟排放扰民 (E0102): handled within 5 working days; reported, accepted and dispatched on Tue 2026-12-29 */
  async function handleDueAt(tag: string): Promise<string> {
    t.clock.set(new Date('2026-12-29T10:00:00+08:00'));
    for (const u of ['admin', 'dispatcher', 'gridworker']) tokens[u] = await t.login(u); // four weeks on: fresh sessions
    const at = await gridCentre(t.db, DEMO_GRID);
    const reported = await t.app.inject({
      method: 'POST', url: '/api/cases', headers: { ...bearer(tokens.gridworker!), 'idempotency-key': `calendar-${tag}` },
      payload: { categoryCode: 'E0102', description: `油烟扰民 ${tag}`, location: at, source: 'gridWorker' },
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const id = reported.json().id as string;
    expect((await call('POST', `/api/cases/${id}/actions/accept`, 'dispatcher', {})).statusCode).toBe(200);
    const dispatched = await call('POST', `/api/cases/${id}/actions/dispatch`, 'dispatcher', {});
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    return dispatched.json().deadlines.handle.dueAt as string;
  }

  it('counts the holidays entered for 2027, from the moment they are saved', async () => {
    // entered above: 2027-01-01..03 off, so Dec 30, 31, Jan 4, 5, 6 → due at the end of Wed 6 January
    expect(await handleDueAt('with 2027')).toBe(new Date('2027-01-07T00:00:00+08:00').toISOString());
    const without = await call('PUT', '/api/working-calendar/2027', 'admin', { source: '（撤回）', holidays: [], workdays: [] });
    expect(without.statusCode).toBe(200);
    // with Friday 1 January a working day again: Dec 30, 31, Jan 1, 4, 5 → due at the end of Tue 5 January
    expect(await handleDueAt('without 2027')).toBe(new Date('2027-01-06T00:00:00+08:00').toISOString());
  });
});

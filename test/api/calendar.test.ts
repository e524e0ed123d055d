// 工作日历: admins enter a year's holidays and swapped working days; staff read them; bad days are refused whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CN_2026 } from '../../src/domain/sla/calendars/cn-2026.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-12-01T09:00:00+08:00'));
  for (const u of ['admin', 'leader', 'dispatcher']) tokens[u] = await t.login(u);
});
afterAll(async () => { await t.close(); });

const call = (method: 'GET' | 'PUT', url: string, who: string, payload?: object) =>
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
    expect(res.json()).toMatchObject({ today: '2026-12-01', missing: [2027] });
    expect(res.json().items).toEqual([expect.objectContaining({ year: 2026, holidays: 33, workdays: 6, updatedBy: null })]);
    const y2026 = (await call('GET', '/api/working-calendar/2026', 'leader')).json();
    expect(y2026.holidays).toEqual([...CN_2026.holidays].sort()); // the migration carries the notice the domain tests use
    expect(y2026.workdays).toEqual([...CN_2026.workdays].sort());
    expect((await call('GET', '/api/working-calendar/2027', 'leader')).json()).toEqual({ year: 2027, source: null, holidays: [], workdays: [], updatedAt: null, updatedBy: null });
  });

  it('lets an admin enter a year, sorted, and records who did it', async () => {
    expect((await call('PUT', '/api/working-calendar/2027', 'leader', notice2027)).statusCode).toBe(403);
    const res = await call('PUT', '/api/working-calendar/2027', 'admin', { ...notice2027, holidays: [...notice2027.holidays].reverse() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ year: 2027, source: notice2027.source, holidays: notice2027.holidays, workdays: ['2027-02-13'], updatedBy: expect.any(String) });
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

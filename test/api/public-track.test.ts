import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

it('shows the reporter the rating of their case, not who entered it', async () => {
  const here = await gridCentre(t.db, DEMO_GRID);
  const reported = await t.app.inject({
    method: 'POST', url: '/api/public/cases', remoteAddress: '10.9.1.1',
    payload: { categoryCode: 'E0101', description: '楼道堆放杂物', location: here, reporter: { phone: '13800003333' } },
  });
  expect(reported.statusCode).toBe(201);
  const { number } = reported.json<{ number: string }>();
  const staff = (await t.db.query<{ id: string }>(`select id from accounts where username = 'dispatcher'`)).rows[0]!.id;
  // a revisit as the lifecycle stores it: by whom and how are for the staff's records
  await t.db.query(`update cases set status = 'closed', satisfaction = $2 where number = $1`,
    [number, JSON.stringify({ score: 2, label: '不满意', comment: null, via: 'revisit', by: staff, at: '2026-11-23T02:00:00.000Z' })]);

  const track = await t.app.inject({ url: `/api/public/cases/${number}?phone=13800003333`, remoteAddress: '10.9.1.1' });
  expect(track.statusCode).toBe(200);
  expect(track.json().satisfaction).toEqual({ score: 2, label: '不满意', comment: null });
  expect(track.body).not.toContain(staff);
});

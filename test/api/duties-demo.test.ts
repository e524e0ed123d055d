// Issue 12, the demo town's duty catalogs: the starting catalog, the items taken out since and ten weeks of admission
// requests, all but the starting catalog made through the commands at their instants; run twice, it adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { seedDemoCatalog } from '../../src/server/duties/demo/demo-step.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

describe('the demo catalogs', () => {
  it('fills the demo town\'s three lists, with every list type, a history of admissions, and a moving trend', async () => {
    const made = await seedDemoCatalog(t.db, t.clock.now);
    expect(made).toEqual({ items: 88, retired: 5, admissions: 11 });
    expect(await seedDemoCatalog(t.db, t.clock.now)).toBeNull();
    const token = await t.login('leader');
    const c = (await t.app.inject({ method: 'GET', url: '/api/duty-catalog', headers: bearer(token) })).json();
    for (const level of ['town', 'community', 'grid'] as const) {
      expect(c.counts[level].basic, level).toBeGreaterThan(0);
      expect(c.counts[level].assisting, level).toBeGreaterThan(0);
      expect(c.counts[level].withdrawn, level).toBeGreaterThan(0);
    }
    // 28 grid items to start, 3 taken out, 3 admitted
    expect(c.counts.grid.total).toBe(28);
    const totals = c.trend.map((m: { counts: { grid: { total: number } } }) => m.counts.grid.total);
    expect(new Set(totals).size).toBeGreaterThan(2);
    const a = (await t.app.inject({ method: 'GET', url: '/api/duty-catalog/admissions', headers: bearer(token) })).json();
    expect(a.counts).toEqual({ pending: 2, approved: 6, refused: 3 });
    expect(a.items[0]).toMatchObject({ status: 'pending', policies: ['approve', 'refuse'] });
    const admitted = c.items.filter((i: { admissionId: string | null }) => i.admissionId !== null);
    expect(admitted.length).toBe(6);
    expect(admitted.every((i: { approvedByName: string }) => i.approvedByName === '陈志明')).toBe(true);
    const audited = await t.db.query<{ action: string; n: number }>(`select action, count(*)::int as n from audit_log where action like 'duty.%' group by action order by action`);
    expect(audited.rows).toEqual([
      { action: 'duty.admission.approve', n: 6 }, { action: 'duty.admission.refuse', n: 3 }, { action: 'duty.admission.request', n: 11 }, { action: 'duty.item.retire', n: 5 },
    ]);
  });
});

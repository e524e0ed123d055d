// The demo's points ledger (issue 16): two communities' published rules, six weeks of awards, deductions, a reversal and
// a veto for the households of the demo grids, last month's assessments approved and this month's waiting, and the demo
// resident's household above 300 points — all through the ledger's commands; run twice, it adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { seedDemoRegistry } from '../../src/server/registry/demo/demo-step.ts';
import { ensureDemoResident } from '../../src/server/participation/demo/demo-resident.ts';
import { demoPointsLedger } from '../../src/server/points/demo/ledger-demo.ts';
import { runReconciliation } from '../../src/server/points/reconcile.ts';

const NOW = new Date('2026-11-23T09:00:00+08:00');
let t: TestApp;
let line: string | null;
let seconds = 0;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(NOW);
  await seedDemoRegistry(t.db, { now: NOW, seed: 20_261_123, pii: t.app.pii });
  const ctx = { db: t.db, config: t.config, now: NOW, seed: 20_261_123 };
  await ensureDemoResident(ctx);
  const started = performance.now();
  line = await demoPointsLedger(ctx);
  seconds = (performance.now() - started) / 1000;
}, 300_000);
afterAll(async () => { await t?.close(); });

describe('the demo points ledger', () => {
  it('plays six weeks of points through the commands in a few seconds, with books that balance, and nothing the second time', async () => {
    console.log(`demo points: ${line} in ${seconds.toFixed(1)} s`);
    expect(line).toMatch(/rules of 2 communities published/);
    expect(seconds).toBeLessThan(40);
    expect(await demoPointsLedger({ db: t.db, config: t.config, now: NOW, seed: 20_261_123 })).toBeNull();
    const run = await runReconciliation(t.db, NOW);
    expect(run).toMatchObject({ mismatches: [], unbalanced: [] });
    const kinds = (await t.db.query<{ kind: string; n: number }>(`select kind, count(*)::int as n from point_transactions group by kind order by kind`)).rows;
    expect(kinds.map((k) => k.kind)).toEqual(['award', 'deduction', 'reversal', 'veto']);
    // the history ends at `now`: no award, review or approval after it
    const later = (await t.db.query<{ n: number }>(
      `select (select count(*) from point_transactions where at > $1)
            + (select count(*) from point_assessments where self_at > $1 or peer_at > $1 or decided_at > $1) as n`, [NOW])).rows[0]!;
    expect(Number(later.n)).toBe(0);
  });

  it('shows the demo resident her household\'s 300+ points with their history, the published rules, and this month\'s self-report', async () => {
    const resident = await t.login('resident');
    const mine = (await t.app.inject({ method: 'GET', url: '/api/points/accounts/me', headers: bearer(resident) })).json();
    expect(mine.balance).toBeGreaterThanOrEqual(300);
    const reasons = new Set(mine.entries.map((e: { reasonName: string }) => e.reasonName));
    for (const r of ['庭院整洁', '垃圾分类', '好人好事', '门前三包']) expect(reasons.has(r), r).toBe(true);
    const rules = (await t.app.inject({ method: 'GET', url: '/api/points/rules', headers: bearer(resident) })).json();
    expect(rules.rules.length).toBe(15);
    expect(rules.rules.filter((r: { autoEvent: string | null }) => r.autoEvent).length).toBe(5);
    const assessments = (await t.app.inject({ method: 'GET', url: '/api/points/assessments', headers: bearer(resident) })).json();
    expect(assessments.items.map((a: { period: string; status: string }) => [a.period, a.status])).toEqual([['2026-11', 'selfReported'], ['2026-10', 'approved']]);
  });

  it('gives the staff a correction, a veto and this month\'s assessments waiting for the grid worker', async () => {
    const staff = await t.login('community');
    const gw = await t.login('gridworker');
    const accounts = (await t.app.inject({ method: 'GET', url: '/api/points/accounts?limit=200', headers: bearer(staff) })).json();
    expect(accounts.items.filter((a: { balance: number }) => a.balance > 0).length).toBeGreaterThan(20);
    expect(accounts.items.filter((a: { vetoUntil: string | null }) => a.vetoUntil).length).toBe(1);
    const waiting = (await t.app.inject({ method: 'GET', url: '/api/points/assessments?status=selfReported', headers: bearer(gw) })).json();
    expect(waiting.items.length).toBeGreaterThan(0);
    expect(waiting.items[0].policies).toContain('peerReview');
    const reversal = (await t.db.query<{ n: number }>(`select count(*)::int as n from point_transactions where kind = 'reversal'`)).rows[0]!.n;
    expect(reversal).toBe(1);
  });
});

// 三事分流, 三会 and 邻里互助's demo (issue 16): six weeks of 春晖社区's matters classed into their three paths, proposals
// with supports, comments, decisions, results, ratings and one sent up, and neighbour help — through the commands; run
// twice, it adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { seedDemoRegistry } from '../../src/server/registry/demo/demo-step.ts';
import { ensureDemoResident } from '../../src/server/participation/demo/demo-resident.ts';
import { demoPointsLedger } from '../../src/server/points/demo/ledger-demo.ts';
import { demoProposals } from '../../src/server/participation/demo/proposals-demo.ts';

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
  await demoPointsLedger(ctx);
  const started = performance.now();
  line = await demoProposals(ctx);
  seconds = (performance.now() - started) / 1000;
}, 600_000);
afterAll(async () => { await t?.close(); });

describe('the demo proposals', () => {
  it('plays the matters, proposals and help requests in seconds, and nothing the second time', async () => {
    console.log(`demo proposals: ${line} in ${seconds.toFixed(1)} s`);
    expect(line).toMatch(/30 residents' matters/);
    expect(seconds).toBeLessThan(60);
    expect(await demoProposals({ db: t.db, config: t.config, now: NOW, seed: 20_261_123 })).toBeNull();
    const classes = (await t.db.query<{ class: string | null; n: number }>(`select class, count(*)::int as n from resident_matters group by class order by class`)).rows;
    expect(classes.map((c) => c.class)).toEqual(['private', 'public', 'shared', null]);
    const reclassed = (await t.db.query<{ n: number }>(`select count(*)::int as n from resident_matter_events where action = 'reclass'`)).rows[0]!.n;
    expect(reclassed).toBeGreaterThanOrEqual(2);
    const statuses = new Set((await t.db.query<{ status: string }>(`select distinct status from proposals`)).rows.map((r) => r.status));
    for (const s of ['open', 'decided', 'inProgress', 'done', 'sentUp', 'rejected']) expect(statuses.has(s), s).toBe(true);
    const help = new Set((await t.db.query<{ status: string }>(`select distinct status from help_requests`)).rows.map((r) => r.status));
    for (const s of ['open', 'done']) expect(help.has(s), s).toBe(true);
  });

  it('shows the demo resident her council\'s proposals with supports and comments, and a done one she may rate', async () => {
    const resident = await t.login('resident');
    const list = (await t.app.inject({ method: 'GET', url: '/api/proposals', headers: bearer(resident) })).json();
    expect(list.items.length).toBeGreaterThanOrEqual(8);
    expect(list.items.some((p: { supportCount: number }) => p.supportCount > 2)).toBe(true);
    expect(list.items.some((p: { status: string; ratingCount: number }) => p.status === 'done' && p.ratingCount > 0)).toBe(true);
    const councils = (await t.app.inject({ method: 'GET', url: '/api/councils', headers: bearer(resident) })).json();
    expect(councils.items.filter((c: { mine: boolean }) => c.mine).map((c: { level: string }) => c.level)).toEqual(['town', 'community', 'grid']);
    const matters = (await t.app.inject({ method: 'GET', url: '/api/participation/matters', headers: bearer(resident) })).json();
    expect(matters.items.length).toBeGreaterThanOrEqual(8);
  });
});

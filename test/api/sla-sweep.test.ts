import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { sweepSla } from '../../src/server/cases/sweep-sla.ts';
import { startJobs } from '../../src/server/platform/jobs.ts';
import { slaSweepJob } from '../../src/server/cases/sla-sweep-job.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
let here: { lng: number; lat: number };
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['dispatcher', 'gridworker', 'community']) tokens[u] = await t.login(u);
  here = await gridCentre(t.db, DEMO_GRID);
});
afterAll(async () => { await t.close(); });

const get = async (id: string, who = 'dispatcher') => (await t.app.inject({ url: `/api/cases/${id}`, headers: bearer(tokens[who]!) })).json();
const report = async (categoryCode: string) => (await t.app.inject({
  method: 'POST', url: '/api/cases', headers: bearer(tokens.gridworker!), payload: { categoryCode, description: '测试', location: here },
})).json();

describe('SLA sweep', () => {
  it('turns an unaccepted case yellow, then red, and escalates it without anyone touching it', async () => {
    const c = await report('E0404'); // community tier, 5 minutes to accept
    expect(c.tier).toBe('community');
    const start = t.clock.now;
    t.clock.set(new Date(start.getTime() + 4.5 * 60_000));
    expect(await sweepSla(t.db, t.clock.now)).toMatchObject({ lightChanges: 1, escalated: 0 });
    const listed = (await t.app.inject({ url: '/api/cases?status=reported', headers: bearer(tokens.dispatcher!) })).json().items;
    expect(listed.find((x: { id: string }) => x.id === c.id).deadlines.accept.light).toBe('yellow');

    t.clock.set(new Date(start.getTime() + 5.5 * 60_000));
    expect(await sweepSla(t.db, t.clock.now)).toMatchObject({ lightChanges: 1, escalated: 1 });
    const after = await get(c.id);
    expect(after).toMatchObject({ tier: 'town', status: 'reported' });
    expect(after.deadlines.accept.light).toBe('green'); // the town's own clock starts afresh
    const tail = after.timeline.slice(-2);
    expect(tail.map((e: { action: string }) => e.action)).toEqual(['overdue', 'escalate']);
    expect(tail[1]).toMatchObject({ actor: '系统', reason: expect.stringContaining('自动提级') });

    expect(await sweepSla(t.db, t.clock.now)).toMatchObject({ lightChanges: 0, escalated: 0 }); // idempotent
  });

  it('runs from the job queue in PostgreSQL (pg-boss), once', async () => {
    const c = await report('E0404');
    t.clock.advance(6 * 60_000);
    const boss = await startJobs(t.db, [slaSweepJob(t.db, () => t.clock.now)], { work: true });
    try {
      await boss.send('sla-sweep', {});
      const deadline = Date.now() + 20_000;
      while ((await get(c.id)).tier !== 'town' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      expect((await get(c.id)).tier).toBe('town');
    } finally {
      await boss.stop({ graceful: false, timeout: 2000 });
    }
  });
});

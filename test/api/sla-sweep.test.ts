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
  for (const u of ['dispatcher', 'gridworker', 'community', 'handler']) tokens[u] = await t.login(u);
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
    expect(tail[1]).toMatchObject({ actor: '', actorKind: 'system', reason: 'sys:escalation.acceptOverdue' }); // a code, rendered in the reader's language

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

  it('resumes a suspended case when its approved end comes, and its clock runs again', async () => {
    const act = async (id: string, action: string, who: string, body: object = {}) => {
      const res = await t.app.inject({ method: 'POST', url: `/api/cases/${id}/actions/${action}`, headers: bearer(tokens[who]!), payload: body });
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      return res.json();
    };
    for (const u of ['dispatcher', 'gridworker', 'handler']) tokens[u] = await t.login(u); // the clock moved on above
    const c = await report('C0101'); // 井盖破损缺失 → 城市更新岗, 24 h to handle
    await act(c.id, 'accept', 'dispatcher');
    await act(c.id, 'dispatch', 'dispatcher');
    await act(c.id, 'start', 'handler');
    const start = t.clock.now.getTime();
    const until = new Date(start + 3 * 3_600_000);
    await act(c.id, 'request_suspension', 'handler', { reason: '等待燃气公司配合', until: until.toISOString() });
    await act(c.id, 'approve_suspension', 'dispatcher');

    t.clock.set(new Date(start + 2 * 3_600_000));
    expect(await sweepSla(t.db, t.clock.now)).toMatchObject({ resumed: 0 });
    expect(await get(c.id)).toMatchObject({ suspension: { state: 'active' } });

    t.clock.set(new Date(start + 3 * 3_600_000 + 30_000)); // the next minute's sweep after the end
    expect(await sweepSla(t.db, t.clock.now)).toMatchObject({ resumed: 1 });
    const after = await get(c.id);
    expect(after).toMatchObject({ status: 'in_progress', suspension: null });
    expect(after.timeline.at(-1)).toMatchObject({ action: 'resume', actor: '', actorKind: 'system', reason: 'sys:suspension.ended' });
    // the three hours suspended are added to the deadline
    expect(new Date(after.deadlines.handle.dueAt).getTime() - new Date(c.createdAt).getTime()).toBeGreaterThan(24 * 3_600_000 + 3 * 3_600_000 - 60_000);
    expect(await sweepSla(t.db, t.clock.now)).toMatchObject({ resumed: 0 }); // once
  });
});

// The demo's meetings and ideas (issue 16): past 坝坝议事 and 云坝会 with sign-ins, votes, results and minutes, an open
// 云坝会 in 春晖社区 where the demo resident may still vote, ideas with supports and last quarter's published top ten —
// all through the commands; run twice, it adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { seedDemoRegistry } from '../../src/server/registry/demo/demo-step.ts';
import { ensureDemoResident } from '../../src/server/participation/demo/demo-resident.ts';
import { demoMeetings } from '../../src/server/participation/demo/meetings-demo.ts';

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
  line = await demoMeetings(ctx);
  seconds = (performance.now() - started) / 1000;
}, 300_000);
afterAll(async () => { await t?.close(); });

describe('the demo meetings and ideas', () => {
  it('plays meetings, votes and ideas through the commands in a few seconds, and nothing the second time', async () => {
    console.log(`demo meetings: ${line} in ${seconds.toFixed(1)} s`);
    expect(line).toMatch(/6 meetings/);
    expect(seconds).toBeLessThan(40);
    expect(await demoMeetings({ db: t.db, config: t.config, now: NOW, seed: 20_261_123 })).toBeNull();
  });

  it('shows the demo resident an open 云坝会 of 春晖社区评议会 with a motion she may vote on, then counts her vote', async () => {
    const resident = await t.login('resident');
    const list = (await t.app.inject({ method: 'GET', url: '/api/meetings?status=open', headers: bearer(resident) })).json();
    const open = list.items.find((m: { title: string }) => m.title === '云坝会：春晖苑加装电梯意见征集');
    expect(open).toMatchObject({ kind: 'online', status: 'open', councilName: '春晖社区评议会', councilLevel: 'community' });
    const page = (await t.app.inject({ method: 'GET', url: `/api/meetings/${open.id}`, headers: bearer(resident) })).json();
    expect(page.comments.length).toBeGreaterThanOrEqual(3);
    expect(page.comments.some((c: { authorName: string }) => /^.\*+$/.test(c.authorName))).toBe(true);
    const motion = page.motions[0];
    expect(motion).toMatchObject({ status: 'open', policies: ['vote'], myVote: { voted: false }, eligibility: { eligible: true } });
    expect(motion.castCount).toBe(7);
    expect(page.policies).toContain('attend');
    const v = await t.app.inject({ method: 'POST', url: `/api/meetings/${open.id}/votes`, headers: bearer(resident), payload: { motionId: motion.id, choice: 'for' } });
    expect(v.statusCode, v.body).toBe(201);
  });

  it('leaves past meetings closed with results and minutes, one cancelled, one coming', async () => {
    const staff = await t.login('community');
    const all = (await t.app.inject({ method: 'GET', url: '/api/meetings', headers: bearer(staff) })).json().items as { id: string; status: string; title: string }[];
    expect(all.map((m) => m.status).sort()).toEqual(['cancelled', 'closed', 'closed', 'closed', 'open', 'scheduled']);
    for (const m of all.filter((x) => x.status === 'closed')) {
      const page = (await t.app.inject({ method: 'GET', url: `/api/meetings/${m.id}`, headers: bearer(staff) })).json();
      expect(page.minutes, m.title).toBeTruthy();
      expect(page.attendance.count, m.title).toBeGreaterThan(5);
      expect(page.motions[0].result, m.title).not.toBeNull();
    }
    const parking = all.find((m) => m.title === '云坝会：小区停车位划线方案')!;
    const page = (await t.app.inject({ method: 'GET', url: `/api/meetings/${parking.id}`, headers: bearer(await t.login('resident')) })).json();
    expect(page.motions[0].rules.secret).toBe(true);
    expect(page.motions[0].myVote).toEqual({ voted: true, choice: null, channel: 'phone' });
  });

  it('has ideas with supports, some waiting to be screened, and last quarter\'s top ten published', async () => {
    const resident = await t.login('resident');
    const ideas = (await t.app.inject({ method: 'GET', url: '/api/ideas?limit=200', headers: bearer(resident) })).json().items as { status: string; supportCount: number; mine: boolean }[];
    expect(ideas.length).toBeGreaterThanOrEqual(18);
    expect(ideas.some((i) => i.status === 'submitted')).toBe(true);
    expect(ideas.some((i) => i.status === 'answered')).toBe(true);
    expect(ideas.some((i) => i.mine)).toBe(true);
    const top = (await t.app.inject({ method: 'GET', url: '/api/ideas/top', headers: bearer(resident) })).json();
    expect(top).toMatchObject({ quarter: '2026Q3', published: true });
    expect(top.items).toHaveLength(10);
    expect(top.items[0].supportCount).toBeGreaterThanOrEqual(top.items[9].supportCount);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { demoRosterStep } from '../../src/server/org/demo-roster.ts';
import { loadConfig } from '../../src/server/platform/config.ts';

/** The demo's duty roster: made by the roster's own save command, so the workbench names who is on duty at any hour. */
const NOW = new Date('2026-11-23T09:00:00+08:00'); // a Monday, 2026-W48

interface Slot { date: string; shift: string; people: { id: string; name: string }[] }
interface Roster { week: string; version: number; slots: Slot[]; onDuty: { date: string; slots: Slot[] } }

describe('the demo duty roster', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => t?.close());

  const run = (env: Record<string, string>) => demoRosterStep.run({ db: t.db, config: loadConfig(env), now: NOW, seed: 1 });
  const roster = async (token: string, week?: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/duty-roster${week ? `?week=${week}` : ''}`, headers: bearer(token) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Roster;
  };

  it('does nothing unless DEMO_HISTORY is on, and never in production', async () => {
    expect(await run({})).toBeNull();
    expect(await run({ NODE_ENV: 'production', DEMO_HISTORY: 'on' })).toBeNull();
    expect((await t.db.query<{ n: number }>('select count(*)::int as n from duty_roster_weeks')).rows[0]!.n).toBe(0);
  });

  it('fills the past weeks, this week and the next through the save command (audited), then nothing twice', async () => {
    expect(await run({ DEMO_HISTORY: 'on' })).toMatch(/^10 weeks/);
    const weeks = (await t.db.query<{ week: string }>('select week from duty_roster_weeks order by week')).rows.map((r) => r.week);
    expect(weeks[0]).toBe('2026-W40');
    expect(weeks.at(-1)).toBe('2026-W49');
    expect(weeks).toHaveLength(10);
    const audited = await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'duty_roster.save'`);
    expect(audited.rows[0]!.n).toBe(10);
    expect(await run({ DEMO_HISTORY: 'on' })).toBeNull();
  });

  it('shows the dispatcher a leader on duty and a shift at every hour of the week', async () => {
    t.clock.set(NOW);
    const week = await roster(await t.login('dispatcher'), '2026-W48');
    expect(week.slots).toHaveLength(21);
    for (const s of week.slots) expect(s.people.length, `${s.date} ${s.shift}`).toBeGreaterThan(0);
    expect(week.slots.filter((s) => s.shift === 'leader').every((s) => s.people[0]!.name === '陈志明')).toBe(true);
    expect(week.slots.some((s) => s.shift === 'day' && s.people.some((p) => p.name === '刘晓燕'))).toBe(true);
    for (const at of ['2026-11-23T03:00:00+08:00', '2026-11-24T12:00:00+08:00', '2026-11-28T22:00:00+08:00']) {
      t.clock.set(new Date(at));
      const now = await roster(await t.login('dispatcher'));
      expect(now.onDuty.slots.map((s) => s.shift).sort(), at).toEqual(['leader', /T(03|22)/.test(at) ? 'night' : 'day'].sort());
      for (const s of now.onDuty.slots) expect(s.people.length, `${at} ${s.shift}`).toBeGreaterThan(0);
    }
  });
});

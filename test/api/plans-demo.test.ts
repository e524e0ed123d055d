import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { seedDemoPlans, DEMO_GAUGE, type DemoPlansReport } from '../../src/server/plans/demo/demo-step.ts';

/**
 * 数字预案's demo: five plans of 春晖路街道 saved through the plans' commands, a water-level gauge on 跳蹬河, and three
 * incidents made through activation, ticks, level change and stand-down with the clock at each instant — a drill three
 * weeks ago (its review ready), a heat wave last week stood down with a step left, and a rockfall active today.
 */
const NOW = new Date('2026-11-23T09:00:00+08:00');

describe('the plans demo', () => {
  let t: TestApp;
  let report: DemoPlansReport;
  let seconds = 0;
  let leader: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    const started = performance.now();
    report = (await seedDemoPlans(t.db, { now: NOW, pii: t.app.pii }))!;
    seconds = (performance.now() - started) / 1000;
    leader = await t.login('leader');
  }, 300_000);
  afterAll(async () => t?.close());

  it('saves five plans and three incidents through the commands, nothing refused, in well under 10 s', async () => {
    console.log(`plans demo in ${seconds.toFixed(1)} s`, report);
    expect(report.failures).toEqual([]);
    expect(report.plans).toBe(5);
    expect(report.incidents).toBe(3);
    expect(seconds).toBeLessThan(10);
    const plans = (await t.app.inject({ method: 'GET', url: '/api/plans', headers: bearer(leader) })).json<{ items: { name: string; currentVersion: number; hazard: string }[] }>();
    expect(plans.items.map((p) => p.hazard).sort()).toEqual(['buildingCrack', 'flood', 'forestFire', 'geologicalHazard', 'heatWave']);
    expect(plans.items.find((p) => p.hazard === 'flood')!.currentVersion).toBe(2);
    // a second run adds nothing
    expect(await seedDemoPlans(t.db, { now: NOW, pii: t.app.pii })).toBeNull();
  });

  it('installs the gauge on 跳蹬河 with its published id and token', async () => {
    const d = (await t.db.query<{ device_type: string; binding_kind: string }>('select device_type, binding_kind from devices where id = $1', [DEMO_GAUGE.id])).rows[0];
    expect(d).toEqual({ device_type: 'waterLevelGauge', binding_kind: 'place' });
    // heard every 20 minutes since it was installed two days ago, the river below its warning level, no alarm
    const r = (await t.db.query<{ n: number; max: number }>(`select count(*)::int as n, max(value) as max from device_readings where device_id = $1`, [DEMO_GAUGE.id])).rows[0]!;
    expect(r.n).toBeGreaterThan(100);
    expect(r.max).toBeLessThan(3);
    expect((await t.db.query('select 1 from alarms where device_id = $1', [DEMO_GAUGE.id])).rows).toEqual([]);
  });

  it('leaves a stood-down drill, a stood-down heat wave with a step left, and an active rockfall with some steps done', async () => {
    const rows = (await t.db.query<{ hazard: string; drill: boolean; status: string; level: string; states: string[] }>(
      `select i.hazard, i.drill, i.status, i.level, array(select s.state from incident_steps s where s.incident_id = i.id order by s.seq) as states
         from incidents i order by i.activated_at`)).rows;
    expect(rows.map((r) => [r.hazard, r.drill, r.status, r.level])).toEqual([
      ['flood', true, 'closed', 'III'], ['heatWave', false, 'closed', 'IV'], ['geologicalHazard', false, 'active', 'III'],
    ]);
    expect(rows[0]!.states.every((s) => s === 'done')).toBe(true);
    expect(rows[1]!.states.filter((s) => s === 'left')).toHaveLength(1);
    expect(rows[2]!.states.filter((s) => s === 'done').length).toBeGreaterThanOrEqual(3);
    expect(rows[2]!.states).toContain('open');
    // each tick through handed its work order in, by the post's holder
    const handed = (await t.db.query<{ n: number }>(
      `select count(*)::int as n from incident_steps s join case_events e on e.case_id = s.case_id and e.action = 'report_done' where s.state = 'done'`)).rows[0]!.n;
    expect(handed).toBeGreaterThan(10);
  });

  it('answers the drill\'s review: the late step marked, the level raised, as JSON, PDF and Excel', async () => {
    const { id } = (await t.db.query<{ id: string }>(`select id from incidents where drill`)).rows[0]!;
    const res = await t.app.inject({ method: 'GET', url: `/api/incidents/${id}/review`, headers: bearer(leader) });
    expect(res.statusCode).toBe(200);
    const r = res.json<{ drill: boolean; levels: { from: string; to: string }[]; steps: { key: string; lateByMinutes: number | null; state: string }[]; totals: Record<string, number | string | null> }>();
    expect(r.drill).toBe(true);
    expect(r.levels).toEqual([expect.objectContaining({ from: 'IV', to: 'III' })]);
    expect(r.steps.find((s) => s.key === 'evacuate')!.lateByMinutes).toBe(12);
    expect(r.totals).toMatchObject({ steps: 7, doneLate: 1, doneOnTime: 6, left: 0, longestDelayStep: 'evacuate', longestDelayMinutes: 12, durationMinutes: 150 });
    const pdf = await t.app.inject({ method: 'GET', url: `/api/incidents/${id}/review?format=pdf`, headers: bearer(leader) });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // kept to look at (pdftoppm -png): the Chinese must render, the late step in red
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync('test-artifacts/plans-demo-review.pdf', pdf.rawPayload);
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="review-YA[^"]+\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(String(pdf.headers['content-disposition']).split("''")[1]!)).toMatch(/^YA.+演练复盘报告\.pdf$/);
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/incidents/${id}/review?format=xlsx`, headers: bearer(leader) });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses the review of the active incident (409) and keeps drills out of the real figures', async () => {
    const { id } = (await t.db.query<{ id: string }>(`select id from incidents where status = 'active'`)).rows[0]!;
    const res = await t.app.inject({ method: 'GET', url: `/api/incidents/${id}/review`, headers: bearer(leader) });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('INCIDENT_STATE_CONFLICT');
    const real = (await t.app.inject({ method: 'GET', url: '/api/incidents/figures?drill=false', headers: bearer(leader) })).json();
    expect(real).toMatchObject({ drill: false, count: 2, byHazard: [{ hazard: 'geologicalHazard', count: 1 }, { hazard: 'heatWave', count: 1 }] });
    const drills = (await t.app.inject({ method: 'GET', url: '/api/incidents/figures?drill=true', headers: bearer(leader) })).json();
    expect(drills).toMatchObject({ drill: true, count: 1, byHazard: [{ hazard: 'flood', count: 1 }], byLevel: [{ level: 'III', count: 1 }], onTimeRate: 0.857 });
    expect((await t.app.inject({ method: 'GET', url: '/api/incidents/figures', headers: bearer(leader) })).statusCode).toBe(400);
  });
});

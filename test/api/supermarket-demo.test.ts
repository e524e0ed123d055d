// The demo of 积分超市 and 志愿服务 (issue 16, H5): played through the commands after the registry's demo and the
// demo resident, quick, idempotent, and leaving every page something to show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { seedDemoRegistry } from '../../src/server/registry/demo/demo-step.ts';
import { ensureDemoResident } from '../../src/server/participation/demo/demo-resident.ts';
import { demoPointsLedger } from '../../src/server/points/demo/ledger-demo.ts';
import { demoSupermarket } from '../../src/server/points/demo/supermarket-demo.ts';
import { demoVolunteers } from '../../src/server/volunteers/demo/volunteers-demo.ts';
import { applyRule } from '../../src/server/points/ledger.ts';
import type { DemoContext } from '../../src/server/platform/capability.ts';

const NOW = new Date('2026-11-23T09:00:00+08:00');
const SEED = 20261123;

describe('the supermarket and volunteers demo', () => {
  let t: TestApp;
  let ctx: DemoContext;
  let lines: (string | null)[] = [];
  let seconds = { supermarket: 0, volunteers: 0 };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    await seedDemoRegistry(t.db, { now: NOW, seed: SEED, pii: t.app.pii });
    ctx = { db: t.db, config: t.config, now: NOW, seed: SEED };
    await ensureDemoResident(ctx);
    await demoPointsLedger(ctx);
    // until the ledger's demo gives the households their weeks of awards, give forty of them points six weeks ago
    if (!(await t.db.query(`select 1 from point_accounts where kind = 'household' and balance > 0 limit 1`)).rows.length) {
      const community = (await t.db.query<{ id: string }>(`select scope_org_unit_id as id from accounts where username = 'community'`)).rows[0]!.id;
      const hs = (await t.db.query<{ id: string }>(`select h.id from registry_households h join org_units o on o.id = $1
        where h.org_path like o.path || '%' and h.retired_at is null
        order by exists (select 1 from registry_residents r where r.household_id = h.id and r.name = '周淑芬') desc, h.id limit 40`, [community])).rows;
      await t.db.transaction(async (tx) => {
        for (const [i, h] of hs.entries()) {
          await applyRule(tx, {
            rule: { code: 'DEMO-BASE', name: '基础分', kind: 'base', points: 100 + (i % 5) * 60, subjectKind: 'household' },
            subject: { householdId: h.id }, orgUnitId: community, eventRef: 'demo:start', units: 1, at: new Date(NOW.getTime() - 44 * 86_400_000), by: null,
          });
        }
      });
    }
    let started = performance.now();
    lines.push(await demoSupermarket(ctx));
    seconds.supermarket = (performance.now() - started) / 1000;
    started = performance.now();
    lines.push(await demoVolunteers(ctx));
    seconds.volunteers = (performance.now() - started) / 1000;
  }, 900_000);
  afterAll(async () => t?.close());

  it('plays in seconds and a second run adds nothing', async () => {
    console.log(`supermarket demo ${seconds.supermarket.toFixed(1)} s, volunteers demo ${seconds.volunteers.toFixed(1)} s`, lines);
    expect(lines[0]).toContain('积分超市');
    expect(lines[1]).toContain('5 volunteer teams');
    // a bound that catches a step gone slow by an order on a shared machine, not a few seconds
    expect(seconds.supermarket + seconds.volunteers).toBeLessThan(60);
    expect(await demoSupermarket(ctx)).toBeNull();
    expect(await demoVolunteers(ctx)).toBeNull();
  });

  it('leaves goods, the five teams, done activities with hours and two open for the demo resident to sign up', async () => {
    const resident = await t.login('resident');
    const goods = await t.app.inject({ method: 'GET', url: '/api/points/goods', headers: bearer(resident) });
    expect(goods.json().items.length).toBe(10);
    const teams = (await t.app.inject({ method: 'GET', url: '/api/volunteers/teams', headers: bearer(resident) })).json().items;
    expect(teams.map((x: { name: string }) => x.name)).toEqual(['民聚红', '民兴金', '民和橙', '民康绿', '民安蓝']);
    expect(teams.find((x: { name: string }) => x.name === '民和橙').mine).toBe(true);
    const upcoming = (await t.app.inject({ method: 'GET', url: '/api/volunteers/activities?upcoming=true', headers: bearer(resident) })).json().items;
    expect(upcoming).toHaveLength(2);
    expect(upcoming.every((a: { policies: string[] }) => a.policies.includes('signUp'))).toBe(true);
    const all = (await t.app.inject({ method: 'GET', url: '/api/volunteers/activities?limit=200', headers: bearer(resident) })).json().items;
    expect(all.filter((a: { kind: string }) => a.kind === 'lecture').length).toBeGreaterThanOrEqual(4);
    expect(all.filter((a: { status: string }) => a.status === 'done').length).toBeGreaterThanOrEqual(15);
    const me = (await t.app.inject({ method: 'GET', url: '/api/volunteers/me', headers: bearer(resident) })).json();
    expect(me.hoursThisYear).toBeGreaterThan(0);
    // the books balance after the desk's weeks
    const unbalanced = await t.db.query('select transaction_id from point_entries group by transaction_id having sum(amount) <> 0');
    expect(unbalanced.rows).toEqual([]);
    const staff = await t.login('community');
    const reds = await t.app.inject({ method: 'GET', url: '/api/points/redemptions?limit=200', headers: bearer(staff) });
    const statuses = new Set(reds.json().items.map((x: { status: string }) => x.status));
    expect(reds.json().items.length).toBeGreaterThanOrEqual(8);
    expect([...statuses].sort()).toEqual(['cancelled', 'expired', 'pickedUp', 'reserved']);
    const mine = (await t.app.inject({ method: 'GET', url: '/api/points/redemptions?status=reserved', headers: bearer(resident) })).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0].pickupCode).toMatch(/^\d{6}$/);
  });
});

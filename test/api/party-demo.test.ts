import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { seedDemoRegistry } from '../../src/server/registry/demo/demo-step.ts';
import { demoParty, DEMO_COMMITMENTS } from '../../src/server/volunteers/demo/party-demo.ts';

/**
 * 党员亮身份、践承诺、评星级's demo: in 春晖社区, four 微阵地, every party member of the demo registry with last year's
 * commitments and stars and this year's commitments with the post where they serve — made through the party members'
 * commands as the community's staff, each audited; a second run adds nothing.
 */
const NOW = new Date('2026-11-23T09:00:00+08:00');
const SEED = 20261123;

describe('the party members demo', () => {
  let t: TestApp;
  let line: string | null;
  let seconds = 0;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    await seedDemoRegistry(t.db, { now: NOW, seed: SEED, pii: t.app.pii });
    const started = performance.now();
    line = await demoParty({ db: t.db, config: t.config, now: NOW, seed: SEED });
    seconds = (performance.now() - started) / 1000;
  }, 900_000);
  afterAll(async () => t?.close());

  it('makes posts, commitments and stars in seconds; a second run adds nothing', async () => {
    console.log(`party demo in ${seconds.toFixed(1)} s: ${line}`);
    expect(line).toMatch(/^4 微阵地, \d+ party members' commitments for 2026, \d+ rated for 2025$/);
    expect(seconds).toBeLessThan(30);
    expect(await demoParty({ db: t.db, config: t.config, now: NOW, seed: SEED })).toBeNull();
    expect((await t.db.query('select count(*)::int as n from party_posts')).rows[0]).toEqual({ n: 4 });
  });

  it('every party member of 春晖社区 has this year\'s commitments and last year\'s stars, audited', async () => {
    const rows = (await t.db.query<{ members: number; this_year: number; rated_last_year: number; posted: number }>(
      `select count(*)::int as members,
              count(*) filter (where exists (select 1 from party_commitments c where c.resident_id = r.id and c.year = 2026))::int as this_year,
              count(*) filter (where exists (select 1 from party_commitments c where c.resident_id = r.id and c.year = 2025 and c.stars between 1 and 5))::int as rated_last_year,
              count(*) filter (where exists (select 1 from party_commitments c where c.resident_id = r.id and c.year = 2026 and c.post_id is not null))::int as posted
         from registry_residents r join org_units c on c.name = '春晖社区' and r.org_path like c.path || '%'
        where r.party_member and r.left_at is null`)).rows[0]!;
    expect(rows.members).toBeGreaterThan(5);
    expect(rows).toEqual({ members: rows.members, this_year: rows.members, rated_last_year: rows.members, posted: rows.members });
    const commitments = (await t.db.query<{ commitments: string[] }>('select commitments from party_commitments')).rows.flatMap((r) => r.commitments);
    expect(commitments.every((c) => (DEMO_COMMITMENTS as readonly string[]).includes(c))).toBe(true);
    const audit = (await t.db.query<{ action: string; n: number }>(
      `select action, count(*)::int as n from audit_log where action like 'party.%' group by 1 order by 1`)).rows;
    expect(audit).toEqual([
      { action: 'party.commitments.save', n: rows.members * 2 },
      { action: 'party.post.create', n: 4 },
      { action: 'party.stars.rate', n: rows.members },
    ]);
  });

  it('the community\'s staff see them with names, their posts and last year\'s stars', async () => {
    const staff = await t.app.inject({ method: 'GET', url: '/api/volunteers/party-members', headers: bearer(await t.login('community')) });
    const items = staff.json().items as { name: string; commitments: string[]; postName: string | null }[];
    expect(items.length).toBeGreaterThan(5);
    expect(items.every((m) => m.commitments.length >= 2 && m.postName !== null)).toBe(true);
    const lastYear = await t.app.inject({ method: 'GET', url: '/api/volunteers/party-members?year=2025', headers: bearer(await t.login('community')) });
    expect((lastYear.json().items as { stars: number | null }[]).every((m) => m.stars !== null)).toBe(true);
    const posts = await t.app.inject({ method: 'GET', url: '/api/volunteers/party-posts', headers: bearer(await t.login('gridworker')) });
    expect((posts.json().items as { name: string; members: number }[]).map((p) => p.name)).toEqual(expect.arrayContaining(['春晖社区党群服务中心', '春晖苑党员先锋岗']));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { demoRegistryStep, seedDemoRegistry, type DemoRegistryReport } from '../../src/server/registry/demo/demo-step.ts';
import { planGridRegistry } from '../../src/server/registry/demo/registry-plan.ts';
import { buildDemoDistrict } from '../../src/server/platform/seed/demo-town.ts';
import { parseIdNumber } from '../../src/domain/registry/id-number.ts';
import { loadConfig } from '../../src/server/platform/config.ts';

/**
 * The demo registry: made through the registry's own commands at their instants, so the grid worker's pages show what
 * real use would have left — a few hundred households in their flats, ID numbers that hold, key populations where the
 * ages and households say they should be, risk points with their inspections and hazard ledger, all inside his grid.
 */
const NOW = new Date('2026-11-23T09:00:00+08:00');
const SEED = 20_261_123;
const TODAY = '2026-11-23';

interface Page<T> { items: T[]; total: number | null }
interface Resident { id: string; name: string; gender: string; birthDate: string; idNumber: string; phone: string | null; householdId: string | null; gridId: string; tags: string[]; partyMember: boolean; leftAt: string | null }
interface Household { id: string; memberCount: number; gridId: string; buildingId: string | null; tags: string[] }

const ageOn = (birthDate: string) => {
  const age = Number(TODAY.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return TODAY.slice(5) < birthDate.slice(5) ? age - 1 : age;
};

describe('the demo registry', () => {
  let t: TestApp;
  let report: DemoRegistryReport;
  let seconds = 0;
  let worker: string;
  let community: string;
  const get = async <T>(token: string, url: string): Promise<T> => {
    const res = await t.app.inject({ method: 'GET', url, headers: bearer(token) });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json() as T;
  };
  const all = async <T>(token: string, path: string): Promise<T[]> => {
    const items: T[] = [];
    for (let page = 1; ; page++) {
      const p = await get<Page<T>>(token, `${path}${path.includes('?') ? '&' : '?'}pageSize=500&page=${page}`);
      items.push(...p.items);
      if (p.items.length < 500) return items;
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    const started = performance.now();
    report = (await seedDemoRegistry(t.db, { now: NOW, seed: SEED, pii: t.app.pii }))!;
    seconds = (performance.now() - started) / 1000;
    t.clock.set(NOW);
    worker = await t.login('gridworker');
    community = await t.login('community');
  }, 300_000);
  afterAll(async () => t?.close());

  it('records two grids of 春晖社区 through the commands, none refused, in a few seconds', () => {
    console.log(`demo registry: ${report.commands} commands in ${seconds.toFixed(1)} s`, report.grids);
    expect(report.failures).toEqual([]);
    expect(report.grids.map((g) => g.name)).toEqual(['春晖社区第1网格', '春晖社区第2网格']);
    const [main, second] = report.grids;
    expect(main!.households).toBeGreaterThanOrEqual(280);
    expect(main!.households).toBeLessThanOrEqual(320);
    expect(main!.residents).toBeGreaterThanOrEqual(850);
    expect(main!.residents).toBeLessThanOrEqual(960);
    expect(second!.households).toBeGreaterThanOrEqual(50);
    expect(second!.households).toBeLessThan(main!.households / 3);
  });

  it('shows the grid worker his grid\'s numbers in the lists, and only his grid', async () => {
    const residents = await get<Page<Resident>>(worker, '/api/registry/residents?pageSize=1');
    const households = await get<Page<Household>>(worker, '/api/registry/households?pageSize=1');
    const buildings = await get<Page<unknown>>(worker, '/api/registry/buildings?pageSize=1');
    const places = await get<Page<unknown>>(worker, '/api/registry/places?pageSize=1');
    const things = await get<Page<unknown>>(worker, '/api/registry/things?pageSize=1');
    const main = report.grids[0]!;
    // two residents left in the last weeks (a death, a move): out of the list
    expect(residents.total).toBe(main.residents - 2);
    expect(households.total).toBe(main.households);
    expect(buildings.total).toBe(main.buildings);
    expect(places.total).toBeGreaterThanOrEqual(10);
    expect(things.total).toBeGreaterThanOrEqual(15);
    const grid = (await t.db.query<{ id: string; path: string }>(`select s.id, s.path from accounts a join org_units s on s.id = a.scope_org_unit_id where a.username = 'gridworker'`)).rows[0]!;
    const inDb = await t.db.query<{ grid_id: string; org_path: string }>('select grid_id, org_path from registry_residents where grid_id = $1', [grid.id]);
    expect(inDb.rows.length).toBe(main.residents);
    for (const r of inDb.rows) expect(r.org_path).toBe(grid.path);
    const listed = await all<Resident>(worker, '/api/registry/residents');
    expect(new Set(listed.map((r) => r.gridId))).toEqual(new Set([grid.id]));
  });

  it('leaves one audit entry per change, the whole chain verifying (many entries a transaction: a day\'s commands)', async () => {
    const changes = (await t.db.query<{ n: number }>('select count(*)::int as n from registry_changes')).rows[0]!.n;
    const entries = (await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action like 'registry.%'`)).rows[0]!.n;
    expect(entries).toBe(changes);
    expect(await get(await t.login('auditor'), '/api/audit/verify')).toMatchObject({ ok: true, brokenAt: null });
  });

  it('places every building, place and thing inside the grid\'s boundary', async () => {
    const grid = (await t.db.query<{ id: string }>(`select scope_org_unit_id as id from accounts where username = 'gridworker'`)).rows[0]!.id;
    const points = (await t.db.query<{ lng: number; lat: number; what: string }>(
      `select lng, lat, name as what from registry_buildings where grid_id = $1
       union all select lng, lat, name from registry_places where grid_id = $1
       union all select lng, lat, name from registry_things where grid_id = $1`, [grid])).rows;
    expect(points.length).toBeGreaterThan(30);
    for (const p of points) {
      const at = await get<{ grid: { id: string } }>(worker, `/api/org-units/locate?lng=${p.lng}&lat=${p.lat}`);
      expect(at.grid.id, p.what).toBe(grid);
    }
  });

  it('draws each building as units × floors × rooms, some rooms lived in and some not, old people alone marked', async () => {
    interface Room { roomNo: string; householdId: string | null; memberCount: number; tags: string[] }
    interface Layout { building: { name: string; units: number; floors: number; roomsPerFloor: number }; units: { floors: { rooms: Room[] }[] }[] }
    const buildings = await get<Page<{ id: string }>>(worker, '/api/registry/buildings?pageSize=50');
    let alone = 0;
    for (const b of buildings.items) {
      const layout = await get<Layout>(worker, `/api/registry/buildings/${b.id}/layout`);
      const rooms = layout.units.flatMap((u) => u.floors.flatMap((f) => f.rooms));
      expect(rooms.length, layout.building.name).toBe(layout.building.units * layout.building.floors * layout.building.roomsPerFloor);
      const lived = rooms.filter((r) => r.householdId !== null);
      expect(lived.length, layout.building.name).toBeGreaterThan(rooms.length * 0.4);
      expect(lived.length, layout.building.name).toBeLessThan(rooms.length);
      alone += rooms.filter((r) => r.tags.includes('elderly_alone')).length;
    }
    expect(buildings.items.length).toBeGreaterThanOrEqual(6);
    expect(alone).toBeGreaterThanOrEqual(15);
  });

  it('gives every resident a valid ID number that agrees with the birth date and gender, no two alike', async () => {
    const rows = (await t.db.query<{ id_number: string; birth_date: string; gender: string; id_number_masked: string }>(
      `select id_number, to_char(birth_date, 'YYYY-MM-DD') as birth_date, gender, id_number_masked from registry_residents`)).rows;
    const seen = new Set<string>();
    for (const r of rows) {
      const id = t.app.pii.decrypt(r.id_number);
      const parsed = parseIdNumber(id, TODAY);
      expect(parsed.ok, id).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.regionCode).toMatch(/^5001\d\d$/);
      expect(parsed.birthDate).toBe(r.birth_date);
      expect(parsed.gender).toBe(r.gender);
      expect(r.id_number_masked).toBe(`${id.slice(0, 3)}***********${id.slice(-4)}`);
      seen.add(id);
    }
    expect(seen.size).toBe(rows.length);
  });

  it('tags key populations where ages and households say so, in a realistic mix', async () => {
    const residents = await all<Resident>(worker, '/api/registry/residents');
    const households = new Map((await all<Household>(worker, '/api/registry/households')).map((h) => [h.id, h]));
    const n = residents.length;
    const share = (f: (r: Resident) => boolean) => residents.filter(f).length / n;
    const tagged = (tag: string) => residents.filter((r) => r.tags.includes(tag));
    for (const r of tagged('elderly_alone')) {
      expect(ageOn(r.birthDate), r.name).toBeGreaterThanOrEqual(70);
      expect(households.get(r.householdId!)!.memberCount, r.name).toBe(1);
    }
    for (const r of tagged('child_left_behind')) expect(ageOn(r.birthDate)).toBeLessThan(18);
    for (const r of tagged('elderly_80plus')) expect(ageOn(r.birthDate)).toBeGreaterThanOrEqual(80);
    expect(tagged('elderly_alone').length).toBeGreaterThanOrEqual(15);
    expect(tagged('child_left_behind').length).toBeGreaterThanOrEqual(5);
    expect(share((r) => ageOn(r.birthDate) >= 60)).toBeGreaterThan(0.2);
    expect(share((r) => r.tags.includes('disabled'))).toBeGreaterThan(0.01);
    expect(share((r) => r.tags.includes('disabled'))).toBeLessThan(0.04);
    expect(share((r) => r.tags.includes('subsistence'))).toBeGreaterThan(0.015);
    expect(share((r) => r.tags.includes('subsistence'))).toBeLessThan(0.05);
    expect(share((r) => r.partyMember)).toBeGreaterThan(0.05);
    expect(share((r) => r.partyMember)).toBeLessThan(0.12);
    const adults = residents.filter((r) => ageOn(r.birthDate) >= 18);
    expect(adults.filter((r) => r.phone !== null).length / adults.length).toBeGreaterThan(0.8);
    expect(residents.filter((r) => ageOn(r.birthDate) < 16).every((r) => r.phone === null)).toBe(true);
    expect(new Set(residents.map((r) => r.name)).size).toBeGreaterThan(n * 0.75);
  });

  it('keeps risk points with inspections, some overdue, and a facade-tile ledger naming flats with its follow-ups', async () => {
    interface Thing { id: string; kind: string; riskLevel: string; inspectionEveryDays: number | null; lastInspectedOn: string | null; nextInspectionOn: string | null }
    const things = await all<Thing>(worker, '/api/registry/things');
    expect(new Set(things.map((x) => x.kind))).toEqual(new Set(['hydrant', 'manhole', 'retainingWall', 'facade', 'slope', 'other']));
    expect(things.every((x) => x.lastInspectedOn !== null)).toBe(true);
    const overdue = things.filter((x) => x.nextInspectionOn !== null && x.nextInspectionOn < TODAY);
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    expect(overdue.length).toBeLessThan(things.length / 2);
    const facade = things.find((x) => x.kind === 'facade' && x.riskLevel === 'major')!;
    interface FollowUp { actionTaken: string | null; nextCheckOn: string | null; status: string }
    interface Hazard { description: string; householdIds: string[]; status: string; followUps: FollowUp[]; nextCheckOn: string | null }
    const detail = await get<{ inspections: { result: string }[]; hazards: Hazard[] }>(worker, `/api/registry/things/${facade.id}`);
    expect(detail.inspections.length).toBeGreaterThanOrEqual(4);
    expect(detail.inspections.some((i) => i.result === 'hazard')).toBe(true);
    const ledger = detail.hazards[0]!;
    expect(ledger.description).toMatch(/外墙瓷砖空鼓/);
    expect(ledger.householdIds.length).toBeGreaterThan(0);
    expect(ledger.status).toBe('open');
    expect(ledger.nextCheckOn! > TODAY).toBe(true);
    expect(ledger.followUps.length).toBeGreaterThanOrEqual(3);
    // the household file of a flat it names shows the entry and the household's history
    const file = await get<{ hazards: Hazard[]; history: { action: string }[]; members: unknown[] }>(worker, `/api/registry/households/${ledger.householdIds[0]}`);
    expect(file.hazards.some((h) => h.description === ledger.description)).toBe(true);
    expect(file.members.length).toBeGreaterThan(0);
    expect(file.history.length).toBeGreaterThan(0);
  });

  it('dates records over the past weeks, each change at its own instant', async () => {
    const r = (await t.db.query<{ first: Date; last: Date; days: number; actions: string[] }>(
      `select min(at) as first, max(at) as last, count(distinct (at at time zone 'Asia/Shanghai')::date)::int as days,
              array_agg(distinct action) as actions from registry_changes`)).rows[0]!;
    expect(NOW.getTime() - r.first.getTime()).toBeGreaterThan(40 * 86_400_000);
    expect(r.last.getTime()).toBeLessThan(NOW.getTime());
    expect(r.days).toBeGreaterThan(20);
    expect(r.actions).toEqual(expect.arrayContaining(['create', 'update', 'leave', 'inspect']));
    const audit = (await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action like 'registry.%'`)).rows[0]!.n;
    expect(audit).toBeGreaterThanOrEqual(report.commands);
  });

  it('lets the community\'s staff see both grids', async () => {
    const both = await get<Page<Resident>>(community, '/api/registry/residents?pageSize=500');
    const grids = new Set((await all<Resident>(community, '/api/registry/residents')).map((r) => r.gridId));
    expect(grids.size).toBe(2);
    expect(both.total).toBe(report.grids[0]!.residents - 2 + report.grids[1]!.residents);
  });

  it('does nothing a second time, nor unless DEMO_HISTORY is on, nor in production', async () => {
    const run = (env: Record<string, string>) => demoRegistryStep.run({ db: t.db, config: loadConfig({ ...env, DATA_DIR: t.config.dataDir }), now: NOW, seed: SEED });
    expect(await run({})).toBeNull();
    expect(await run({ NODE_ENV: 'production', DEMO_HISTORY: 'on' })).toBeNull();
    expect(await run({ DEMO_HISTORY: 'on' })).toBeNull();
  });

  it('plans the same registry from the same seed and a different one from another', () => {
    const d = buildDemoDistrict();
    const geometry = d.units.find((u) => u.id === d.demoGridId)!.geometry!;
    const spec = { geometry, street: '春晖路', main: true, estates: [{ name: '春晖苑', address: '春晖路168号', kind: 'new' as const, households: 40 }] };
    const a = planGridRegistry(SEED, 'x', spec, NOW);
    expect(planGridRegistry(SEED, 'x', spec, NOW)).toEqual(a);
    expect(planGridRegistry(SEED + 1, 'x', spec, NOW)).not.toEqual(a);
  });
});

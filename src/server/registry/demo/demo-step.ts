import { demoSwitches, type DemoStep } from '../../platform/capability.ts';
import type { Db, Tx } from '../../platform/db/db.ts';
import { PiiCipher, loadPiiKey } from '../../platform/pii-cipher.ts';
import type { Principal } from '../../platform/auth.ts';
import { territorialScope } from '../../../domain/identity/scope.ts';
import { shanghaiDayNumber } from '../../../domain/sla/working-calendar.ts';
import { GridLocatorCache } from '../../org/locator-cache.ts';
import { reachOf, type Reach } from '../reach.ts';
import type { RegistryActor } from '../change-log.ts';
import { listTagCatalog, type TagRow } from '../tags-store.ts';
import { createBuilding } from '../save-building.ts';
import { createHousehold, updateHousehold } from '../save-household.ts';
import { createResident, leaveResident, updateResident } from '../save-resident.ts';
import { createPlace, createThing, inspectThing } from '../save-place-thing.ts';
import { createHazard, updateHazard } from '../save-hazard.ts';
import { planGridRegistry, type DemoOp, type GridSpec } from './registry-plan.ts';
import * as store from './demo-store.ts';

/** Who records each grid's registry: the demo grid worker his grid, the community's staff member the grid beside it. */
const GRID_WORKER = 'gridworker';
const COMMUNITY_STAFF = 'community';

/** The estates of the demo grid worker's grid (~300 households) and of the smaller grid beside it (~60). */
const MAIN_GRID: Omit<GridSpec, 'geometry'> = {
  street: '春晖路', main: true,
  estates: [
    { name: '春晖苑', address: '春晖路168号', kind: 'new', households: 160 },
    { name: '钢花新村', address: '春晖路96号', kind: 'old', households: 140 },
  ],
};
const SECOND_GRID: Omit<GridSpec, 'geometry'> = {
  street: '春晖路', main: false,
  estates: [{ name: '春晖二村', address: '春晖路22号', kind: 'old', households: 60 }],
};

export interface DemoRegistryReport {
  grids: { name: string; buildings: number; households: number; residents: number }[];
  commands: number;
  /** commands refused or failed (none expected: kept to see it when the registry's rules change) */
  failures: string[];
}

interface Services {
  pii: PiiCipher;
  locator: GridLocatorCache;
  catalog: TagRow[];
  ids: Map<string, string>;
}

/** The account as a signed-in session would present it to the registry's commands. */
export function reachOfAccount(a: store.DemoAccount): Reach {
  const principal: Principal = {
    accountId: a.id, username: a.username, name: a.name, kind: 'staff', roles: a.roles, scopeOrgUnitId: a.scope_org_unit_id,
    scopePath: territorialScope(a.roles, a.scope_path), homeOrgUnitId: null, posts: [],
    grids: a.grid_ids.map((grid_id) => ({ grid_id, team_role: 'fullTime' })), departmentIds: [], mustChangePassword: false, tokenHash: '',
  };
  return reachOf(principal);
}

/** One planned command through the registry's own command, at the op's instant; ids of what it made kept by key. */
async function apply(tx: Tx, s: Services, reach: Reach, op: DemoOp, made: Map<string, string>): Promise<void> {
  const who: RegistryActor = { reach, ip: '127.0.0.1', now: op.at };
  const id = (kind: string, key: string | null) => {
    if (key === null) return null;
    const found = made.get(`${kind}:${key}`) ?? s.ids.get(`${kind}:${key}`);
    if (!found) throw new Error(`the demo registry has no ${kind} ${key}`);
    return found;
  };
  switch (op.kind) {
    case 'building':
      made.set(`building:${op.key}`, await createBuilding(tx, s.locator, who, op.body));
      return;
    case 'household':
      made.set(`household:${op.key}`, await createHousehold(tx, s.locator, who, { ...op.body, buildingId: id('building', op.buildingKey) }));
      return;
    case 'resident':
      made.set(`resident:${op.key}`, await createResident(tx, s.pii, who, s.catalog, { ...op.body, householdId: id('household', op.householdKey) }));
      return;
    case 'place':
      await createPlace(tx, s.pii, s.locator, who, { ...op.body, buildingId: id('building', op.buildingKey) });
      return;
    case 'thing':
      made.set(`thing:${op.key}`, await createThing(tx, s.locator, who, { ...op.body, buildingId: id('building', op.buildingKey) }));
      return;
    case 'inspection':
      await inspectThing(tx, who, id('thing', op.thingKey)!, op.body);
      return;
    case 'hazard':
      made.set(`hazard:${op.key}`, await createHazard(tx, who, {
        ...op.body, thingId: id('thing', op.thingKey), buildingId: id('building', op.buildingKey),
        householdIds: op.householdKeys.map((k) => id('household', k)!),
      }));
      return;
    case 'hazardUpdate': {
      const hazardId = id('hazard', op.hazardKey)!;
      await updateHazard(tx, who, hazardId, { ...op.patch, version: await store.versionOf(tx, 'registry_hazards', hazardId) });
      return;
    }
    case 'residentUpdate': {
      const residentId = id('resident', op.residentKey)!;
      await updateResident(tx, s.pii, who, s.catalog, residentId, { ...op.patch, version: await store.versionOf(tx, 'registry_residents', residentId) });
      return;
    }
    case 'residentLeave':
      await leaveResident(tx, who, id('resident', op.residentKey)!, op.body);
      return;
    case 'householdUpdate': {
      const householdId = id('household', op.householdKey)!;
      await updateHousehold(tx, s.locator, who, householdId, {
        ...op.patch, ...(op.headResidentKey ? { headResidentId: id('resident', op.headResidentKey) } : {}),
        version: await store.versionOf(tx, 'registry_households', householdId),
      });
      return;
    }
  }
}

/**
 * Runs a grid's plan: the commands of one day in one transaction (a few dozen commits for the whole registry, not
 * thousands). Should a day's batch fail, its commands run again one by one, so one refusal costs only itself (and what
 * depends on it), and is reported.
 */
async function runPlan(db: Db, s: Services, reach: Reach, ops: readonly DemoOp[], report: DemoRegistryReport): Promise<void> {
  const days = new Map<number, DemoOp[]>();
  for (const op of ops) {
    const day = shanghaiDayNumber(op.at);
    if (!days.has(day)) days.set(day, []);
    days.get(day)!.push(op);
  }
  let n = 0;
  for (const batch of days.values()) {
    // fresh statistics now and then as the tables fill (PGlite has no autovacuum): the commands' look-ups keep to their indexes
    if (n++ % 8 === 1) await store.analyzeRegistry(db);
    const made = new Map<string, string>();
    try {
      await db.transaction(async (tx) => {
        for (const op of batch) await apply(tx, s, reach, op, made);
      });
      for (const [k, v] of made) s.ids.set(k, v);
      report.commands += batch.length;
    } catch {
      for (const op of batch) {
        const one = new Map<string, string>();
        try {
          await db.transaction((tx) => apply(tx, s, reach, op, one));
          for (const [k, v] of one) s.ids.set(k, v);
          report.commands++;
        } catch (e) {
          report.failures.push(`${op.kind} at ${op.at.toISOString()}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    }
  }
}

/**
 * The demo registry: the demo grid worker's grid (buildings, ~300 households, ~900 residents, places, risk points with
 * their inspections and hazard ledger, the recent changes) and a smaller registry of another grid of the same community,
 * so its staff see more than one grid. Made through the registry's commands, each at its own instant before `now`.
 * Deterministic for a seed and `now`; adds nothing to a grid that has a registry already.
 */
export async function seedDemoRegistry(db: Db, o: { now: Date; seed: number; pii: PiiCipher }): Promise<DemoRegistryReport | null> {
  const worker = await store.findDemoAccount(db, GRID_WORKER);
  const staff = await store.findDemoAccount(db, COMMUNITY_STAFF);
  if (!worker?.scope_org_unit_id || !staff?.scope_org_unit_id) return null;
  const main = await store.findGrid(db, worker.scope_org_unit_id);
  if (!main?.geometry) return null;
  const second = (await store.listSiblingGrids(db, main.parent_id, main.id))[0] ?? null;
  const townId = await store.townOfPath(db, main.path);
  // a locator that answers from memory during the step (the org tree does not change meanwhile): no query inside a batch
  const locator = new GridLocatorCache(db, Number.POSITIVE_INFINITY);
  await locator.current();
  const s: Services = { pii: o.pii, locator, catalog: await listTagCatalog(db, townId), ids: new Map() };
  const report: DemoRegistryReport = { grids: [], commands: 0, failures: [] };
  const grids = [
    { grid: main, spec: MAIN_GRID, account: worker },
    ...(second ? [{ grid: second, spec: SECOND_GRID, account: staff }] : []),
  ];
  for (const { grid, spec, account } of grids) {
    if (!grid.geometry || (await store.gridHasRegistry(db, grid.id))) continue;
    const plan = planGridRegistry(o.seed, grid.code, { ...spec, geometry: grid.geometry }, o.now);
    await runPlan(db, s, reachOfAccount(account), plan.ops, report);
    report.grids.push({ name: grid.name, buildings: plan.buildings, households: plan.households, residents: plan.residents });
  }
  return report.grids.length > 0 ? report : null;
}

/** The registry capability's demo: the grid worker's grid and one beside it, recorded over the past weeks. */
export const demoRegistryStep: DemoStep = {
  name: 'demo registry',
  run: async ({ db, config, now, seed, progress }) => {
    if (!demoSwitches(config).history) return null;
    const started = performance.now();
    progress?.('recording the demo grids\' registry (once)…');
    const report = await seedDemoRegistry(db, { now, seed, pii: new PiiCipher(loadPiiKey(config.dataDir)) });
    if (!report) return null;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const grids = report.grids.map((g) => `${g.name}: ${g.buildings} buildings, ${g.households} households, ${g.residents} residents`).join('; ');
    return `${grids}; ${report.commands} commands in ${seconds} s${report.failures.length ? ` (${report.failures.length} refused: ${report.failures[0]})` : ''}`;
  },
};

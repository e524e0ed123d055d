import type { DutyLevel, ListType } from '../../shared/duties.ts';

/**
 * The burden of a level (越往下越简单: the point is to keep the bottom light), in hours a month for one doer of the
 * level — the town's office, one community's staff, one grid worker: Σ over the items the level does itself or
 * assists (visits a month × minutes a visit); items withdrawn to a department (部门收回) weigh nothing. A grid worker
 * adds the load the registry sets: key people visited by their tag's frequency, risk points inspected by their
 * interval, each building checked monthly, shared among the town's grid workers.
 */

export interface BurdenItem {
  level: DutyLevel;
  listType: ListType;
  visitsPerMonth: number;
  minutesPerVisit: number;
}

/** The registry of one town as plain counts (one SQL query reads them). */
export interface RegistryCounts {
  /** full- and part-time grid workers with an account, on the town's grid teams */
  gridWorkers: number;
  /** tagged residents by the shortest visit interval among their tags (days) */
  keyPeople: readonly { everyDays: number; residents: number }[];
  /** risk points (things) by their inspection interval (days) */
  riskPoints: readonly { everyDays: number; things: number }[];
  buildings: number;
}

/** Minutes one registry-driven visit takes (a key-person visit, a risk-point inspection, a building's monthly check). */
export interface RegistryMinutes { keyVisit: number; inspection: number; buildingCheck: number }
export const REGISTRY_MINUTES: RegistryMinutes = { keyVisit: 30, inspection: 20, buildingCheck: 15 };

/** Days in the month the burden counts: a visit every 7 days is 30/7 visits a month. */
const MONTH_DAYS = 30;

/** Hours a month an item adds to its level's doer: nothing when withdrawn to a department. */
export function itemHours(item: Pick<BurdenItem, 'listType' | 'visitsPerMonth' | 'minutesPerVisit'>): number {
  return item.listType === 'withdrawn' ? 0 : (item.visitsPerMonth * item.minutesPerVisit) / 60;
}

export interface RegistryLoad {
  gridWorkers: number;
  keyPeople: number;
  riskPoints: number;
  buildings: number;
  /** visits a month, per grid worker */
  keyVisits: number;
  inspections: number;
  buildingChecks: number;
  hours: number;
}

/** The registry's load on one grid worker a month (all of it on one when the town has none). */
export function registryLoad(c: RegistryCounts, minutes: RegistryMinutes = REGISTRY_MINUTES): RegistryLoad {
  const share = Math.max(1, c.gridWorkers);
  const keyVisits = c.keyPeople.reduce((n, k) => n + (k.residents * MONTH_DAYS) / k.everyDays, 0) / share;
  const inspections = c.riskPoints.reduce((n, k) => n + (k.things * MONTH_DAYS) / k.everyDays, 0) / share;
  const buildingChecks = c.buildings / share;
  return {
    gridWorkers: c.gridWorkers,
    keyPeople: c.keyPeople.reduce((n, k) => n + k.residents, 0),
    riskPoints: c.riskPoints.reduce((n, k) => n + k.things, 0),
    buildings: c.buildings,
    keyVisits, inspections, buildingChecks,
    hours: (keyVisits * minutes.keyVisit + inspections * minutes.inspection + buildingChecks * minutes.buildingCheck) / 60,
  };
}

export interface LevelBurden {
  /** items the level does or assists (withdrawn ones not counted) */
  items: number;
  catalogHours: number;
  /** the registry's load (grid level only) */
  registry: RegistryLoad | null;
  hours: number;
}

/** The burden of each level from the town's current items and its registry. */
export function catalogBurden(items: readonly BurdenItem[], registry: RegistryCounts, minutes: RegistryMinutes = REGISTRY_MINUTES): Record<DutyLevel, LevelBurden> {
  const level = (l: DutyLevel): LevelBurden => {
    const mine = items.filter((i) => i.level === l && i.listType !== 'withdrawn');
    const catalogHours = mine.reduce((h, i) => h + itemHours(i), 0);
    const load = l === 'grid' ? registryLoad(registry, minutes) : null;
    return { items: mine.length, catalogHours, registry: load, hours: catalogHours + (load?.hours ?? 0) };
  };
  return { town: level('town'), community: level('community'), grid: level('grid') };
}

/** What an admission would do to its level's burden: the hours before, added, and after. */
export function admissionEffect(beforeHours: number, proposal: Pick<BurdenItem, 'listType' | 'visitsPerMonth' | 'minutesPerVisit'>): { before: number; added: number; after: number } {
  const added = itemHours(proposal);
  return { before: beforeHours, added, after: beforeHours + added };
}

import type { Db } from '../../platform/db/db.ts';
import type { PiiCipher } from '../../platform/pii-cipher.ts';
import { GridLocatorCache } from '../../org/locator-cache.ts';
import { WorkingCalendarCache, loadWorkingCalendar } from '../../calendar/calendar-cache.ts';
import { storeDemoPhotos } from '../../files/demo-photos.ts';
import type { BlobStore } from '../../files/blob-store.ts';
import { applyCaseAction } from '../apply-case-action.ts';
import { reportCase, type ReportInput } from '../report-case.ts';
import { sweepSla } from '../sweep-sla.ts';
import * as store from '../store.ts';
import { Cast } from './demo-cast.ts';
import { countCasesOfTown, findTownByCode, listCasesChangedAt, listGridsOfTown, nextCheckOfAll } from './demo-store.ts';
import { DEMO_SCENES, planHistory, type CasePlan, type PlanPlace } from './history-plan.ts';
import { newProgress, nextStep, type CaseProgress, type NextStep, type PhotoPool } from './next-step.ts';
import { Random } from './random.ts';

/** 春晖路街道, the demo's urban town: its dispatcher, handler, community staff, grid worker and resident act in the history. */
export const DEMO_TOWN_CODE = '500199001000';
export const DEMO_SEED = 20_261_123;

export interface HistoryOptions {
  /** the end of the history: the town looks as if it had been running until this instant */
  now: Date;
  seed: number;
  days?: number;
  /** reports on an ordinary weekday (weekends have about half) */
  perWeekday?: number;
  blobs: BlobStore;
  pii: PiiCipher;
}

export interface HistoryReport {
  cases: number;
  actions: number;
  sweeps: number;
  /** commands the lifecycle refused or that failed (none expected; kept to see it when the case loop changes) */
  failures: string[];
  byStatus: Record<string, number>;
}

type Event =
  | { at: number; seq: number; kind: 'report'; plan: CasePlan }
  | { at: number; seq: number; kind: 'act'; caseId: string; version: number; step: NextStep };

const MINUTE = 60_000;

/**
 * Two months of a running township, made the way real use makes them: every report goes through intake and every step
 * through the case action command, each at its own instant of a clock that advances through the days, and the SLA sweep
 * runs whenever a light or a rule falls due (as its every-minute job would have), so lights, overdue notes, automatic
 * escalations and resumed suspensions are what the rules produce. Deterministic: the same seed and `now` give the same
 * case numbers, states and timelines. Adds nothing when the town already has cases.
 */
export async function seedDemoHistory(db: Db, o: HistoryOptions): Promise<HistoryReport | null> {
  if (!(await needsDemoHistory(db))) return null;
  const town = await loadDemoTown(db, o.blobs);
  if (!town) return null;
  const { cast, pool, place } = town;
  const random = new Random(o.seed);
  const plans = planHistory(random.fork('plan'), place, { now: o.now, days: o.days ?? 60, perWeekday: o.perWeekday ?? 7 });
  const services = { locator: new GridLocatorCache(db), pii: o.pii, calendar: new WorkingCalendarCache(db) };
  const calendar = await loadWorkingCalendar(db);
  const end = o.now.getTime();
  const report: HistoryReport = { cases: 0, actions: 0, sweeps: 0, failures: [], byStatus: {} };

  let seq = 0;
  const queue: Event[] = plans.map((plan) => ({ at: plan.at.getTime(), seq: seq++, kind: 'report', plan }));
  const progress = new Map<string, { p: CaseProgress; r: Random }>();
  const caseOfPlan = new Map<number, string>();

  const schedule = async (caseId: string, now: number) => {
    const row = (await store.findCase(db, caseId, null))!;
    const { p, r } = progress.get(caseId)!;
    if (p.last === 'dispatch' || p.last === 'accept_dispatch') p.sentTo = row.assignee;
    const step = nextStep(row, p, cast, r, now, pool);
    if (step && step.at < end) queue.push({ at: step.at, seq: seq++, kind: 'act', caseId, version: row.version, step });
  };

  let lastSweep = 0;
  /** Sweeps as the every-minute job would have until `until`; true when it changed a case (so its next step is new). */
  const sweepUntil = async (until: number): Promise<boolean> => {
    for (;;) {
      const due = await nextCheckOfAll(db);
      if (!due) return false;
      let at = Math.ceil(due.getTime() / MINUTE) * MINUTE; // the sweep runs on the minute
      if (at <= lastSweep) at = lastSweep + MINUTE;
      if (at > until) return false;
      await sweepSla(db, new Date(at));
      report.sweeps++;
      lastSweep = at;
      // escalated or resumed: whoever is next to act looks at the case again from now, maybe before the next sweep
      const changed = (await listCasesChangedAt(db, new Date(at))).filter((id) => progress.has(id));
      for (const id of changed) await schedule(id, at);
      if (changed.length > 0) return true;
    }
  };

  for (;;) {
    let next = -1;
    for (let i = 0; i < queue.length; i++) {
      const e = queue[i]!, n = queue[next];
      if (!n || e.at < n.at || (e.at === n.at && e.seq < n.seq)) next = i;
    }
    const event = next >= 0 ? queue[next]! : null;
    if (await sweepUntil(event ? event.at : end)) continue; // a step planned afresh may now come first
    if (!event) break;
    queue.splice(next, 1);
    if (event.kind === 'report') {
      await intake(event.plan, event.at);
      continue;
    }
    const { step } = event;
    try {
      // the version it was planned on: a case the sweep moved meanwhile was planned afresh, and this step is refused
      await applyCaseAction(db, event.caseId, { ...step.cmd, version: event.version }, step.by.actor, step.by.viewer, step.by.name, new Date(step.at), calendar);
    } catch (err) {
      if ((err as { code?: string }).code !== 'CASE_STALE_VERSION') report.failures.push(`${step.action} by ${step.by.username} at ${new Date(step.at).toISOString()}: ${(err as Error).message}`);
      continue;
    }
    report.actions++;
    const { p } = progress.get(event.caseId)!;
    p.last = step.action;
    if (step.action === 'return') p.returned = true;
    if (step.action === 'reopen') p.reopened = true;
    if (step.action === 'request_suspension') p.suspensionAsked = true;
    if (step.action === 'report_done' || step.action === 'resolve_on_spot') p.passes++;
    await schedule(event.caseId, step.at);
  }

  async function intake(plan: CasePlan, at: number): Promise<void> {
    const r = random.fork(`case:${plan.key}`);
    const scene = pool.get(plan.scene);
    const photos = scene ? [...scene.before].filter(() => r.chance(0.7)).slice(0, plan.photoCount) : [];
    let result;
    try {
      result = await reportCase(db, services, { ...reportInput(plan, cast), photos }, new Date(at));
    } catch (err) {
      report.failures.push(`report ${plan.key} (${plan.categoryCode}): ${(err as Error).message}`);
      return;
    }
    report.cases++;
    const p = newProgress(plan);
    if (plan.duplicateOf !== null) {
      const original = caseOfPlan.get(plan.duplicateOf);
      const found = result.duplicates.find((d) => d.id === original) ?? result.duplicates[0];
      p.duplicateOf = found ? { id: found.id, number: found.number } : null;
    }
    caseOfPlan.set(plan.key, result.caseId);
    progress.set(result.caseId, { p, r });
    await schedule(result.caseId, at);
  }

  const counts = await db.query<{ status: string; n: number }>('select status, count(*)::int as n from cases where town_id = $1 group by status order by status', [town.id]);
  for (const c of counts.rows) report.byStatus[c.status] = c.n;
  return report;
}

/** Whether the database holds the demo town, still without cases. */
export async function needsDemoHistory(db: Db): Promise<boolean> {
  const town = await findTownByCode(db, DEMO_TOWN_CODE);
  return town !== null && (await countCasesOfTown(db, town.id)) === 0;
}

/** The demo town as its people see it: who acts, its grids, and the photos they take. */
export interface DemoTown {
  id: string;
  cast: Cast;
  place: PlanPlace;
  pool: PhotoPool;
}

/** The demo town, or null when the database holds no demo (a real deployment, or a demo without its grid worker). */
export async function loadDemoTown(db: Db, blobs: BlobStore): Promise<DemoTown | null> {
  const town = await findTownByCode(db, DEMO_TOWN_CODE);
  if (!town) return null;
  const cast = await Cast.load(db, town.id);
  const grids = await listGridsOfTown(db, town.path);
  const gridworker = cast.find(cast.idOf('gridworker'));
  const homeGrid = grids.find((g) => gridworker?.row.grid_ids.includes(g.id));
  if (!gridworker || !homeGrid) return null;
  const pool = await storeDemoPhotos(db, blobs, DEMO_SCENES, 2, gridworker.id);
  return { id: town.id, cast, pool, place: { grids, homeGridId: homeGrid.id, homeCommunityId: homeGrid.community_id } };
}

/** What the channel's own form or route would send to intake for this report. */
export function reportInput(plan: CasePlan, cast: Cast): Omit<ReportInput, 'photos'> {
  const base = { categoryCode: plan.categoryCode, description: plan.description, location: plan.location, address: plan.address, idempotencyKey: null };
  switch (plan.channel) {
    case 'gridWorker': {
      const gw = cast.named('gridworker');
      return { ...base, source: 'gridWorker', reporter: { kind: 'gridWorker', accountId: gw.id, name: gw.name, phone: null }, actorName: gw.name };
    }
    case 'visit': {
      const staff = cast.named('community');
      return { ...base, source: 'visit', reporter: { kind: 'staff', accountId: staff.id, name: staff.name, phone: null }, actorName: staff.name };
    }
    case 'resident': {
      const resident = cast.named('resident');
      return { ...base, source: 'resident', reporter: { kind: 'resident', accountId: resident.id, name: resident.name, phone: null }, actorName: null };
    }
    case 'public':
      return { ...base, source: 'resident', reporter: { kind: 'resident', accountId: null, name: plan.caller!.name, phone: plan.caller!.phone }, actorName: null };
    case 'hotline': {
      // the dispatcher takes the 12345 call: they enter it (the actor), the caller is the reporter
      const dispatcher = cast.named('dispatcher');
      return {
        ...base, source: 'hotline', reporter: { kind: 'caller', accountId: null, name: plan.caller!.name, phone: plan.caller!.phone },
        actorName: dispatcher.name, actorId: dispatcher.id,
      };
    }
    default: {
      const never: never = plan.channel;
      throw new Error(`unknown channel ${String(never)}`);
    }
  }
}

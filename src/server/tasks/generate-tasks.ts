import type { Db, Tx } from '../platform/db/db.ts';
import type { WorkingCalendar } from '../../domain/sla/working-calendar.ts';
import { loadWorkingCalendar } from '../calendar/calendar-cache.ts';
import { listTagCatalog } from '../registry/tags-store.ts';
import { loadStandingDuties } from './standing-duties-store.ts';
import { gridTeamOf, type GridTeam } from '../../domain/tasks/assignment.ts';
import { periodOf } from '../../domain/tasks/deadlines.ts';
import {
  assignDueTasks, buildingCheckTasks, campaignTasks, dutyOf, inspectionTasks, sweepTasks, verificationTasks, visitCutoffs, visitTasks,
  type DueTask, type GenerationContext,
} from '../../domain/tasks/generation.ts';
import * as store from './generation-store.ts';

export interface GenerationResult {
  townId: string;
  day: string;
  grids: number;
  /** tasks new this run (a task there already is never made again) */
  created: number;
  /** of those, made with nobody present to take them */
  unassigned: number;
}

export interface GenerationOptions {
  /** the working calendar (the job loads it once for every town) */
  calendar?: WorkingCalendar;
  /** grids per transaction */
  gridsPerBatch?: number;
  /** records per read */
  pageSize?: number;
  /** called in the transaction that records the run's end (the API's audit entry) */
  onFinish?: (tx: Tx, result: GenerationResult) => Promise<void>;
}

const EMPTY_TEAM: GridTeam = { workers: [], leader: null };

/**
 * Generates a town's tasks for a day (YYYY-MM-DD, Asia/Shanghai): walks its grids in batches (one transaction each),
 * reads each batch's team, absences and open loads and its records page by page, asks the rules what is due and who
 * takes it, and inserts what is new (`on conflict (town_id, dedupe_key) do nothing`), so running a day twice makes
 * nothing twice and memory does not grow with the registry. Records the run in task_generation_runs.
 */
export async function generateTasksForTown(db: Db, townId: string, day: string, now: Date, o: GenerationOptions = {}): Promise<GenerationResult> {
  const gridsPerBatch = o.gridsPerBatch ?? 200;
  const pageSize = o.pageSize ?? 2000;
  const town = (await store.listTowns(db)).find((t) => t.id === townId);
  if (!town) throw new Error(`no town ${townId}`);
  const [duties, tags, campaigns, calendar] = await Promise.all([
    loadStandingDuties(db, townId), listTagCatalog(db, townId), store.activeCampaigns(db, townId, day), o.calendar ?? loadWorkingCalendar(db),
  ]);
  const ctx: GenerationContext = { day, duties, calendar, tags };
  const cutoffs = visitCutoffs(ctx);
  // a period's building checks and sweeps were made by the town's last finished run if it fell in the period: then
  // only buildings and grids entered since it started are looked at (the others' tasks are there, done or not)
  const last = await store.lastFinishedRun(db, townId, day);
  const since = (kind: 'buildingCheck' | 'disputeSweep', every: number | null) => {
    const duty = dutyOf(ctx, kind);
    return last && duty && last.day >= periodOf(day, duty.everyDays ?? every).start ? last.startedAt : null;
  };
  const periods = { checksSince: since('buildingCheck', null), sweepsSince: since('disputeSweep', 7) };
  await store.startRun(db, townId, day, now);

  const result: GenerationResult = { townId, day, grids: 0, created: 0, unassigned: 0 };
  for (let after = ''; ;) {
    const grids = await store.gridBatch(db, town.path, after, gridsPerBatch);
    if (grids.length === 0) break;
    after = grids[grids.length - 1]!.id;
    result.grids += grids.length;
    const made = await db.transaction((tx) => generateBatch(tx, townId, grids, ctx, { cutoffs, campaigns, pageSize, now, ...periods }));
    result.created += made.created;
    result.unassigned += made.unassigned;
  }

  await db.transaction(async (tx) => {
    await store.finishRun(tx, townId, day, now, result);
    await o.onFinish?.(tx, result);
  });
  return result;
}

async function generateBatch(
  tx: Tx, townId: string, grids: readonly store.GridRow[], ctx: GenerationContext,
  o: {
    cutoffs: { code: string; cutoff: string }[]; campaigns: Awaited<ReturnType<typeof store.activeCampaigns>>; pageSize: number; now: Date;
    checksSince: Date | null; sweepsSince: Date | null;
  },
): Promise<{ created: number; unassigned: number }> {
  const ids = grids.map((g) => g.id);
  const paths = grids.map((g) => g.path);
  const pathOf = new Map(grids.map((g) => [g.id, g.path]));
  const members = await store.teamsOf(tx, ids);
  const teams = new Map(ids.map((id) => [id, gridTeamOf(members.filter((m) => m.gridId === id))]));
  const accounts = [...new Set(members.flatMap((m) => (m.accountId ? [m.accountId] : [])))];
  const [absences, loads] = await Promise.all([store.absencesOf(tx, accounts, ctx.day), store.openLoads(tx, accounts)]);
  const total = { created: 0, unassigned: 0 };

  /** assigns a grid's due tasks and inserts them */
  const give = async (byGrid: Map<string, DueTask[]>) => {
    const rows = [...byGrid].flatMap(([gridId, due]) =>
      assignDueTasks(due, teams.get(gridId) ?? EMPTY_TEAM, absences, loads).map((t) => ({ ...t, gridId, gridPath: pathOf.get(gridId)! })));
    const made = await store.insertTasks(tx, townId, rows, o.now);
    total.created += made.created;
    total.unassigned += made.unassigned;
  };
  const grouped = <R extends { gridId: string }>(rows: readonly R[], due: (grid: { id: string }, rs: R[]) => DueTask[]) => {
    const by = new Map<string, R[]>();
    for (const r of rows) {
      const list = by.get(r.gridId);
      if (list) list.push(r);
      else by.set(r.gridId, [r]);
    }
    return new Map([...by].map(([gridId, rs]) => [gridId, due({ id: gridId }, rs)]));
  };

  if (o.cutoffs.length > 0) {
    for (let after: { path: string; id: string } | null = null; ;) {
      const page = await store.residentsPage(tx, paths, o.cutoffs, after, o.pageSize);
      if (page.length === 0) break;
      await give(grouped(page, (g, rs) => visitTasks(g, rs, ctx)));
      const last = page[page.length - 1]!;
      after = { path: last.gridPath, id: last.id };
      if (page.length < o.pageSize) break;
    }
  }
  for (let after: { path: string; id: string } | null = null; ;) {
    const page = await store.thingsPage(tx, paths, after, o.pageSize);
    if (page.length === 0) break;
    await give(grouped(page, (g, ts) => inspectionTasks(g, ts, ctx)));
    const last = page[page.length - 1]!;
    after = { path: last.gridPath, id: last.id };
    if (page.length < o.pageSize) break;
  }
  for (let after: { gridId: string; id: string } | null = null; ;) {
    const page = await store.buildingsPage(tx, ids, after, o.pageSize, o.checksSince);
    if (page.length === 0) break;
    await give(grouped(page, (g, bs) => buildingCheckTasks(g, bs, ctx)));
    const last = page[page.length - 1]!;
    after = { gridId: last.gridId, id: last.id };
    if (page.length < o.pageSize) break;
  }
  await give(grouped(await store.handledCases(tx, ids, o.now), (g, cs) => verificationTasks(g, cs, ctx)));
  const sweepsDue = (g: store.GridRow) => o.sweepsSince === null || new Date(g.created_at) >= o.sweepsSince;
  await give(new Map(grids.map((g) => [g.id, [...(sweepsDue(g) ? sweepTasks({ id: g.id }, ctx) : []), ...campaignTasks({ id: g.id }, o.campaigns, ctx)]])));
  return total;
}

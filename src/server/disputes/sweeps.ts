import type { Db, Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { holdsAnyRole } from '../../shared/roles.ts';
import { DISPUTE_HANDLERS, SWEEP_ORGANISERS } from '../../shared/disputes.ts';
import { sweepProgress } from '../../domain/disputes/sweep.ts';
import { dateOfDayNumber, dayNumberOfDate, shanghaiDate, shanghaiDayNumber } from '../../domain/sla/working-calendar.ts';
import { disputeInvalid } from './parties.ts';
import * as store from './sweep-store.ts';
import type {
  CreateSweepInput, MySweepsView, SweepDetailView, SweepListView, SweepReportInput, SweepSummaryView,
} from './mediation-schemas.ts';

/*
 * 矛盾纠纷大排查: a town's sweep asks every grid to report its disputes (or that it found none) by a day; the town sees
 * which grids have not answered. A grid's second report replaces its first (the audit trail keeps both answers).
 */

/** Who reads sweeps: territorial staff (residents and departments have none). */
export const SWEEP_READERS = ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff', 'gridWorker'] as const;
/** An unanswered sweep stays on a grid worker's phone this many days past its due day. */
export const MINE_OVERDUE_DAYS = 30;
const MAX_AHEAD_DAYS = 366;

const iso = (d: Date | string) => new Date(d).toISOString();

/** A grid worker of that grid, or staff who handle disputes (or organise sweeps) in a scope holding it. */
export function mayReport(p: Principal, grid: { id: string; path: string }): boolean {
  if (p.grids.some((g) => g.grid_id === grid.id)) return true;
  return p.scopePath !== null && grid.path.startsWith(p.scopePath) && holdsAnyRole(p.roles, [...DISPUTE_HANDLERS, ...SWEEP_ORGANISERS]);
}

const mayOrganise = (p: Principal) => p.scopePath !== null && holdsAnyRole(p.roles, SWEEP_ORGANISERS);

function summarise(p: Principal, s: store.SweepRow, grids: readonly store.GridRow[], reports: readonly store.ReportRow[], today: string): SweepSummaryView & { progress: ReturnType<typeof sweepProgress> } {
  const own = grids.filter((g) => g.town_id === s.town_id);
  const progress = sweepProgress({
    grids: own.map((g) => ({ id: g.id, name: g.name })),
    reports: reports.filter((r) => r.sweep_id === s.id).map((r) => ({ gridId: r.grid_id, noneFound: r.none_found, disputeCount: r.dispute_ids.length })),
    dueOn: s.due_on, today,
  });
  return {
    id: s.id, townId: s.town_id, townName: s.town_name, title: s.title, note: s.note, dueOn: s.due_on,
    createdAt: iso(s.created_at), createdByName: s.created_by_name,
    gridCount: progress.total, answered: progress.answered, found: progress.found, overdue: progress.overdue,
    policies: own.some((g) => mayReport(p, g)) ? ['report'] : [], progress,
  };
}

export async function listSweepsFor(db: Db, p: Principal, townId: string | null, now: Date): Promise<SweepListView> {
  if (p.scopePath === null) return { items: [], policies: [] };
  const rows = await store.listSweeps(db, p.scopePath, townId);
  const [grids, reports] = [await store.listTownGrids(db, [...new Set(rows.map((r) => r.town_id))]), await store.listReports(db, rows.map((r) => r.id))];
  const today = shanghaiDate(now);
  return {
    items: rows.map((s) => { const { progress: _, ...summary } = summarise(p, s, grids, reports, today); return summary; }),
    policies: mayOrganise(p) ? ['create'] : [],
  };
}

export async function loadSweep(tx: Tx, p: Principal, id: string, now: Date): Promise<SweepDetailView> {
  if (p.scopePath === null) throw notFound('sweep');
  const s = await store.findSweep(tx, id, p.scopePath);
  if (!s) throw notFound('sweep');
  const [grids, reports] = [await store.listTownGrids(tx, [s.town_id]), await store.listReports(tx, [s.id])];
  const numbers = await store.disputeNumbers(tx, reports.flatMap((r) => r.dispute_ids));
  const { progress, ...summary } = summarise(p, s, grids, reports, shanghaiDate(now));
  const byGrid = new Map(reports.map((r) => [r.grid_id, r]));
  return {
    ...summary,
    grids: grids.map((g) => {
      const r = byGrid.get(g.id);
      return {
        gridId: g.id, gridName: g.name, communityName: g.community_name, answered: r !== undefined, noneFound: r ? r.none_found : null,
        count: r && !r.none_found ? r.dispute_ids.length : 0,
        disputes: (r?.dispute_ids ?? []).map((d) => ({ id: d, number: numbers.get(d) ?? '' })),
        note: r?.note ?? null, reportedAt: r ? iso(r.reported_at) : null, reporterName: r?.reported_by_name ?? null,
        canReport: mayReport(p, g),
      };
    }),
    missing: progress.missing,
  };
}

/**
 * Starts a sweep of one town (SWEEP_ORGANISERS; `townId` a town inside the caller's scope, or by default the town
 * holding it). The due day is today or later (Asia/Shanghai), within a year. Audited; honours Idempotency-Key.
 */
export async function createSweep(db: Db, p: Principal, input: CreateSweepInput, now: Date, requestKey: string | null, ip: string | null): Promise<{ id: string; created: boolean }> {
  const key = requestKey === null ? null : `${p.accountId}:${requestKey}`;
  try {
    return await insertSweepOnce(db, p, input, now, key, ip);
  } catch (err) {
    // the same key sent twice at once: the second insert meets the first's unique key, and answers its sweep
    const earlier = key !== null && (err as { code?: string }).code === '23505' ? await store.findSweepByKey(db, key) : null;
    if (earlier !== null) return { id: earlier, created: false };
    throw err;
  }
}

function insertSweepOnce(db: Db, p: Principal, input: CreateSweepInput, now: Date, key: string | null, ip: string | null): Promise<{ id: string; created: boolean }> {
  return db.transaction(async (tx) => {
    if (p.scopePath === null) throw forbidden();
    if (key !== null) {
      const earlier = await store.findSweepByKey(tx, key);
      if (earlier !== null) return { id: earlier, created: false };
    }
    const town = input.townId ? await store.findUnit(tx, input.townId) : await store.townHolding(tx, p.scopePath);
    if (!town || town.level !== 'town') {
      throw disputeInvalid('Name the town the sweep is of (townId): your scope holds several.', '请选择排查所在的街道（乡镇）。', { field: 'townId' });
    }
    if (!town.path.startsWith(p.scopePath) && !(input.townId === undefined && p.scopePath.startsWith(town.path))) throw notFound('town');
    const today = shanghaiDayNumber(now);
    const due = dayNumberOfDate(input.dueOn);
    if (due < today || due > today + MAX_AHEAD_DAYS) {
      throw disputeInvalid(`The due day must lie between today and ${dateOfDayNumber(today + MAX_AHEAD_DAYS)}.`,
        `截止日期须在今天到 ${dateOfDayNumber(today + MAX_AHEAD_DAYS)} 之间。`, { field: 'dueOn' });
    }
    const note = input.note?.trim() || null;
    const id = await store.insertSweep(tx, {
      townId: town.id, orgPath: town.path, title: input.title.trim(), note, dueOn: input.dueOn, createdAt: now, createdBy: p.accountId, idempotencyKey: key,
    });
    await appendAudit(tx, {
      at: now, actorId: p.accountId, actorName: p.name, ip, action: 'dispute.sweep.create', targetType: 'dispute_sweep', targetId: id, success: true,
      detail: { townId: town.id, townName: town.name, title: input.title.trim(), dueOn: input.dueOn },
    });
    return { id, created: true };
  });
}

/**
 * A grid's answer to a sweep: none found, or the disputes it found (disputes of that grid, registered first). By a grid
 * worker of the grid or staff whose scope holds it (403 otherwise); a grid not of the sweep's town → 422. A later report
 * of the same grid replaces the earlier (audited with both). Reports after the due day are taken (the sweep shows it overdue
 * until every grid answered).
 */
export async function reportSweep(db: Db, p: Principal, sweepId: string, input: SweepReportInput, now: Date, ip: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    if (p.scopePath === null) throw notFound('sweep');
    const s = await store.findSweep(tx, sweepId, p.scopePath, true);
    if (!s) throw notFound('sweep');
    const [grid] = await store.listGridsByIds(tx, [input.gridId]);
    if (!grid || grid.town_id !== s.town_id) {
      throw disputeInvalid('The grid is not a grid of the sweep\'s town.', '该网格不属于本次排查的街道（乡镇）。', { field: 'gridId' });
    }
    if (!mayReport(p, grid)) throw forbidden();
    const ids = [...new Set(input.disputeIds ?? [])];
    if (input.noneFound && ids.length > 0) {
      throw disputeInvalid('A grid that found none names no disputes.', '报告“无纠纷”时不能同时列出纠纷。', { field: 'disputeIds' });
    }
    if (!input.noneFound && ids.length === 0) {
      throw disputeInvalid('Name the disputes found (register them first), or report none found.', '请列出排查到的纠纷（先登记），或报告“无纠纷”。', { field: 'disputeIds' });
    }
    const ofGrid = new Set((await store.disputesOfGrid(tx, ids, grid.id)).map((d) => d.id));
    const strangers = ids.filter((x) => !ofGrid.has(x));
    if (strangers.length > 0) {
      throw new AppError('DISPUTE_INVALID', 'Some disputes are not disputes of this grid.', '所列纠纷中有不属于本网格的纠纷。', { field: 'disputeIds', notOfGrid: strangers });
    }
    const earlier = await store.findReport(tx, s.id, grid.id);
    const note = input.note?.trim() || null;
    await store.upsertReport(tx, { sweepId: s.id, gridId: grid.id, noneFound: input.noneFound, disputeIds: ids, note, at: now, by: p.accountId });
    await appendAudit(tx, {
      at: now, actorId: p.accountId, actorName: p.name, ip, action: 'dispute.sweep.report', targetType: 'dispute_sweep', targetId: s.id, success: true,
      detail: {
        gridId: grid.id, gridName: grid.name, noneFound: input.noneFound, disputeIds: ids, late: shanghaiDate(now) > s.due_on,
        replaced: earlier === null ? null : { noneFound: earlier.none_found, disputeIds: earlier.dispute_ids, reportedAt: iso(earlier.reported_at) },
      },
    });
  });
}

/**
 * A grid worker's open sweeps, one row per sweep and grid of theirs: those due today or later, and those past due the
 * grid has not answered (for 30 days).
 */
export async function mySweeps(db: Db, p: Principal, now: Date): Promise<MySweepsView> {
  const grids = await store.listGridsByIds(db, p.grids.map((g) => g.grid_id));
  const today = shanghaiDayNumber(now);
  const sweeps = await store.listSweepsOfTowns(db, [...new Set(grids.map((g) => g.town_id))], dateOfDayNumber(today - MINE_OVERDUE_DAYS));
  const reports = await store.listReports(db, sweeps.map((s) => s.id));
  const todayDay = dateOfDayNumber(today);
  const items: MySweepsView['items'] = [];
  for (const s of sweeps) {
    for (const g of grids.filter((x) => x.town_id === s.town_id)) {
      const r = reports.find((x) => x.sweep_id === s.id && x.grid_id === g.id);
      const overdue = todayDay > s.due_on;
      if (overdue && r) continue;
      items.push({
        sweepId: s.id, title: s.title, dueOn: s.due_on, overdue: overdue && !r, gridId: g.id, gridName: g.name,
        answered: r !== undefined, noneFound: r ? r.none_found : null, count: r && !r.none_found ? r.dispute_ids.length : 0,
        reportedAt: r ? iso(r.reported_at) : null,
      });
    }
  }
  return { items };
}

import { randomUUID } from 'node:crypto';
import type { Tx } from '../platform/db/db.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { CASE_CHANNEL, notifyCaseChange, type CaseChange } from '../platform/live.ts';
import type { Actor, CaseCommand } from '../../domain/cases/case-state.ts';
import { decide } from '../../domain/cases/lifecycle.ts';
import { nextCheckAt } from '../../domain/cases/escalation.ts';
import { caseNumberDay, formatCaseNumber } from '../../domain/cases/case-number.ts';
import { clockLimits } from '../../domain/matters/routing.ts';
import { advanceClocks, type ClockSet } from '../../domain/sla/clocks.ts';
import type { WorkingCalendar } from '../../domain/sla/working-calendar.ts';
import type { CaseSource } from '../../shared/cases.ts';
import { findMatterById, type MatterRow } from '../matters/store.ts';
import { patchOf, toCaseState, toMatter, toSweepCase } from './case-mapping.ts';
import * as store from './store.ts';

/** A work order to open already dispatched: who does it, where, by when. */
export interface WorkOrderInput {
  townId: string;
  townCode: string;
  gridId: string;
  /** the grid's path */
  orgPath: string;
  matter: MatterRow;
  description: string;
  lng: number;
  lat: number;
  address: string | null;
  assignee: store.Assignee;
  /** the handle clock's deadline */
  dueAt: Date;
  source: CaseSource;
  /** who opened it (null: the system), named on both timeline entries */
  actor: { id: string | null; name: string };
  /** added to both timeline entries' data (e.g. { incidentId, stepKey }) */
  data: Record<string, unknown>;
}

export interface OpenedWorkOrder {
  id: string;
  number: string;
  dispatchEventId: number;
}

/**
 * The case loop's way to open work orders that start `dispatched` (a plan's steps), inside the caller's transaction: the
 * town's case numbers of the day taken as one block from the same counter intake uses, each case with its `report` and
 * `dispatch` timeline entries, its clocks started as intake and dispatch start them, except the handle clock, whose
 * deadline is the given time, and the live change published (delivered only if the caller's transaction commits).
 * The caller checks the assignees (a post of the town, or a staff account of its scope).
 */
export async function openWorkOrders(tx: Tx, orders: readonly WorkOrderInput[], calendar: WorkingCalendar, now: Date): Promise<OpenedWorkOrder[]> {
  if (orders.length === 0) return [];
  const byTown = new Map<string, { code: string; n: number; next: number }>();
  for (const o of orders) {
    const t = byTown.get(o.townId) ?? { code: o.townCode, n: 0, next: 0 };
    t.n++;
    byTown.set(o.townId, t);
  }
  const day = caseNumberDay(now);
  for (const [townId, t] of byTown) {
    const r = await tx.query<{ seq: number }>(
      `insert into case_number_counters (town_id, day, seq) values ($1, $2, $3)
       on conflict (town_id, day) do update set seq = case_number_counters.seq + $3 returning seq`, [townId, day, t.n]);
    t.next = r.rows[0]!.seq - t.n + 1;
  }
  const rows = orders.map((o) => {
    const t = byTown.get(o.townId)!;
    const sample = formatCaseNumber(o.townCode.slice(0, 9), now, 1);
    const number = sample.slice(0, sample.lastIndexOf('-') + 1) + String(t.next++).padStart(4, '0');
    const matter = toMatter(o.matter);
    const limits = clockLimits(matter);
    let clocks: ClockSet = advanceClocks({}, { action: 'report', from: null, to: 'reported' }, now, limits, calendar);
    clocks = advanceClocks(clocks, { action: 'dispatch', from: 'reported', to: 'dispatched' }, now, limits, calendar);
    clocks.handle = { startedAt: now.getTime(), due: o.dueAt.getTime(), suspendedMs: 0, pausedAt: null, stoppedAt: null, light: 'green' };
    const id = randomUUID();
    const nextCheck = nextCheckAt(toSweepCase({ id, status: 'dispatched', tier: matter.tier, clocks, escalated_at: null, created_at: now }, o.matter.escalate_after_h), now);
    return {
      id, number, town_id: o.townId, grid_id: o.gridId, org_path: o.orgPath, matter_id: o.matter.id, category_code: o.matter.code, tier: matter.tier,
      description: o.description, lng: o.lng, lat: o.lat, address: o.address, source: o.source, reporter_account_id: o.actor.id,
      assignee: o.assignee, clocks, next_check_at: nextCheck === null ? null : new Date(nextCheck).toISOString(),
      actor_name: o.actor.name, report_data: { source: o.source, matterVersion: matter.version, ...o.data }, dispatch_data: { assignee: o.assignee, ...o.data },
    };
  });
  // three statements for any number of work orders: the cases, their two timeline entries each, the live changes
  await tx.query(
    `insert into cases (id, number, status, town_id, grid_id, org_path, matter_id, category_code, tier, description, lng, lat, address,
       source, reporter_kind, reporter_account_id, assignee, routed_assignee, clocks, next_check_at, created_at, updated_at)
     select x.id, x.number, 'dispatched', x.town_id, x.grid_id, x.org_path, x.matter_id, x.category_code, x.tier, x.description, x.lng, x.lat,
            x.address, x.source, 'staff', x.reporter_account_id, x.assignee, x.assignee, x.clocks, x.next_check_at, $2, $2
       from jsonb_to_recordset($1::jsonb) as x(id text, number text, town_id text, grid_id text, org_path text, matter_id text, category_code text,
            tier text, description text, lng float8, lat float8, address text, source text, reporter_account_id text, assignee jsonb, clocks jsonb,
            next_check_at timestamptz)`,
    [JSON.stringify(rows), now]);
  const events = await tx.query<{ id: number; case_id: string }>(
    `insert into case_events (case_id, at, action, actor_id, actor_name, from_status, to_status, reason, data)
     select j.v->>'id', $2, e.action, j.v->>'reporter_account_id', j.v->>'actor_name', e.from_status, e.to_status, null, e.data
       from jsonb_array_elements($1::jsonb) with ordinality as j(v, n)
       cross join lateral (values (1, 'report', null::text, 'reported', j.v->'report_data'), (2, 'dispatch', 'reported', 'dispatched', j.v->'dispatch_data'))
            as e(k, action, from_status, to_status, data)
      order by j.n, e.k
     returning id, case_id, action`,
    [JSON.stringify(rows), now]);
  const dispatchIds = new Map((events.rows as { id: number; case_id: string; action?: string }[]).filter((e) => e.action === 'dispatch').map((e) => [e.case_id, Number(e.id)]));
  const out: OpenedWorkOrder[] = rows.map((r) => ({ id: r.id, number: r.number, dispatchEventId: dispatchIds.get(r.id)! }));
  const changes: CaseChange[] = rows.map((r) => ({
    caseId: r.id, number: r.number, eventId: dispatchIds.get(r.id)!, action: 'dispatch', status: 'dispatched', orgPath: r.org_path,
    reporterAccountId: r.reporter_account_id, assignee: r.assignee, departmentIds: [], at: now.toISOString(),
  }));
  await tx.query(`select pg_notify($1, c::text) from jsonb_array_elements($2::jsonb) c`, [CASE_CHANNEL, JSON.stringify(changes)]);
  return out;
}

/**
 * One lifecycle action on a work order inside the caller's transaction (applyCaseAction's rules, clocks and timeline,
 * without a transaction of its own): a plan step's last checklist tick hands its work order in (`report_done`) in the
 * same transaction as the tick. The actor must be allowed the action by the lifecycle, as on the case page; with
 * `ifAllowed`, a refused action changes nothing and answers null (a commander who is not the work order's assignee).
 */
export async function applyWorkOrderAction(
  tx: Tx, caseId: string, request: Omit<CaseCommand, 'duplicateOf'>, actor: Actor, actorName: string, now: Date, calendar: WorkingCalendar,
  o: { ifAllowed?: boolean } = {},
): Promise<{ eventId: number } | null> {
  const row = await store.findCase(tx, caseId, null, true);
  if (!row) throw notFound('case');
  const decision = decide(toCaseState(row), { ...request, duplicateOf: undefined }, actor, now);
  if (!decision.ok) {
    if (o.ifAllowed) return null;
    const r = decision.refusal;
    throw new AppError(r.code, r.message, r.messageZh, { allowed: r.allowed, version: row.version });
  }
  const { next, entries } = decision;
  const matter = toMatter((await findMatterById(tx, row.matter_id))!);
  let clocks = row.clocks as ClockSet;
  for (const e of entries) clocks = advanceClocks(clocks, { action: e.action, from: e.from, to: e.to }, now, clockLimits(matter), calendar);
  const nextCheck = nextCheckAt(toSweepCase({ ...row, status: next.status, tier: next.tier, clocks, escalated_at: next.escalatedAt, suspension: next.suspension }, row.escalate_after_h), now);
  const saved = await store.updateCase(tx, row.id, row.version, patchOf(next, clocks, nextCheck, now), now);
  if (!saved) throw new AppError('CASE_STALE_VERSION', 'The case changed meanwhile; reload and try again.', '案卷已被他人更新，请刷新后重试。');
  let eventId = 0;
  for (const [i, e] of entries.entries()) {
    eventId = await store.insertEvent(tx, {
      case_id: row.id, at: now, action: e.action, actor_id: actor.system ? null : actor.accountId, actor_name: actorName,
      from_status: e.from, to_status: e.to, reason: e.reason, data: e.data,
    });
    await notifyCaseChange(tx, {
      caseId: row.id, number: row.number, eventId, action: e.action, status: e.to, orgPath: row.org_path,
      reporterAccountId: row.reporter_account_id, assignee: i === entries.length - 1 ? next.assignee : row.assignee,
      departmentIds: next.departmentsReached, at: now.toISOString(),
    });
  }
  return { eventId };
}

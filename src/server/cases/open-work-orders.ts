import { randomUUID } from 'node:crypto';
import type { Tx } from '../platform/db/db.ts';
import { CASE_CHANNEL, type CaseChange } from '../platform/live.ts';
import { nextCheckAt } from '../../domain/cases/escalation.ts';
import { caseNumberDay, formatCaseNumber } from '../../domain/cases/case-number.ts';
import { clockLimits } from '../../domain/matters/routing.ts';
import { advanceClocks, type ClockSet } from '../../domain/sla/clocks.ts';
import type { WorkingCalendar } from '../../domain/sla/working-calendar.ts';
import type { CaseSource } from '../../shared/cases.ts';
import type { MatterRow } from '../matters/store.ts';
import { toMatter, toSweepCase } from './case-mapping.ts';
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
    `insert into case_events (case_id, at, action, actor_id, actor_name, from_status, to_status, reason, data, case_created_at)
     select j.v->>'id', $2, e.action, j.v->>'reporter_account_id', j.v->>'actor_name', e.from_status, e.to_status, null, e.data, $2
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

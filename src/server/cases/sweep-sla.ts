import type { Db } from '../platform/db/db.ts';
import { notifyCaseChange } from '../platform/live.ts';
import { SYSTEM_ACTOR } from '../../domain/cases/case-state.ts';
import { nextCheckAt, sweep, type Escalation, type Resumption } from '../../domain/cases/escalation.ts';
import type { ClockSet } from '../../domain/sla/clocks.ts';
import { applyCaseAction } from './apply-case-action.ts';
import { loadWorkingCalendar } from '../calendar/calendar-cache.ts';
import type { WorkingCalendar } from '../../domain/sla/working-calendar.ts';
import { toSweepCase } from './case-mapping.ts';
import * as store from './store.ts';

export interface SweepReport {
  checked: number;
  lightChanges: number;
  escalated: number;
  resumed: number;
}

/**
 * One SLA sweep: reads only the open cases whose next light change or rule is due (next_check_at),
 * stores their new lights, notes overdue clocks on the timeline, publishes, then escalates by rule and resumes the
 * suspended cases whose approved end has come.
 * Idempotent: running it twice at the same instant changes nothing the second time.
 */
export async function sweepSla(db: Db, now: Date, batchSize = 2000, maxBatches = 50): Promise<SweepReport> {
  const report: SweepReport = { checked: 0, lightChanges: 0, escalated: 0, resumed: 0 };
  let calendar: WorkingCalendar | null = null; // read only when a case escalates or resumes, once a sweep
  for (let batch = 0; batch < maxBatches; batch++) {
    const { checked, changed, escalations, resumptions } = await sweepBatch(db, now, batchSize);
    report.checked += checked;
    report.lightChanges += changed;
    const actions = [
      ...escalations.map((e) => ({ caseId: e.caseId, action: 'escalate' as const, reason: e.reason, counter: 'escalated' as const })),
      ...resumptions.map((r) => ({ caseId: r.caseId, action: 'resume' as const, reason: r.reason, counter: 'resumed' as const })),
    ];
    for (const a of actions) {
      try {
        calendar ??= await loadWorkingCalendar(db);
        await applyCaseAction(db, a.caseId, { action: a.action, reason: a.reason }, SYSTEM_ACTOR, null, '系统', now, calendar);
        report[a.counter]++;
      } catch {
        // changed meanwhile (acted on by hand, or by another node): look again in a minute, not in this run's next batch
        await store.postponeCheck(db, a.caseId, now, 60_000);
      }
    }
    if (checked < batchSize) break;
  }
  return report;
}

async function sweepBatch(db: Db, now: Date, limit: number): Promise<{ checked: number; changed: number; escalations: Escalation[]; resumptions: Resumption[] }> {
  return db.transaction(async (tx) => {
    const rows = await store.listCasesDueForCheck(tx, now, limit);
    const cases = rows.map((r) => toSweepCase(r, r.escalate_after_h));
    const result = sweep(cases, now);
    const byCase = new Map<string, typeof result.lightChanges>();
    for (const ch of result.lightChanges) byCase.set(ch.caseId, [...(byCase.get(ch.caseId) ?? []), ch]);
    const updates = cases.map((c) => {
      const clocks: ClockSet = { ...c.clocks };
      for (const ch of byCase.get(c.id) ?? []) clocks[ch.clock] = { ...clocks[ch.clock]!, light: ch.to };
      const next = nextCheckAt({ ...c, clocks }, now);
      return { id: c.id, clocks, next: next === null ? null : new Date(next) };
    });
    await store.updateLights(tx, updates);
    for (const row of rows) {
      const changes = byCase.get(row.id);
      if (!changes) continue;
      const overdue = changes.filter((ch) => ch.to === 'red').map((ch) => ch.clock);
      const eventId = overdue.length > 0
        ? await store.insertEvent(tx, {
          case_id: row.id, at: now, action: 'overdue', actor_id: null, actor_name: '系统', from_status: row.status, to_status: row.status,
          reason: null, data: { clocks: overdue },
        })
        : 0;
      await notifyCaseChange(tx, {
        caseId: row.id, number: row.number, eventId, action: overdue.length > 0 ? 'overdue' : 'light', status: row.status,
        orgPath: row.org_path, reporterAccountId: row.reporter_account_id, assignee: row.assignee, departmentIds: row.department_ids, at: now.toISOString(),
      });
    }
    return { checked: rows.length, changed: byCase.size, escalations: result.escalations, resumptions: result.resumptions };
  });
}

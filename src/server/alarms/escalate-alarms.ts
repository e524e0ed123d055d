import type { Db } from '../platform/db/db.ts';
import { escalationDue, stepDueAt } from '../../domain/alarms/escalation.ts';
import { claimDueEscalations, markEscalated } from './alarm-store.ts';
import { sendStep } from './notify-recipients.ts';

export interface EscalationRun { escalated: number; alarmIds: string[] }

/**
 * Escalation until someone answers: every active alarm whose next step is due (claimed skip locked, so one node sends
 * each step) sends it — the next role's people, found now, recorded and written on the care order's timeline as
 * `alarm_escalated` — and sets when the step after it falls due, as its profile's policy says. Acknowledging or
 * clearing the alarm stops it (`next_escalation_at` null).
 */
export async function escalateAlarms(db: Db, now: Date, o: { limit?: number } = {}): Promise<EscalationRun> {
  return db.transaction(async (tx) => {
    const due = await claimDueEscalations(tx, now, o.limit ?? 200);
    const run: EscalationRun = { escalated: 0, alarmIds: [] };
    for (const a of due) {
      const step = escalationDue(a.escalation, a.raised_at, a.escalation_step, now);
      if (!step) {
        // the policy changed under it (fewer steps, a later time): look again when the policy says
        await markEscalated(tx, a.id, a.escalation_step, stepDueAt(a.escalation, a.raised_at, a.escalation_step + 1));
        continue;
      }
      await markEscalated(tx, a.id, step.step, step.nextAt);
      await sendStep(tx, { id: a.id, townId: a.town_id, gridId: a.grid_id, caseId: a.case_id, matterCode: a.matter_code }, step.step, step.notify, 'alarm_escalated', now);
      run.escalated++;
      run.alarmIds.push(a.id);
    }
    return run;
  });
}

import type { Tx } from '../platform/db/db.ts';
import type { EscalationRole } from '../../shared/alarms.ts';
import { watchAt } from '../../domain/org/duty-roster.ts';
import { listRosterSlots } from '../org/roster-store.ts';
import { notifyCaseChange, type CaseChange } from '../platform/live.ts';
import { insertEvent } from '../cases/store.ts';
import { insertNotification, type Recipient } from './alarm-store.ts';

/** Where an alarm stands, as the recipients of its escalation are found from it. */
export interface AlarmPlace {
  townId: string;
  gridId: string;
  caseId: string | null;
  matterCode: string | null;
}

/**
 * The people an escalation step's role names, now: the grid team's members with an active account (gridWorker); the
 * A and B holders of the care order's post — the one it is with, else the post its Matter names (carePost); the staff
 * scoped to the grid's community (communityStaff); the command center's watch on the town's duty roster at `now`, or
 * the town's dispatchers when nobody is on it (dutyOfficer).
 */
export async function recipientsOf(tx: Tx, role: EscalationRole, at: AlarmPlace, now: Date): Promise<Recipient[]> {
  switch (role) {
    case 'gridWorker':
      return rows(tx,
        `select a.id, a.name from grid_team_members m join accounts a on a.id = m.account_id
          where m.grid_id = $1 and a.disabled_at is null order by m.sort, a.name`, [at.gridId]);
    case 'carePost':
      return rows(tx,
        `with post as (
           select p.* from posts p
            where p.town_id = $1 and (p.id = (select c.assignee->>'postId' from cases c where c.id = $2)
                                      or p.code = (select m.post_code from matters m where m.town_id = $1 and m.code = $3 and m.current))
            order by (p.id = (select c.assignee->>'postId' from cases c where c.id = $2)) desc nulls last limit 1)
         select a.id, a.name from post join accounts a on a.id in (post.a_holder_id, post.b_holder_id)
          where a.disabled_at is null order by (a.id = post.a_holder_id) desc`,
        [at.townId, at.caseId, at.matterCode]);
    case 'communityStaff':
      return rows(tx,
        `select a.id, a.name from org_units g join org_units s on s.level = 'community' and g.path like s.path || '%'
           join accounts a on a.scope_org_unit_id = s.id
          where g.id = $1 and 'communityStaff' = any(a.roles) and a.kind = 'staff' and a.disabled_at is null order by a.name, a.id`,
        [at.gridId]);
    case 'dutyOfficer': {
      const watch = watchAt(now);
      const onDuty = await listRosterSlots(tx, at.townId, { day: watch.date, shifts: watch.shifts });
      const seen = new Set<string>();
      const officers = onDuty.filter((s) => !seen.has(s.account_id) && seen.add(s.account_id)).map((s) => ({ accountId: s.account_id, name: s.name }));
      if (officers.length > 0) return officers;
      return rows(tx,
        `select a.id, a.name from accounts a where a.scope_org_unit_id = $1 and 'dispatcher' = any(a.roles) and a.kind = 'staff'
            and a.disabled_at is null order by a.name, a.id`, [at.townId]);
    }
    default:
      return role satisfies never;
  }
}

async function rows(tx: Tx, sql: string, params: unknown[]): Promise<Recipient[]> {
  const r = await tx.query<{ id: string; name: string }>(sql, params);
  const seen = new Set<string>();
  return r.rows.filter((x) => !seen.has(x.id) && seen.add(x.id)).map((x) => ({ accountId: x.id, name: x.name }));
}

/** What a step's timeline entry and live change carry: the roles and the people it went to. */
export interface StepSent {
  step: number;
  roles: EscalationRole[];
  recipients: (Recipient & { role: EscalationRole })[];
}

/**
 * Sends one escalation step in the caller's transaction: finds each role's people now, records the sending
 * (alarm_notifications, once per step and role), and writes `action` (alarm_notified, alarm_escalated) on the care
 * order's timeline, published live so their screens and phones hear it. Without a care order (none could be opened)
 * the sending is recorded all the same.
 */
export async function sendStep(tx: Tx, alarm: AlarmPlace & { id: string }, step: number, roles: readonly EscalationRole[],
  action: 'alarm_notified' | 'alarm_escalated', now: Date): Promise<StepSent> {
  const sent: StepSent = { step, roles: [...roles], recipients: [] };
  for (const role of roles) {
    const people = await recipientsOf(tx, role, alarm, now);
    await insertNotification(tx, { alarmId: alarm.id, at: now, step, role, recipients: people });
    sent.recipients.push(...people.map((p) => ({ ...p, role })));
  }
  if (alarm.caseId) {
    await onCareOrderTimeline(tx, alarm.caseId, {
      action, at: now, actorId: null, actorName: null, data: { alarmId: alarm.id, step, roles: sent.roles, recipients: sent.recipients },
    });
  }
  return sent;
}

/** A timeline entry on the alarm's care order, published with notifyCaseChange in the same transaction. */
export async function onCareOrderTimeline(tx: Tx, caseId: string, e: {
  action: string; at: Date; actorId: string | null; actorName: string | null; data: Record<string, unknown>; reason?: string | null;
}): Promise<number | null> {
  const c = await tx.query<{ number: string; status: string; org_path: string; reporter_account_id: string | null; assignee: CaseChange['assignee']; department_ids: string[] }>(
    'select number, status, org_path, reporter_account_id, assignee, department_ids from cases where id = $1', [caseId]);
  const row = c.rows[0];
  if (!row) return null;
  const eventId = await insertEvent(tx, {
    case_id: caseId, at: e.at, action: e.action, actor_id: e.actorId, actor_name: e.actorName, from_status: null, to_status: null,
    reason: e.reason ?? null, data: e.data,
  });
  await notifyCaseChange(tx, {
    caseId, number: row.number, eventId, action: e.action, status: row.status, orgPath: row.org_path,
    reporterAccountId: row.reporter_account_id, assignee: row.assignee, departmentIds: row.department_ids ?? [], at: e.at.toISOString(),
  });
  return eventId;
}

import type { Db } from '../platform/db/db.ts';
import type { Rule, RuleOverrides } from '../../shared/devices.ts';
import { fireDue, heard, type RuleState } from '../../domain/devices/rules.ts';
import { resolveRules } from '../../domain/devices/overrides.ts';
import { insertAlarms, type NewAlarm } from '../alarms/raise-alarms.ts';
import { saveRuleStates, type RuleStateRow } from './rule-state-store.ts';

/**
 * Fires the rule deadlines due at `now` (an inactivity's timeout, a threshold held for its duration, a device gone
 * silent) without any reading: claims up to `limit` due states with their devices `for update skip locked` (so each
 * fires once across nodes, and never while the ingest holds the device), fires them at their own instant (a coarse
 * tick still raises the alarm with the right time), re-arms them and inserts the alarms, in one transaction. `fired`
 * counts the alarms raised, `claimed` the deadlines handled: call it again while `claimed` equals the limit.
 */
export async function fireDueDeadlines(db: Db, now: Date, limit = 500): Promise<{ fired: number; claimed: number; alarmIds: string[] }> {
  return db.transaction(async (tx) => {
    const due = await tx.query<{ device_id: string; rule_id: string; state: RuleState; status: string; overrides: RuleOverrides | null; rules: Rule[]; last_seen_at: Date | null }>(
      `select s.device_id, s.rule_id, s.state, d.status, d.overrides, p.rules, d.last_seen_at
         from device_rule_states s
         join devices d on d.id = s.device_id
         join device_profiles p on p.id = d.profile_id
        where s.deadline_at is not null and s.deadline_at <= $1
        order by s.deadline_at
        limit $2
        for update of s, d skip locked`,
      [now, limit],
    );
    if (due.rows.length === 0) return { fired: 0, claimed: 0, alarmIds: [] };
    const rows: RuleStateRow[] = [];
    const gone: { d: string; r: string }[] = [];
    const alarms: NewAlarm[] = [];
    for (const x of due.rows) {
      const rule = x.status === 'active' ? resolveRules(x.rules ?? [], x.overrides).find((r) => r.id === x.rule_id) : undefined;
      if (!rule) {
        gone.push({ d: x.device_id, r: x.rule_id });
        continue;
      }
      // the ingest leaves an offline state up to a minute behind; the device's last seen is exact
      const f = fireDue(rule, heard(x.state, x.last_seen_at ? new Date(x.last_seen_at).getTime() : null), now.getTime());
      rows.push({ deviceId: x.device_id, ruleId: x.rule_id, state: f.state });
      if (f.alarm) {
        alarms.push({
          deviceId: x.device_id, alarmType: f.alarm.alarmType, category: f.alarm.category, ruleId: f.alarm.ruleId,
          level: f.alarm.level, matterCode: f.alarm.matterCode, raisedAt: new Date(f.alarm.raisedAt), details: f.alarm.details,
        });
      }
    }
    // a retired device, or a rule its profile no longer has: nothing left to watch
    if (gone.length > 0) {
      await tx.query(
        `update device_rule_states s set deadline_at = null, updated_at = $2
           from jsonb_to_recordset($1::jsonb) as t(d text, r text) where s.device_id = t.d and s.rule_id = t.r`,
        [JSON.stringify(gone), now],
      );
    }
    await saveRuleStates(tx, rows, now);
    for (const a of alarms) {
      if (a.category === 'maintenance') await tx.query(`update devices set offline_since = $2 where id = $1 and offline_since is null`, [a.deviceId, a.raisedAt]);
    }
    const alarmIds = await insertAlarms(tx, alarms);
    return { fired: alarms.length, claimed: due.rows.length, alarmIds };
  });
}

/** The earliest deadline of any rule (the alarm clock sleeps until then or its tick, whichever is first). */
export async function nextDeadlineAt(db: Db): Promise<Date | null> {
  const r = await db.query<{ at: Date | null }>(`select min(deadline_at) as at from device_rule_states where deadline_at is not null`);
  return r.rows[0]?.at ? new Date(r.rows[0].at) : null;
}

import type { Tx } from '../platform/db/db.ts';
import { likePrefix, inOrHoldingScope } from '../platform/db/sql.ts';

/*
 * Trigger matches (plan_trigger_matches) and the outbox of events the trigger service has not looked at yet: SQL only.
 * A match is one plan × one trigger event (`alarm:<id>`, `case:<id>`, `alert:<id>`): `open` (a suggestion before the
 * command center), `activated` (its incident), `dismissed` (with the reason), `failed` (an auto activation refused).
 */

export type MatchStatus = 'open' | 'activated' | 'dismissed' | 'failed';

export interface NewMatch {
  planId: string;
  planVersion: number;
  townId: string;
  orgPath: string;
  triggerKind: 'alarm' | 'case' | 'alert';
  triggerRef: string;
  triggerKey: string;
  level: string;
  mode: 'suggest' | 'auto';
}

/**
 * Inserts many matches in one statement (a batch of the outbox); those a plan already has for the trigger are skipped.
 * Answers the inserted ones' ids with their plan and trigger key.
 */
export async function insertMatches(tx: Tx, ms: readonly NewMatch[], now: Date): Promise<{ id: string; plan_id: string; trigger_key: string }[]> {
  if (ms.length === 0) return [];
  const r = await tx.query<{ id: string; plan_id: string; trigger_key: string }>(
    `insert into plan_trigger_matches (plan_id, plan_version, town_id, org_path, trigger_kind, trigger_ref, trigger_key, level, mode, matched_at)
     select m."planId", m."planVersion", m."townId", m."orgPath", m."triggerKind", m."triggerRef", m."triggerKey", m.level, m.mode, $2
       from jsonb_to_recordset($1::jsonb) as m("planId" text, "planVersion" int, "townId" text, "orgPath" text, "triggerKind" text,
                                                "triggerRef" text, "triggerKey" text, level text, mode text)
     on conflict (plan_id, trigger_key) do nothing returning id, plan_id, trigger_key`,
    [JSON.stringify(ms), now]);
  return r.rows;
}

/**
 * The activation of a plan for this trigger (manual from a suggestion, or auto) marks its match `activated` with the
 * incident, in the activation's transaction. A trigger that matched nothing (a person started the plan from an alarm
 * the service never suggested it for) gets an `activated` row too, so the alarm shows the plan it started. `decidedBy`
 * is the activator (null: the system).
 */
export async function markMatchActivated(
  tx: Tx, planId: string, triggerKey: string, incidentId: string, now: Date = new Date(), decidedBy: string | null = null,
): Promise<void> {
  const r = await tx.query(
    `update plan_trigger_matches set status = 'activated', incident_id = $3, error = null, decided_at = $4, decided_by = $5
      where plan_id = $1 and trigger_key = $2`,
    [planId, triggerKey, incidentId, now, decidedBy]);
  if (r.rowCount > 0) return;
  const [kind, ...rest] = triggerKey.split(':');
  if (kind !== 'alarm' && kind !== 'case' && kind !== 'alert') return;
  await tx.query(
    `insert into plan_trigger_matches (plan_id, plan_version, town_id, org_path, trigger_kind, trigger_ref, trigger_key, level, mode,
                                       matched_at, status, incident_id, decided_at, decided_by)
     select i.plan_id, i.plan_version, i.town_id, i.org_path, $3, $4, $2, i.level, 'suggest', $5, 'activated', i.id, $5, $6
       from incidents i where i.id = $1
     on conflict (plan_id, trigger_key) do update set status = 'activated', incident_id = excluded.incident_id,
        decided_at = excluded.decided_at, decided_by = excluded.decided_by`,
    [incidentId, triggerKey, kind, rest.join(':'), now, decidedBy]);
}

/** An auto activation refused (a role nobody holds, a retired plan …): the match stays visible with the reason. */
export async function markMatchFailed(tx: Tx, id: string, error: string, now: Date): Promise<void> {
  await tx.query(
    `update plan_trigger_matches set status = 'failed', error = $2, decided_at = $3 where id = $1 and status = 'open'`,
    [id, error, now]);
}

export interface MatchRow {
  id: string;
  plan_id: string;
  plan_name: string;
  plan_version: number;
  hazard: string;
  town_id: string;
  town_name: string;
  trigger_kind: 'alarm' | 'case' | 'alert';
  trigger_ref: string;
  trigger_key: string;
  level: string;
  mode: 'suggest' | 'auto';
  matched_at: Date;
  status: MatchStatus;
  incident_id: string | null;
  incident_number: string | null;
  error: string | null;
  decided_at: Date | null;
  decided_by_name: string | null;
  dismiss_reason: string | null;
  /** what the trigger was, in words: the alarm's type and device, the case's number and title, the alert's title */
  trigger_title: string | null;
  trigger_level: string | null;
}

const SELECT = `
  select m.id, m.plan_id, p.name as plan_name, m.plan_version, p.hazard, m.town_id, t.name as town_name, m.trigger_kind, m.trigger_ref,
         m.trigger_key, m.level, m.mode, m.matched_at, m.status, m.incident_id, i.number as incident_number, m.error, m.decided_at,
         da.name as decided_by_name, m.dismiss_reason,
         case m.trigger_kind
           when 'alarm' then (select d.name from alarms a join devices d on d.id = a.device_id where a.id = m.trigger_ref)
           when 'case' then (select c.number || ' ' || mt.name from cases c join matters mt on mt.id = c.matter_id where c.id = m.trigger_ref)
           when 'alert' then (select left(pa.text, 80) from platform_alerts pa where pa.id = m.trigger_ref)
         end as trigger_title,
         case m.trigger_kind when 'alarm' then (select a.level from alarms a where a.id = m.trigger_ref) end as trigger_level
    from plan_trigger_matches m
    join plans p on p.id = m.plan_id
    join org_units t on t.id = m.town_id
    left join incidents i on i.id = m.incident_id
    left join accounts da on da.id = m.decided_by`;

/**
 * The matches of the towns in or holding the scope (by the plan's town path, in SQL: a community's staff see their
 * town's, as they read its plans), newest first.
 */
export async function listMatches(
  tx: Tx, scopePath: string, f: { status: MatchStatus | null; triggerKind: string | null; triggerRef: string | null },
  before: { at: Date; id: string } | null, limit: number,
): Promise<MatchRow[]> {
  const r = await tx.query<MatchRow>(
    `${SELECT}
      where ${inOrHoldingScope('m.org_path', '$8', '$1')} and ($2::text is null or m.status = $2) and ($3::text is null or m.trigger_kind = $3)
        and ($4::text is null or m.trigger_ref = $4)
        and ($5::timestamptz is null or (m.matched_at, m.id) < ($5::timestamptz, $6::text))
      order by m.matched_at desc, m.id desc limit $7`,
    [likePrefix(scopePath), f.status, f.triggerKind, f.triggerRef, before?.at ?? null, before?.id ?? null, limit, scopePath]);
  return r.rows;
}

export async function findMatch(tx: Tx, scopePath: string, id: string, forUpdate = false): Promise<MatchRow | null> {
  if (forUpdate) {
    const locked = await tx.query('select id from plan_trigger_matches where id = $1 for update', [id]);
    if (locked.rows.length === 0) return null;
  }
  const r = await tx.query<MatchRow>(`${SELECT} where m.id = $1 and ${inOrHoldingScope('m.org_path', '$3', '$2')}`, [id, likePrefix(scopePath), scopePath]);
  return r.rows[0] ?? null;
}

/** false when the match is no longer open */
export async function dismissMatch(tx: Tx, id: string, reason: string, by: string, now: Date): Promise<boolean> {
  const r = await tx.query(
    `update plan_trigger_matches set status = 'dismissed', dismiss_reason = $2, decided_by = $3, decided_at = $4
      where id = $1 and status = 'open'`,
    [id, reason, by, now]);
  return r.rowCount === 1;
}

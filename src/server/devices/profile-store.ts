import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { reachSql, type Territory } from '../registry/reach.ts';
import type { DeviceType, Rule, RuleOverrides } from '../../shared/devices.ts';
import type { EscalationPolicy } from '../../shared/alarms.ts';

/*
 * SQL of device profiles: the platform's (no town, offered everywhere) and a town's own, seen by callers whose scope
 * lies in that town or holds it; the count of devices only of those the caller sees.
 */

export interface ProfileRow {
  id: string; town_id: string | null; device_type: DeviceType; name: string; rules: Rule[]; escalation: EscalationPolicy;
  version: number; updated_at: Date; updated_by_name: string | null;
  /** the town's path (null for a platform profile) */
  town_path: string | null;
  /** active devices with this profile outside the caller's territory (whose rules the caller may not change) */
  devices_outside: number;
  devices?: number;
}

/** The profile is the platform's, or its town lies in the scope or holds it. */
function visible(scopePath: string, params: unknown[]): string {
  params.push(likePrefix(scopePath), scopePath);
  return `(pr.town_id is null or t.path like $${params.length - 1} or $${params.length} like t.path || '%')`;
}

/** The profile's columns, and its active devices outside the scope ($2, a LIKE prefix). */
const profileSelect = (scopeParam: number) => `select pr.id, pr.town_id, pr.device_type, pr.name, pr.rules, pr.escalation, pr.version,
    pr.updated_at, pr.updated_by_name, t.path as town_path,
    (select count(*)::int from devices o where o.profile_id = pr.id and o.status = 'active' and not (o.org_path like $${scopeParam})) as devices_outside
  from device_profiles pr left join org_units t on t.id = pr.town_id`;

export async function listProfiles(tx: Tx, t: Territory, type: DeviceType | undefined): Promise<ProfileRow[]> {
  const params: unknown[] = [];
  const where = [visible(t.scopePath, params)];
  if (type) { params.push(type); where.push(`pr.device_type = $${params.length}`); }
  const seen = reachSql(t, 'd', params);
  // one pass over the active devices for every profile's counts
  const r = await tx.query<ProfileRow>(
    `select pr.id, pr.town_id, pr.device_type, pr.name, pr.rules, pr.escalation, pr.version, pr.updated_at, pr.updated_by_name,
            t.path as town_path, coalesce(c.outside, 0)::int as devices_outside, coalesce(c.seen, 0)::int as devices
       from device_profiles pr left join org_units t on t.id = pr.town_id
       left join (select d.profile_id, count(*) filter (where not (d.org_path like $1)) as outside, count(*) filter (where ${seen}) as seen
                    from devices d where d.status = 'active' group by d.profile_id) c on c.profile_id = pr.id
      where ${where.join(' and ')}
      order by pr.town_id nulls first, pr.device_type, pr.name, pr.id`, params);
  return r.rows;
}

export async function findProfile(tx: Tx, scopePath: string, id: string, forUpdate = false): Promise<ProfileRow | null> {
  const params: unknown[] = [id];
  const where = visible(scopePath, params);
  const r = await tx.query<ProfileRow>(`${profileSelect(2)} where pr.id = $1 and ${where}${forUpdate ? ' for update of pr' : ''}`, params);
  return r.rows[0] ?? null;
}

/** The profile a new device of this type gets without one named: its town's own first, else the platform's. */
export async function defaultProfileFor(tx: Tx, type: DeviceType, townId: string): Promise<ProfileRow | null> {
  const r = await tx.query<ProfileRow>(
    `${profileSelect(3)} where pr.device_type = $1 and (pr.town_id = $2 or pr.town_id is null)
      order by pr.town_id nulls last, pr.id limit 1`, [type, townId, '%']);
  return r.rows[0] ?? null;
}

export async function saveProfileRules(tx: Tx, id: string, v: { rules: Rule[]; escalation: EscalationPolicy },
  by: { accountId: string; name: string }, now: Date): Promise<void> {
  await tx.query(
    `update device_profiles set rules = $2::jsonb, escalation = $3::jsonb, version = version + 1, updated_at = $4,
       updated_by = $5, updated_by_name = $6 where id = $1`,
    [id, JSON.stringify(v.rules), JSON.stringify(v.escalation), now, by.accountId, by.name]);
}

/** The active devices with this profile, locked in id order (their rule states are re-armed when its rules change). */
export async function listProfileDevices(tx: Tx, profileId: string): Promise<{ id: string; overrides: RuleOverrides }[]> {
  return (await tx.query<{ id: string; overrides: RuleOverrides }>(
    `select id, overrides from devices where profile_id = $1 and status = 'active' order by id for update`, [profileId])).rows;
}

import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { SCREEN_WINDOWS } from '../../shared/screen.ts';
import type { OrgLevel } from '../../shared/org-levels.ts';
import { OPEN_COUNTS_UNDER } from '../cases/open-counts-store.ts';

/*
 * The command screen's SQL. Every query is scoped by the unit's path (an index range on org_path: the unit was checked
 * to lie in the caller's scope first) and windowed (SCREEN_WINDOWS). Nothing here reads a reporter, an elder's name or
 * a resident's record: cases give number, category, light, place; alarms the device's place and the rule's name.
 */

const OPEN = `c.status not in ('closed','rejected')`;
/** the worst light among a case's running clocks (the SLA sweep keeps them current) */
const WORST = `(select max(case k.value->>'light' when 'red' then 3 when 'yellow' then 2 when 'green' then 1 end)
                  from jsonb_each(c.clocks) k where k.value->>'stoppedAt' is null)`;
/** an open case whose running clock is red (the same as WORST = 3, without unpacking every clock) */
const RED = `c.clocks @? '$.* ? (@.light == "red" && @.stoppedAt == null)'`;
const LIGHT_OF = (rank: string) => `case ${rank} when 3 then 'red' when 2 then 'yellow' when 1 then 'green' else 'none' end`;

export interface UnitRow { id: string; name: string; level: OrgLevel; path: string; geometry: unknown }

export async function findUnit(tx: Tx, id: string): Promise<UnitRow | null> {
  const r = await tx.query<UnitRow>('select id, name, level, path, geometry from org_units where id = $1', [id]);
  return r.rows[0] ?? null;
}

/** The unit's ancestors from the top down to it (itself included), by the ids in its path. */
export async function ancestors(tx: Tx, unitPath: string): Promise<{ id: string; name: string; level: OrgLevel; path: string }[]> {
  const ids = unitPath.split('/').filter(Boolean);
  const r = await tx.query<{ id: string; name: string; level: OrgLevel; path: string }>(
    'select id, name, level, path from org_units where id = any($1::text[]) order by length(path)', [ids]);
  return r.rows;
}

/** open and red cases per child ($3: where the child's id starts in a path), from the cases under the unit (`like` $2) */
const OPEN_BY_CASES = `select split_part(substr(c.org_path, $3), '/', 1) as child, count(*)::int as open_cases,
                        count(*) filter (where ${RED})::int as red_cases
                   from cases c where c.org_path like $2 and ${OPEN} group by 1`;
/** the same from the towns' open-case roll-ups (the `light` kind counts every open case once, `red` the red ones) */
const OPEN_BY_TOWNS = `select split_part(substr(r.town_path, $3), '/', 1) as child, coalesce(sum(r.n) filter (where r.kind = 'light'), 0)::int as open_cases,
                        coalesce(sum(r.n) filter (where r.kind = 'red'), 0)::int as red_cases
                   from ${OPEN_COUNTS_UNDER('$2')} r where r.kind in ('light', 'red') group by 1`;

export interface ChildRow { id: string; name: string; level: OrgLevel; path: string; geometry?: unknown; open_cases: number; red_cases: number; active_alarms: number }

/**
 * The unit's children with their open and red cases and standing alarms, grouped by the path segment after the unit's
 * (a path is '/id/id/…/'): a city's or a district's from the towns' open-case roll-ups (migration 040), a town's and
 * below from one index range over the unit's open cases.
 */
export async function children(tx: Tx, unit: UnitRow, withGeometry: boolean): Promise<ChildRow[]> {
  const like = likePrefix(unit.path);
  const r = await tx.query<ChildRow>(
    `with kids as (select id, name, level, path${withGeometry ? ', geometry' : ''}, sort from org_units where parent_id = $1),
          cs as (${unit.level === 'city' || unit.level === 'district' ? OPEN_BY_TOWNS : OPEN_BY_CASES}),
          al as (select split_part(substr(a.org_path, $3), '/', 1) as child, count(*)::int as active_alarms
                   from alarms a where a.org_path like $2 and a.status <> 'cleared' group by 1)
     select k.id, k.name, k.level, k.path${withGeometry ? ', k.geometry' : ''},
            coalesce(cs.open_cases, 0) as open_cases, coalesce(cs.red_cases, 0) as red_cases, coalesce(al.active_alarms, 0) as active_alarms
       from kids k left join cs on cs.child = k.id left join al on al.child = k.id
      order by k.sort, k.name`,
    [unit.id, like, unit.path.length + 1]);
  return r.rows;
}

export interface LiveCaseRow {
  id: string; number: string; category_name: string; status: string; light: string; lng: number | null; lat: number | null;
  grid_id: string; address: string | null; created_at: Date;
}

/**
 * The newest open cases under the unit (a window of SCREEN_WINDOWS.liveCases). A town or a unit inside one reads its
 * open cases by path (cases_open_path) and keeps the newest; above the towns, where most open cases are the unit's, the
 * newest open cases are walked until the window is full.
 */
export async function liveCases(tx: Tx, unitPath: string, wide: boolean): Promise<LiveCaseRow[]> {
  const newest = wide
    ? `select c.id from cases c where c.org_path like $1 and ${OPEN} order by c.created_at desc, c.id desc limit $2`
    : `with o as materialized (select c.id, c.created_at from cases c where c.org_path like $1 and ${OPEN})
       select id from o order by created_at desc, id desc limit $2`;
  const r = await tx.query<LiveCaseRow>(
    `select c.id, c.number, m.name as category_name, c.status, ${LIGHT_OF(WORST)} as light, c.lng, c.lat, c.grid_id, c.address, c.created_at
       from (${newest}) w join cases c on c.id = w.id
       join matters m on m.id = c.matter_id
      order by c.created_at desc, c.id desc`,
    [likePrefix(unitPath), SCREEN_WINDOWS.liveCases]);
  return r.rows;
}

export interface AlarmRow {
  id: string; alarm_type: string; type_name: string | null; level: string; place_name: string; lng: number | null; lat: number | null;
  grid_id: string; raised_at: Date; status: string;
}

/**
 * The newest standing (not cleared) alarms under the unit. The place is the device's own name only when it is bound to
 * a place (a device bound to a person or household is named after them, so its grid stands for the place).
 */
export async function standingAlarms(tx: Tx, unitPath: string): Promise<AlarmRow[]> {
  const r = await tx.query<AlarmRow>(
    `select a.id, a.alarm_type, (select x->>'name' from jsonb_array_elements(p.rules) x where x->>'id' = a.rule_id limit 1) as type_name,
            a.level, case when d.binding_kind = 'place' then d.name else g.name end as place_name,
            d.lng, d.lat, a.grid_id, a.raised_at, a.status
       from (select * from alarms a where a.org_path like $1 and a.status <> 'cleared' order by a.raised_at desc, a.id desc limit $2) a
       join devices d on d.id = a.device_id join device_profiles p on p.id = d.profile_id join org_units g on g.id = a.grid_id
      order by a.raised_at desc, a.id desc`,
    [likePrefix(unitPath), SCREEN_WINDOWS.alarms]);
  return r.rows;
}

export interface IncidentRow {
  id: string; number: string; title: string; level: string; status: string; drill: boolean; lng: number | null; lat: number | null; activated_at: Date;
}

/** Active incidents under the unit, or of a unit holding it (a town's incident shows on its communities' screens). */
export async function activeIncidents(tx: Tx, unitPath: string): Promise<IncidentRow[]> {
  const r = await tx.query<IncidentRow>(
    `select i.id, i.number, i.title, i.level, i.status, i.drill, i.lng, i.lat, i.activated_at from incidents i
      where i.status = 'active' and (i.org_path like $1 or $2 like i.org_path || '%')
      order by i.activated_at desc, i.id desc limit $3`,
    [likePrefix(unitPath), unitPath, SCREEN_WINDOWS.incidents]);
  return r.rows;
}

export interface DutySlotRow { day: string; shift: 'leader' | 'day' | 'night'; name: string; phone: string | null }

/** The town's watch on these duty days (staff names; their phones as stored, sealed or not — the caller masks). */
export async function dutySlots(tx: Tx, townId: string, days: readonly string[]): Promise<DutySlotRow[]> {
  const r = await tx.query<DutySlotRow>(
    `select x.day, x.shift, a.name, a.phone from duty_roster_slots x join accounts a on a.id = x.account_id
      where x.town_id = $1 and x.day = any($2::text[])
      order by x.day, array_position(array['leader','day','night'], x.shift), x.sort`,
    [townId, days]);
  return r.rows;
}

export interface FeedRow { at: Date; kind: 'case' | 'alarm' | 'incident'; ref_id: string; a: string | null; b: string | null; c: string | null }

/**
 * The newest happenings under the unit: cases reported or closed, alarms raised, incidents started — each source
 * windowed by its own index, then merged and cut to SCREEN_WINDOWS.feed.
 */
export async function feed(tx: Tx, unitPath: string): Promise<FeedRow[]> {
  const n = SCREEN_WINDOWS.feed;
  const r = await tx.query<FeedRow>(
    `(select c.updated_at as at, 'case' as kind, c.id as ref_id, c.status as a, m.name as b, g.name as c
        from (select * from cases c where c.org_path like $1 order by c.updated_at desc limit $3) c
        join matters m on m.id = c.matter_id join org_units g on g.id = c.grid_id)
     union all
     (select a.raised_at, 'alarm', a.id, a.level, (select x->>'name' from jsonb_array_elements(p.rules) x where x->>'id' = a.rule_id limit 1), g.name
        from (select * from alarms a where a.org_path like $1 order by a.raised_at desc limit $3) a
        join devices d on d.id = a.device_id join device_profiles p on p.id = d.profile_id join org_units g on g.id = a.grid_id)
     union all
     (select i.activated_at, 'incident', i.id, i.level, i.title, i.number from incidents i
       where (i.org_path like $1 or $2 like i.org_path || '%') order by i.activated_at desc limit $3)
     order by at desc limit $3`,
    [likePrefix(unitPath), unitPath, n]);
  return r.rows;
}

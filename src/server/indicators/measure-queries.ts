// The SQL of every measure (src/shared/indicators.ts MEASURES) for a range of Asia/Shanghai days, per grid (or the unit a
// record is located in when it has no grid: an idea of a community, an incident without affected grids at its town).
// Each measure is dated by the event that makes it, read from the records themselves:
//   cases      casesReported — created that day; casesAccepted / casesRejected / casesDispatched / casesExtended
//              (延期 = a suspension approved) / casesReworked (返工 = a handling sent back, `reopen`) — the timeline's
//              entries of that day; casesAcceptedIn5Min — accepted within 5 minutes of the report; casesHandled — a
//              handling (report_done, resolve_on_spot); casesHandledOnTime — a handling that stood (not sent back)
//              and whose handling clock was not red when it stopped (a case handled on the spot has none: on time);
//              casesVerified — a check of a handling (verify or reopen); casesVerifiedOnTime — a check within
//              24 hours of the handling it checks; casesClosed — the day a case entered `closed`; casesClosedOnTime —
//              of those, the ones whose handling clock was not red; casesDue (应结案数) — the cases whose handling
//              deadline (suspensions added) falls on the day, and those closed that day that never had one (on the
//              spot); casesRated / casesSatisfied (4 or 5) / satisfactionPoints — a rating (rate, revisit) given that
//              day; casesOpen (stock) — reported by the day's end and neither closed nor rejected by it; casesOverdue
//              (stock) — open at the day's end with the handling deadline passed.
//   tasks      tasksDue — due that day (not cancelled); tasksDone — done that day; tasksDoneOnTime — done that day
//              on or before its due day.
//   visits     visits — made that day; keyPersonVisits — of them, to a resident of a key group (a tag with a visit
//              frequency); keyPeopleVisited — the key people visited that day (each once a day).
//   people     keyPeople / residents (stock) — in the registry at the day's end (tags as they are now);
//              gridWorkerDays — the grid's team members with an account (leader, full and part time) not absent that
//              day; gridWorkerActiveDays — of them, those who visited, did a task or took a case step that day.
//   alarms     alarmsRaised — raised that day; alarmsAckedOnTime — of them, acknowledged (or cleared) within 15 minutes.
//   incidents  incidentsOpened / incidentsMajor (level I or II) — activated that day, drills left out, once per
//              affected grid (at the town when none is named).
//   disputes   disputesOpened — registered that day; disputesSettled (办结) — closed that day; disputesResolved
//              (化解) — of those, the ones resolved (not sent to court).
//   ideas      ideasSubmitted — submitted that day, at the unit they were submitted to.
// A stock measure is the count at the day's end; the roll-ups give a period its last counted day's value.
import { MEASURES, type MeasureCode } from '../../shared/indicators.ts';

/** minutes within which an alarm counts as answered on time */
export const ALARM_ON_TIME_MINUTES = 15;
/** hours within which a check of a handling counts as on time */
export const VERIFY_ON_TIME_HOURS = 24;

export const STOCK_MEASURES = (Object.keys(MEASURES) as MeasureCode[]).filter((m) => MEASURES[m].kind === 'stock');
export const FLOW_MEASURES = (Object.keys(MEASURES) as MeasureCode[]).filter((m) => MEASURES[m].kind === 'flow');

/** the Asia/Shanghai day of a timestamptz expression */
const dayOf = (expr: string) => `((${expr}) at time zone 'Asia/Shanghai')::date`;
/** the effective handling deadline of a case (epoch ms, suspensions added); cases_handle_due indexes it */
export const HANDLE_DUE_MS = `(((c.clocks->'handle'->>'due')::bigint) + coalesce((c.clocks->'handle'->>'suspendedMs')::bigint, 0))`;

/**
 * One statement: rows (org_unit_id, day, measure, value) — non-zero only — of every measure for the days $1..$2
 * (YYYY-MM-DD, inclusive). Each group reads its records of the range through an index on their date.
 */
export const MEASURES_SQL = `
with b as (
  select ($1::date)::timestamp at time zone 'Asia/Shanghai' as t0,
         (($2::date) + 1)::timestamp at time zone 'Asia/Shanghai' as t1,
         $1::date as d0, $2::date as d1,
         (extract(epoch from ($1::date)::timestamp at time zone 'Asia/Shanghai') * 1000)::bigint as ms0,
         (extract(epoch from (($2::date) + 1)::timestamp at time zone 'Asia/Shanghai') * 1000)::bigint as ms1
),
key_tags as (select coalesce(array_agg(distinct code), '{}') as codes from registry_tags where visit_every_days is not null),
-- the case timeline's entries of the range, with their case
ev as (
  select e.id, e.case_id, e.action, e.at, e.from_status, e.to_status, c.grid_id, c.created_at, c.clocks, c.satisfaction,
         ${dayOf('e.at')} as day
    from b, case_events e join cases c on c.id = e.case_id
   where e.at >= b.t0 and e.at < b.t1
     and e.action in ('accept','reject','dispatch','approve_suspension','report_done','resolve_on_spot','verify','reopen','rate','revisit')
),
case_flows as (
  select grid_id, day,
    count(*) filter (where action = 'accept') as accepted,
    count(*) filter (where action = 'accept' and at - created_at <= interval '5 minutes') as accepted5,
    count(*) filter (where action = 'reject') as rejected,
    count(*) filter (where action = 'dispatch') as dispatched,
    count(*) filter (where action = 'approve_suspension') as extended,
    count(*) filter (where action = 'reopen') as reworked,
    count(*) filter (where action in ('report_done','resolve_on_spot')) as handled,
    count(*) filter (where action in ('report_done','resolve_on_spot')
      and coalesce(clocks->'handle'->>'light', 'green') <> 'red'
      and not exists (select 1 from case_events r where r.case_id = ev.case_id and r.case_created_at = ev.created_at and r.id > ev.id and r.action = 'reopen')) as handled_on_time,
    count(*) filter (where action in ('verify','reopen')) as verified,
    count(*) filter (where action in ('verify','reopen') and at - interval '${VERIFY_ON_TIME_HOURS} hours' <= (
      select max(h.at) from case_events h where h.case_id = ev.case_id and h.case_created_at = ev.created_at and h.id < ev.id and h.action in ('report_done','resolve_on_spot'))) as verified_on_time,
    count(*) filter (where to_status = 'closed' and from_status is distinct from 'closed') as closed,
    count(*) filter (where to_status = 'closed' and from_status is distinct from 'closed'
      and coalesce(clocks->'handle'->>'light', 'green') <> 'red') as closed_on_time,
    count(*) filter (where to_status = 'closed' and from_status is distinct from 'closed' and not (clocks ? 'handle')) as due_on_spot,
    count(*) filter (where action in ('rate','revisit') and satisfaction is not null and (satisfaction->>'at')::timestamptz = at) as rated,
    count(*) filter (where action in ('rate','revisit') and satisfaction is not null and (satisfaction->>'at')::timestamptz = at
      and (satisfaction->>'score')::int >= 4) as satisfied,
    coalesce(sum((satisfaction->>'score')::int) filter (where action in ('rate','revisit') and satisfaction is not null
      and (satisfaction->>'at')::timestamptz = at), 0) as points
  from ev group by grid_id, day
),
reported as (
  select c.grid_id, ${dayOf('c.created_at')} as day, count(*) as n
    from b, cases c where c.created_at >= b.t0 and c.created_at < b.t1 group by 1, 2
),
due as (
  select c.grid_id, ${dayOf(`to_timestamp(${HANDLE_DUE_MS} / 1000.0)`)} as day, count(*) as n
    from b, cases c
   where c.clocks ? 'handle' and ${HANDLE_DUE_MS} >= b.ms0 and ${HANDLE_DUE_MS} < b.ms1 and c.status <> 'rejected'
   group by 1, 2
),
-- every case open at some time of the range: when it was reported, when it ended (closed or rejected), its deadline
case_life as (
  select c.grid_id, ${dayOf('c.created_at')} as born, null::date as ended,
         case when c.clocks ? 'handle' then ${dayOf(`to_timestamp(${HANDLE_DUE_MS} / 1000.0)`)} end as due_day
    from b, cases c where c.status not in ('closed','rejected') and c.created_at < b.t1
  union all
  select c.grid_id, ${dayOf('c.created_at')}, ${dayOf('e.at')},
         case when c.clocks ? 'handle' then ${dayOf(`to_timestamp(${HANDLE_DUE_MS} / 1000.0)`)} end
    from b, case_events e join cases c on c.id = e.case_id
   where e.at >= b.t0 and e.to_status in ('closed','rejected') and e.from_status not in ('closed','rejected')
     and c.created_at < b.t1
),
people as (
  select r.grid_id, ${dayOf('r.created_at')} as born, ${dayOf('r.left_at')} as ended, r.tags && k.codes as key
    from b, key_tags k, registry_residents r
   where r.created_at < b.t1 and (r.left_at is null or r.left_at >= b.t0)
),
-- +1 on the day a count starts (or the range's first day), -1 on the day it ends, within the range
stock_deltas as (
  select grid_id, measure, day, sum(delta) as delta from (
    select grid_id, 'casesOpen' as measure, greatest(born, b.d0) as day, 1 as delta from b, case_life where born <= b.d1
    union all select grid_id, 'casesOpen', ended, -1 from b, case_life where ended between b.d0 and b.d1
    union all select grid_id, 'casesOverdue', greatest(due_day, b.d0), 1 from b, case_life
      where due_day <= b.d1 and (ended is null or ended > due_day)
    union all select grid_id, 'casesOverdue', ended, -1 from b, case_life
      where ended between b.d0 and b.d1 and due_day < ended
    union all select grid_id, 'residents', greatest(born, b.d0), 1 from b, people where born <= b.d1
    union all select grid_id, 'residents', ended, -1 from b, people where ended between b.d0 and b.d1
    union all select grid_id, 'keyPeople', greatest(born, b.d0), 1 from b, people where key and born <= b.d1
    union all select grid_id, 'keyPeople', ended, -1 from b, people where key and ended between b.d0 and b.d1
  ) x group by 1, 2, 3
),
stocks as (
  select k.grid_id, k.measure, d.day::date as day,
         sum(coalesce(s.delta, 0)) over (partition by k.grid_id, k.measure order by d.day) as value
    from b, (select distinct grid_id, measure from stock_deltas) k
    cross join lateral generate_series(b.d0, b.d1, interval '1 day') d(day)
    left join stock_deltas s on s.grid_id = k.grid_id and s.measure = k.measure and s.day = d.day::date
),
task_flows as (
  select grid_id, day, sum(due) as due, sum(done) as done, sum(on_time) as on_time from (
    select t.grid_id, t.due_on as day, 1 as due, 0 as done, 0 as on_time
      from b, tasks t where t.due_on between b.d0 and b.d1 and t.status <> 'cancelled'
    union all
    select t.grid_id, ${dayOf('t.done_at')}, 0, 1, case when ${dayOf('t.done_at')} <= t.due_on then 1 else 0 end
      from b, tasks t where t.status = 'done' and t.done_at >= b.t0 and t.done_at < b.t1
  ) x group by 1, 2
),
visit_rows as (
  select v.grid_id, ${dayOf('v.at')} as day, v.visitor_id, v.subject_id,
         (v.subject_kind = 'resident' and exists (select 1 from registry_residents r where r.id = v.subject_id and r.tags && k.codes)) as key
    from b, key_tags k, visits v where v.at >= b.t0 and v.at < b.t1
),
visit_flows as (
  select grid_id, day, count(*) as n, count(*) filter (where key) as key_n, count(distinct subject_id) filter (where key) as key_people
    from visit_rows group by 1, 2
),
-- who did something that day: a visit, a task done, a case step
activity as (
  select visitor_id as account_id, day from visit_rows
  union select t.done_by, ${dayOf('t.done_at')} from b, tasks t where t.status = 'done' and t.done_at >= b.t0 and t.done_at < b.t1 and t.done_by is not null
  union select e.actor_id, ${dayOf('e.at')} from b, case_events e where e.at >= b.t0 and e.at < b.t1 and e.actor_id is not null
),
worker_days as (
  select m.grid_id, d.day::date as day, count(*) as n, count(a.account_id) as active
    from b, grid_team_members m
    cross join lateral generate_series(b.d0, b.d1, interval '1 day') d(day)
    left join activity a on a.account_id = m.account_id and a.day = d.day::date
   where m.account_id is not null and m.team_role in ('gridLeader','fullTime','partTime')
     and not exists (select 1 from staff_absences s where s.account_id = m.account_id and d.day::date between s.from_on and s.to_on)
   group by 1, 2
),
alarm_flows as (
  select a.grid_id, ${dayOf('a.raised_at')} as day, count(*) as n,
         count(*) filter (where coalesce(a.acknowledged_at, a.cleared_at) <= a.raised_at + interval '${ALARM_ON_TIME_MINUTES} minutes') as on_time
    from b, alarms a where a.raised_at >= b.t0 and a.raised_at < b.t1 group by 1, 2
),
incident_flows as (
  select g.unit as grid_id, ${dayOf('i.activated_at')} as day, count(*) as n, count(*) filter (where i.level in ('I','II')) as major
    from b, incidents i
    cross join lateral unnest(case when cardinality(i.affected_grid_ids) > 0 then i.affected_grid_ids else array[i.town_id] end) g(unit)
   where i.activated_at >= b.t0 and i.activated_at < b.t1 and not i.drill group by 1, 2
),
dispute_flows as (
  select grid_id, day, sum(opened) as opened, sum(settled) as settled, sum(resolved) as resolved from (
    select d.grid_id, ${dayOf('d.created_at')} as day, 1 as opened, 0 as settled, 0 as resolved
      from b, disputes d where d.created_at >= b.t0 and d.created_at < b.t1
    union all
    select d.grid_id, ${dayOf('d.closed_at')}, 0, 1, case when d.resolved_at is not null then 1 else 0 end
      from b, disputes d where d.status = 'closed' and d.closed_at >= b.t0 and d.closed_at < b.t1
  ) x group by 1, 2
),
idea_flows as (
  select i.org_unit_id as grid_id, ${dayOf('i.created_at')} as day, count(*) as n
    from b, ideas i where i.created_at >= b.t0 and i.created_at < b.t1 group by 1, 2
),
all_rows as (
  select grid_id, day, m.measure, m.value::double precision as value from case_flows cross join lateral (values
    ('casesAccepted', accepted), ('casesAcceptedIn5Min', accepted5), ('casesRejected', rejected),
    ('casesDispatched', dispatched), ('casesExtended', extended), ('casesReworked', reworked), ('casesHandled', handled),
    ('casesHandledOnTime', handled_on_time), ('casesVerified', verified), ('casesVerifiedOnTime', verified_on_time),
    ('casesClosed', closed), ('casesClosedOnTime', closed_on_time), ('casesDue', due_on_spot), ('casesRated', rated),
    ('casesSatisfied', satisfied), ('satisfactionPoints', points)) m(measure, value)
  union all select grid_id, day, 'casesReported', n from reported
  union all select grid_id, day, 'casesDue', n from due
  union all select grid_id, day, measure, value from stocks
  union all select grid_id, day, m.measure, m.value from task_flows cross join lateral (values
    ('tasksDue', due), ('tasksDone', done), ('tasksDoneOnTime', on_time)) m(measure, value)
  union all select grid_id, day, m.measure, m.value from visit_flows cross join lateral (values
    ('visits', n), ('keyPersonVisits', key_n), ('keyPeopleVisited', key_people)) m(measure, value)
  union all select grid_id, day, m.measure, m.value from worker_days cross join lateral (values
    ('gridWorkerDays', n), ('gridWorkerActiveDays', active)) m(measure, value)
  union all select grid_id, day, m.measure, m.value from alarm_flows cross join lateral (values
    ('alarmsRaised', n), ('alarmsAckedOnTime', on_time)) m(measure, value)
  union all select grid_id, day, m.measure, m.value from incident_flows cross join lateral (values
    ('incidentsOpened', n), ('incidentsMajor', major)) m(measure, value)
  union all select grid_id, day, m.measure, m.value from dispute_flows cross join lateral (values
    ('disputesOpened', opened), ('disputesSettled', settled), ('disputesResolved', resolved)) m(measure, value)
  union all select grid_id, day, 'ideasSubmitted', n from idea_flows
)
select grid_id as org_unit_id, day, measure, sum(value) as value
  from all_rows where value <> 0 group by 1, 2, 3 having sum(value) <> 0`;

-- Time partitioning at city scale (issue 18). Months are Asia/Shanghai months; a month's partition is
-- <table>_yYYYYmMM and every partitioned table keeps a DEFAULT partition <table>_default as a safety net.
-- src/server/platform/db/partitions.ts makes months ahead (the partition-upkeep job, daily, three months ahead) and drops
-- device_readings' months past READINGS_RETENTION_MONTHS. docs/operations.md "Database at scale" says why each table is
-- or is not partitioned:
--   * case_events: partitioned here by the month of its CASE's creation (case_created_at = cases.created_at), so a
--     case's whole timeline lives in one partition, (case_id, request_key) stays unique (case_created_at is a function
--     of case_id) and a timeline read that gives case_created_at touches one partition.
--   * device_readings: partitioned by the reading's month since 029; retention drops whole months.
--   * cases: one table. 13 foreign keys point at cases.id, which a partitioned table could only offer as
--     (id, created_at); the lists filter by scope and status, served by partial indexes, not by time; case records are
--     kept for ever, so there is no month to drop.
--   * visits, point_transactions, point_entries: one table each. Their unique keys (visits (visitor_id, request_key),
--     point_transactions' idempotency_key, reverses_id and (rule_code, subject_id, event_ref)) would have to include the
--     time column, and a retry with a later time would then be a second visit or a second award; tasks.visit_id,
--     point_entries.transaction_id and point_redemptions point at their ids. Both are records kept for ever (no month is
--     ever dropped), and their lists are served by (path, at) and (subject, at) indexes.

-- The append-only guard, as 012 left it, plus one more exception: partition upkeep moving a month's rows out of the
-- DEFAULT partition into the month made for them (a DELETE in a transaction that says so, followed by the same rows'
-- INSERT into the new month; partitions.ts).
create or replace function case_events_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and coalesce(current_setting('zhizhi.seal_personal_data', true), '') = 'on' and old.action = 'report'
     and (to_jsonb(new) - 'actor_name') = (to_jsonb(old) - 'actor_name') then
    return new;
  end if;
  if tg_op = 'DELETE' and coalesce(current_setting('zhizhi.partition_move', true), '') = 'on' then
    return old;
  end if;
  raise exception 'case_events is append-only';
end $$;

-- The new table: the same columns in the same order, case_created_at last. `id` stays an identity (continued past the
-- old maximum below); the primary key must hold the partition key, so it is (id, case_created_at).
create table case_events_by_month (
  id              bigint generated always as identity,
  case_id         text not null,
  at              timestamptz not null,
  action          text not null,
  actor_id        text,
  actor_name      text,
  from_status     text,
  to_status       text,
  reason          text,
  data            jsonb,
  ip              text,
  request_key     text,
  case_created_at timestamptz not null
) partition by range (case_created_at);
create table case_events_default partition of case_events_by_month default;

-- One partition for each month from the oldest case's to three months past the newest case's or today's, whichever
-- is later (an empty database: today's month and three ahead). Same bounds and names as partitions.ts.
do $$
declare
  first_month timestamp;
  last_month  timestamp;
  m           timestamp;
begin
  select date_trunc('month', coalesce(min(created_at), now()) at time zone 'UTC' + interval '8 hours'),
         date_trunc('month', greatest(coalesce(max(created_at), now()), now()) at time zone 'UTC' + interval '8 hours') + interval '3 months'
    into first_month, last_month
    from cases;
  m := first_month;
  while m <= last_month loop
    execute format('create table case_events_y%s partition of case_events_by_month for values from (%L) to (%L)',
                   to_char(m, 'YYYY"m"MM'),
                   ((m - interval '8 hours') at time zone 'UTC')::text,
                   ((m + interval '1 month' - interval '8 hours') at time zone 'UTC')::text);
    m := m + interval '1 month';
  end loop;
end $$;

-- Every event, with its id, moved over; indexes are built after the rows are in (faster than row by row).
insert into case_events_by_month (id, case_id, at, action, actor_id, actor_name, from_status, to_status, reason, data, ip,
                                  request_key, case_created_at)
  overriding system value
  select e.id, e.case_id, e.at, e.action, e.actor_id, e.actor_name, e.from_status, e.to_status, e.reason, e.data, e.ip,
         e.request_key, c.created_at
    from case_events e join cases c on c.id = e.case_id;

-- case_photos.event_id names the entry a photo came with. Its foreign key goes: a key into a partitioned table must
-- name the whole primary key (event_id, case_created_at), and the photo rows are written by the same statement or
-- transaction as their entry (insertReport, attachPhotos after insertEvent), in a table that is append-only.
alter table case_photos drop constraint case_photos_event_id_fkey;
drop table case_events;
alter table case_events_by_month rename to case_events;
alter sequence case_events_by_month_id_seq rename to case_events_id_seq;
select setval('case_events_id_seq', coalesce((select max(id) from case_events), 0) + 1, false);

alter table case_events add constraint case_events_pkey primary key (id, case_created_at);
alter table case_events add constraint case_events_case_id_fkey foreign key (case_id) references cases(id);
create index case_events_case on case_events (case_id, id);
create index case_events_at on case_events (at);
-- an action retried with the same Idempotency-Key answers the first entry (022); case_created_at rides along because
-- a unique index of a partitioned table must hold the partition key (and it is a function of case_id)
create unique index case_events_request_key on case_events (case_id, case_created_at, request_key) where request_key is not null;
create trigger case_events_no_update before update or delete on case_events for each row execute function case_events_guard();

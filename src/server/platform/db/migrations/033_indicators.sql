-- 体征指标 and KPIs (issue 17). Measures are counted per grid and Asia/Shanghai day from the records (indicator_facts);
-- the job adds each day's change into the roll-ups of every unit above the grid and of the day's month, quarter and
-- year (indicator_rollups), so a day's change never recomputes the year. An indicator's value is its formula over the
-- roll-up of its unit and period.

-- The catalog: the standard indicators (org_unit_id null) and those a town defines from the same measures.
create table indicator_definitions (
  code          text primary key,
  org_unit_id   text references org_units(id),
  org_path      text,
  name_zh       text not null,
  name_en       text not null,
  description   text not null default '',
  board         text not null check (board in ('party','economy','livelihood','safety','center')),
  unit          text not null check (unit in ('percent','count','score','perTenThousand','minutes')),
  direction     text not null check (direction in ('higher','lower')),
  formula       jsonb not null,
  -- the target, and the band around it that is still yellow (in the indicator's unit)
  target        double precision,
  warn_band     double precision,
  period_kinds  text[] not null default '{month,quarter,year}',
  standard      boolean not null default false,
  sort          integer not null default 0,
  archived_at   timestamptz,
  version       integer not null default 1,
  created_by    text references accounts(id),
  created_at    timestamptz not null,
  updated_at    timestamptz not null,
  -- the creator's Idempotency-Key: a retried POST answers the indicator it made
  idempotency_key text,
  check ((org_unit_id is null) = standard)
);
create index indicator_definitions_path on indicator_definitions (org_path text_pattern_ops) where org_path is not null;
create unique index indicator_definitions_key on indicator_definitions (created_by, idempotency_key) where idempotency_key is not null;

-- A town's own target for a standard indicator (the catalog's target is the default).
create table indicator_targets (
  code         text not null references indicator_definitions(code),
  org_unit_id  text not null references org_units(id),
  target       double precision not null,
  warn_band    double precision,
  updated_by   text references accounts(id),
  updated_at   timestamptz not null,
  primary key (code, org_unit_id)
);

-- What the job counted: one row per grid, day and measure with a non-zero value.
create table indicator_facts (
  org_unit_id  text not null references org_units(id),
  day          date not null,
  measure      text not null,
  value        double precision not null,
  primary key (day, org_unit_id, measure)
);

-- Sums of the facts per unit (the grid and every unit above it) and period ('2026-12-03', '2026-12', '2026Q4', '2026').
-- Stock measures hold the value of the period's last counted day.
create table indicator_rollups (
  org_unit_id  text not null references org_units(id),
  period       text not null,
  measure      text not null,
  value        double precision not null,
  primary key (org_unit_id, period, measure)
);
create index indicator_rollups_period on indicator_rollups (period, measure);

-- Each run of the job: a full recompute of a range of days, or the incremental days (today, yesterday and days marked
-- dirty by a correction).
create table indicator_runs (
  id           bigint generated always as identity primary key,
  kind         text not null check (kind in ('full','incremental')),
  from_day     date not null,
  to_day       date not null,
  days         integer not null,
  fact_rows    integer not null default 0,
  started_at   timestamptz not null,
  finished_at  timestamptz,
  error        text
);

-- Days a correction touched after they were counted (a case reopened, a record's date changed): the next run counts them again.
create table indicator_dirty_days (
  day        date primary key,
  marked_at  timestamptz not null
);

-- The days a run has counted: a period's stock measures take the value of its last counted day.
create table indicator_counted_days (
  day         date primary key,
  counted_at  timestamptz not null
);

-- The job reads each source's records of a day through an index on their date (H2).
create index case_events_at on case_events (at);
create index cases_created on cases (created_at);
create index cases_handle_due on cases ((((clocks->'handle'->>'due')::bigint) + coalesce((clocks->'handle'->>'suspendedMs')::bigint, 0)))
  where clocks ? 'handle';
create index tasks_due_on on tasks (due_on);
create index tasks_done_at on tasks (done_at) where status = 'done';
create index visits_at on visits (at);
create index alarms_raised on alarms (raised_at);

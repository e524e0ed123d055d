-- 数字预案 (issue 14): versioned emergency plans, their activations (incidents) with steps as work orders in the case
-- loop, trigger matches, CAP 1.2 notifications and partner deliveries.

create table plans (
  id              text primary key default gen_random_uuid()::text,
  town_id         text not null references org_units(id),
  -- the town's path: plans are read by scope like everything else
  org_path        text not null,
  name            text not null,
  hazard          text not null,
  current_version integer not null,
  status          text not null default 'active' check (status in ('active','retired')),
  retired_at      timestamptz,
  retired_by      text references accounts(id),
  retire_reason   text,
  -- of the current version, for lists and trigger matching without reading every body
  trigger_kinds   text[] not null default '{}',
  idempotency_key text unique,
  created_at      timestamptz not null,
  created_by      text references accounts(id),
  updated_at      timestamptz not null
);
create index plans_path on plans (org_path text_pattern_ops, status, hazard);
create index plans_town_active on plans (town_id) where status = 'active';

-- Every save is a new row; a version is never changed after it is written (retiring the plan retires its versions).
create table plan_versions (
  plan_id     text not null references plans(id),
  version     integer not null,
  -- PlanBody (src/shared/plans.ts); resource contact phones sealed (app.pii)
  body        jsonb not null,
  note        text,
  saved_at    timestamptz not null,
  saved_by    text references accounts(id),
  saved_by_name text,
  primary key (plan_id, version)
);

create table incidents (
  id                text primary key default gen_random_uuid()::text,
  -- readable: YA + town code + yyyyMMdd + sequence, e.g. YA50019900120261203-01
  number            text not null unique,
  plan_id           text not null references plans(id),
  plan_version      integer not null,
  -- the plan version as it was when started (roles resolved to holders): the incident never changes with the plan
  snapshot          jsonb not null,
  town_id           text not null references org_units(id),
  org_path          text not null,
  hazard            text not null,
  title             text not null,
  drill             boolean not null default false,
  status            text not null default 'active' check (status in ('active','closed')),
  level             text not null check (level in ('IV','III','II','I')),
  reason            text not null,
  trigger_kind      text not null check (trigger_kind in ('manual','alarm','case','alert')),
  -- the alarm, case or platform alert that started it
  trigger_ref       text,
  -- idempotency on the trigger: one incident per plan and trigger event
  trigger_key       text,
  lng               double precision,
  lat               double precision,
  address           text,
  affected_grid_ids text[] not null default '{}',
  activated_at      timestamptz not null,
  activated_by      text references accounts(id),
  activated_by_name text,
  stood_down_at     timestamptz,
  stood_down_by     text references accounts(id),
  stood_down_by_name text,
  stand_down_reason text,
  -- the CAP alerts sent, in order (CapAlert each)
  cap_alerts        jsonb not null default '[]',
  idempotency_key   text unique,
  version           integer not null default 1
);
create unique index incidents_trigger on incidents (plan_id, trigger_key) where trigger_key is not null;
create index incidents_path on incidents (org_path text_pattern_ops, status, drill, activated_at desc);
create index incidents_plan on incidents (plan_id, activated_at desc);

create table incident_counters (
  town_id text not null references org_units(id),
  day     text not null,
  seq     integer not null,
  primary key (town_id, day)
);

-- The roles as resolved at activation (or at the level change that first needed them): who holds each.
create table incident_roles (
  incident_id text not null references incidents(id),
  role_key    text not null,
  name        text not null,
  post_id     text references posts(id),
  -- the accounts that held it when resolved (A, B, or the back-ups)
  holder_ids  text[] not null,
  assignee    jsonb not null,
  primary key (incident_id, role_key)
);

create table incident_steps (
  incident_id   text not null references incidents(id),
  step_key      text not null,
  seq           integer not null,
  title         text not null,
  role_key      text not null,
  from_level    text not null,
  due_at        timestamptz not null,
  checklist     jsonb not null default '[]',
  -- the work order in the case loop
  case_id       text not null references cases(id),
  created_at    timestamptz not null,
  -- done: the checklist ticked through or the work order handled; left: still open at stand-down
  state         text not null default 'open' check (state in ('open','done','left')),
  completed_at  timestamptz,
  completed_by  text references accounts(id),
  primary key (incident_id, step_key),
  unique (case_id)
);

create table incident_step_checks (
  incident_id text not null,
  step_key    text not null,
  item        integer not null,
  checked_at  timestamptz not null,
  checked_by  text references accounts(id),
  checked_by_name text,
  primary key (incident_id, step_key, item),
  foreign key (incident_id, step_key) references incident_steps (incident_id, step_key)
);

create table incident_events (
  id          bigint generated always as identity primary key,
  incident_id text not null references incidents(id),
  at          timestamptz not null,
  action      text not null,
  actor_id    text,
  actor_name  text,
  reason      text,
  data        jsonb not null default '{}',
  request_key text
);
create index incident_events_incident on incident_events (incident_id, id);
create unique index incident_events_request on incident_events (incident_id, request_key) where request_key is not null;

-- A trigger event that matched a plan: suggested to the command center, or activated by itself.
create table plan_trigger_matches (
  id           text primary key default gen_random_uuid()::text,
  plan_id      text not null references plans(id),
  plan_version integer not null,
  town_id      text not null references org_units(id),
  org_path     text not null,
  trigger_kind text not null check (trigger_kind in ('alarm','case','alert')),
  trigger_ref  text not null,
  trigger_key  text not null,
  level        text not null,
  mode         text not null check (mode in ('suggest','auto')),
  matched_at   timestamptz not null,
  status       text not null default 'open' check (status in ('open','activated','dismissed','failed')),
  incident_id  text references incidents(id),
  error        text,
  decided_at   timestamptz,
  decided_by   text references accounts(id),
  unique (plan_id, trigger_key)
);
create index plan_trigger_matches_open on plan_trigger_matches (org_path text_pattern_ops, matched_at desc) where status = 'open';

-- The outbox of trigger matching: events not yet looked at by the plans' trigger service.
alter table alarms add column plans_checked_at timestamptz;
update alarms set plans_checked_at = raised_at;
create index alarms_plans_unchecked on alarms (raised_at) where plans_checked_at is null;
alter table platform_alerts add column plans_checked_at timestamptz;
update platform_alerts set plans_checked_at = received_at;
create index platform_alerts_plans_unchecked on platform_alerts (received_at) where plans_checked_at is null;
alter table cases add column plans_checked_at timestamptz;
update cases set plans_checked_at = created_at;
create index cases_plans_unchecked on cases (created_at) where plans_checked_at is null;

-- Partners that take incidents of some hazards ('*' for all), beside the alarm types they take.
alter table partner_webhooks add column hazards text[] not null default '{}';
alter table webhook_deliveries add column incident_id text references incidents(id);
-- one delivery per webhook and notice ('incident:<id>:<n>' for the n-th CAP alert of an incident)
alter table webhook_deliveries add column notice_key text;
create unique index webhook_deliveries_notice on webhook_deliveries (webhook_id, notice_key) where notice_key is not null;

-- 水位计: a river's water-level gauge raises the alarms that start the flood plan.
alter table device_profiles drop constraint device_profiles_device_type_check;
alter table device_profiles add constraint device_profiles_device_type_check
  check (device_type in ('doorMagnet','smokeDetector','wristband','gasSensor','waterLeakSensor','waterLevelGauge','camera','gateway'));

-- why the command center dismissed a suggested plan
alter table plan_trigger_matches add column dismiss_reason text;

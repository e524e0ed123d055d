-- Sensors and care work orders (issue 13): device profiles with their rules and escalation, devices bound to a resident,
-- household or place, readings partitioned by month, rule state with deadlines kept in the database, alarms (one active
-- per device and type) that open care orders in the case loop, the notifications of their escalation, partners'
-- webhooks and the platforms that send alerts.

create table device_profiles (
  id           text primary key,
  -- null: a profile of the platform, offered to every town
  town_id      text references org_units(id),
  device_type  text not null check (device_type in ('doorMagnet','smokeDetector','wristband','gasSensor','waterLeakSensor','camera','gateway')),
  name         text not null,
  -- Rule[] of src/shared/devices.ts
  rules        jsonb not null default '[]',
  -- EscalationPolicy of src/shared/alarms.ts
  escalation   jsonb not null,
  version      integer not null default 1,
  updated_at   timestamptz not null,
  updated_by   text references accounts(id),
  updated_by_name text
);

create table devices (
  id            text primary key,
  town_id       text not null references org_units(id),
  grid_id       text not null references org_units(id),
  org_path      text not null,
  device_type   text not null,
  profile_id    text not null references device_profiles(id),
  name          text not null,
  serial_no     text,
  binding_kind  text not null check (binding_kind in ('resident','household','place')),
  binding_id    text not null,
  -- where a responder goes: the bound household's building or the place
  lng           double precision,
  lat           double precision,
  address       text,
  -- SHA-256 (hex) of the device token; the token itself is shown once
  token_hash    text not null,
  -- per bound person: { [ruleId]: { param: value, …, enabled?: boolean } }
  overrides     jsonb not null default '{}',
  battery       smallint,
  last_seen_at  timestamptz,
  last_event_at timestamptz,
  offline_since timestamptz,
  status        text not null default 'active' check (status in ('active','retired')),
  version       integer not null default 1,
  created_at    timestamptz not null,
  created_by    text references accounts(id),
  updated_at    timestamptz not null
);
create index devices_path on devices (org_path text_pattern_ops, created_at desc);
-- the devices list, newest first: walked in order for a wide territory (a town, the city), where the path index matches everything
create index devices_recent on devices (created_at desc, id desc);
create index devices_binding on devices (binding_kind, binding_id);
create index devices_profile on devices (profile_id) where status = 'active';

-- One row per reading, partitioned by month of the reading's time (`at`); the default partition takes anything
-- outside the months created so far (a device whose clock is wrong). Idempotent on (device, at, dedupe_key), where
-- dedupe_key is the message id, else a hash of the payload.
create table device_readings (
  device_id   text not null,
  at          timestamptz not null,
  dedupe_key  text not null,
  received_at timestamptz not null,
  kind        text not null check (kind in ('event','keepalive','status')),
  key         text,
  value       double precision,
  text_value  text,
  battery     smallint,
  primary key (device_id, at, dedupe_key)
) partition by range (at);
create table device_readings_default partition of device_readings default;

-- Readings that carry a message id but no timestamp are stored at their arrival time; a retry arrives later, so the
-- message id alone is what makes it the same reading. Kept for two days (retries come within minutes).
create table device_message_ids (
  device_id   text not null,
  message_id  text not null,
  received_at timestamptz not null,
  primary key (device_id, message_id)
);
create index device_message_ids_age on device_message_ids (received_at);

-- The state of each rule of each device (a threshold's start, a repeat's hits, the last real event) and the instant
-- it must be looked at again without any reading (inactivity, duration, offline): kept here so a restart loses
-- nothing and, claimed with skip locked, fires once across nodes.
create table device_rule_states (
  device_id   text not null references devices(id),
  rule_id     text not null,
  state       jsonb not null,
  deadline_at timestamptz,
  updated_at  timestamptz not null,
  primary key (device_id, rule_id)
);
create index device_rule_states_due on device_rule_states (deadline_at) where deadline_at is not null;

create table alarms (
  id                  text primary key default gen_random_uuid()::text,
  device_id           text not null references devices(id),
  town_id             text not null references org_units(id),
  grid_id             text not null references org_units(id),
  org_path            text not null,
  alarm_type          text not null,
  category            text not null check (category in ('care','safety','maintenance')),
  rule_id             text,
  level               text not null check (level in ('red','orange','yellow')),
  matter_code         text,
  status              text not null default 'active' check (status in ('active','acknowledged','cleared')),
  raised_at           timestamptz not null,
  -- what raised it: { value, forSec, count, lastEventAt, … } for the timeline and the panel
  details             jsonb not null default '{}',
  case_id             text references cases(id),
  task_id             text references tasks(id),
  -- set when the care order (or, for maintenance, the task) was made; null rows are the outbox
  dispatched_at       timestamptz,
  -- a node opening the care order holds the alarm until then (the case is made outside the alarm's transaction)
  dispatch_lease_until timestamptz,
  -- why no care order could be opened (no point, no such Matter in the town): the alarm is still escalated to people
  dispatch_error      text,
  escalation_step     integer not null default 0,
  next_escalation_at  timestamptz,
  acknowledged_at     timestamptz,
  acknowledged_by     text references accounts(id),
  acknowledged_by_name text,
  cleared_at          timestamptz,
  cleared_by          text references accounts(id),
  cleared_by_name     text,
  clear_note          text,
  version             integer not null default 1
);
create unique index alarms_one_active on alarms (device_id, alarm_type) where status <> 'cleared';
create index alarms_path_status on alarms (org_path text_pattern_ops, status, raised_at desc);
create index alarms_undispatched on alarms (raised_at) where dispatched_at is null;
create index alarms_escalation_due on alarms (next_escalation_at) where status = 'active';
create index alarms_device on alarms (device_id, raised_at desc);

-- Each sending of an alarm to people (a step of its escalation) or to a partner.
create table alarm_notifications (
  id          bigint generated always as identity primary key,
  alarm_id    text not null references alarms(id),
  at          timestamptz not null,
  step        integer not null,
  -- the role notified (gridWorker, carePost, communityStaff, dutyOfficer) or 'partner'
  role        text not null,
  recipients  jsonb not null default '[]',
  webhook_id  text,
  unique (alarm_id, step, role)
);

create table partner_webhooks (
  id           text primary key default gen_random_uuid()::text,
  town_id      text not null references org_units(id),
  name         text not null,
  url          text not null,
  -- sealed (app.pii): the HMAC key partners verify the signature with
  secret       text not null,
  -- alarm types (or '*') that go to this partner
  alarm_types  text[] not null,
  active       boolean not null default true,
  version      integer not null default 1,
  created_at   timestamptz not null,
  created_by   text references accounts(id),
  updated_at   timestamptz not null
);
create index partner_webhooks_town on partner_webhooks (town_id) where active;

create table webhook_deliveries (
  id               text primary key default gen_random_uuid()::text,
  webhook_id       text not null references partner_webhooks(id),
  alarm_id         text references alarms(id),
  case_id          text references cases(id),
  payload          jsonb not null,
  status           text not null default 'pending' check (status in ('pending','delivered','failed')),
  attempts         integer not null default 0,
  next_attempt_at  timestamptz not null,
  last_error       text,
  response_status  integer,
  delivered_at     timestamptz,
  created_at       timestamptz not null,
  unique (webhook_id, alarm_id)
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';

-- Other platforms (fire AI, anti-fraud, enterprise anomaly) that send alerts with an API key of their own.
create table alert_platforms (
  id            text primary key,
  name          text not null,
  -- the OrgUnit (a district or a town) whose ground its alerts may land on
  org_unit_id   text not null references org_units(id),
  org_path      text not null,
  key_hash      text not null unique,
  -- { [alertType]: matterCode }
  type_matters  jsonb not null default '{}',
  active        boolean not null default true,
  version       integer not null default 1,
  created_at    timestamptz not null,
  created_by    text references accounts(id),
  updated_at    timestamptz not null
);

create table platform_alerts (
  id           text primary key default gen_random_uuid()::text,
  platform_id  text not null references alert_platforms(id),
  external_id  text not null,
  alert_type   text not null,
  level        text not null,
  text         text not null,
  lng          double precision,
  lat          double precision,
  address      text,
  case_id      text references cases(id),
  received_at  timestamptz not null,
  unique (platform_id, external_id)
);

-- A device gone silent is a maintenance task for the grid worker, not a care order.
alter table tasks drop constraint tasks_kind_check;
alter table tasks add constraint tasks_kind_check check (kind in ('buildingCheck','keyVisit','riskInspection','disputeSweep','campaign','caseVerification','assigned','deviceCheck'));
alter table tasks drop constraint tasks_subject_kind_check;
alter table tasks add constraint tasks_subject_kind_check check (subject_kind in ('resident','household','building','place','thing','case','grid','device'));

-- Departments, the versioned Matter catalog, cases with their event timeline, photos.

create table departments (
  id           text primary key default gen_random_uuid()::text,
  district_id  text not null references org_units(id),
  name         text not null,
  unique (district_id, name)
);

create table department_members (
  department_id text not null references departments(id),
  account_id    text not null references accounts(id),
  primary key (department_id, account_id)
);

-- Each edit of a Matter is a new row (version + 1); a case points at the row it was created under.
create table matters (
  id                  text primary key default gen_random_uuid()::text,
  town_id             text not null references org_units(id),
  code                text not null,
  version             integer not null,
  current             boolean not null default true,
  name                text not null,
  class               text not null,
  list                text not null check (list in ('basic','cooperative','withdrawn')),
  tier                text not null check (tier in ('grid','community','town','district')),
  post_code           text,
  department_name     text,
  sla                 jsonb not null,
  escalate_after_h    numeric,
  on_spot             boolean not null default false,
  urgent              boolean not null default false,
  -- set when only devices or other platforms raise this matter (sensor, platform): residents do not pick it
  machine_source      text,
  duplicate_radius_m  integer not null default 100,
  retired_at          timestamptz,
  created_by          text references accounts(id),
  created_at          timestamptz not null default now(),
  unique (town_id, code, version)
);
create unique index matters_current on matters (town_id, code) where current;

create table case_number_counters (
  town_id  text not null,
  day      text not null,
  seq      integer not null,
  primary key (town_id, day)
);

create table cases (
  id               text primary key default gen_random_uuid()::text,
  number           text not null unique,
  version          integer not null default 1,
  status           text not null,
  town_id          text not null references org_units(id),
  grid_id          text not null references org_units(id),
  org_path         text not null,
  matter_id        text not null references matters(id),
  category_code    text not null,
  tier             text not null,
  description      text not null,
  lng              double precision not null,
  lat              double precision not null,
  address          text,
  source           text not null,
  reporter_kind    text not null,
  reporter_account_id text references accounts(id),
  reporter_name    text,
  -- sealed with the personal-data key; the keyed hash finds a case by phone without decrypting
  reporter_phone   text,
  reporter_phone_hash text,
  assignee         jsonb,
  routed_assignee  jsonb,
  clocks           jsonb not null default '{}',
  -- the earliest moment a light changes or a rule fires: the SLA sweep reads only cases whose time has come
  next_check_at    timestamptz,
  suspension       jsonb,
  escalated_at     timestamptz,
  duplicate_of     text references cases(id),
  satisfaction     jsonb,
  idempotency_key  text unique,
  created_at       timestamptz not null,
  updated_at       timestamptz not null,
  closed_at        timestamptz
);
create index cases_org_path on cases (org_path text_pattern_ops);
create index cases_open on cases (status, created_at) where status not in ('closed','rejected');
create index cases_town_created on cases (town_id, created_at desc);
create index cases_reporter on cases (reporter_account_id);
create index cases_reporter_phone on cases (reporter_phone_hash) where reporter_phone_hash is not null;
create index cases_duplicate_of on cases (duplicate_of);
create index cases_next_check on cases (next_check_at) where next_check_at is not null;
create index cases_category_open on cases (category_code, town_id) where status not in ('closed','rejected');

-- The timeline, the audit trail of case changes and the feed for live updates.
create table case_events (
  id          bigint generated always as identity primary key,
  case_id     text not null references cases(id),
  at          timestamptz not null,
  action      text not null,
  actor_id    text,
  actor_name  text,
  from_status text,
  to_status   text,
  reason      text,
  data        jsonb
);
create index case_events_case on case_events (case_id, id);

create table files (
  hash        text primary key,
  mime        text not null,
  bytes       integer not null,
  width       integer,
  height      integer,
  uploaded_by text references accounts(id),
  created_at  timestamptz not null default now()
);

create table case_photos (
  case_id   text not null references cases(id),
  event_id  bigint references case_events(id),
  hash      text not null references files(hash),
  phase     text not null check (phase in ('before','after')),
  primary key (case_id, hash, phase)
);

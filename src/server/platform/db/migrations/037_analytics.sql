-- 高频诉求 and the 15-minute service circle (issue 17, H8): the projects a community makes of its hot spots, the cases
-- each answers, and the steps of each. The hot spots themselves are counted from cases and ideas when asked for.

-- the hot-spot count reads a unit's cases reported in a span: by path prefix and report time
create index if not exists cases_path_created on cases (org_path text_pattern_ops, created_at);

create table circle_projects (
  id                text primary key default gen_random_uuid()::text,
  town_id           text not null references org_units(id),
  community_id      text not null references org_units(id),
  -- the community's path: the scope condition of every read and write
  org_path          text not null,
  name              text not null,
  -- a case category (matters.category_code) the project answers, or null
  category_code     text,
  description       text not null default '',
  owner_account_id  text references accounts(id),
  owner_name        text not null,
  status            text not null default 'planned' check (status in ('planned','underway','done','dropped')),
  due_on            date,
  lng               double precision,
  lat               double precision,
  -- the hot cells (domain/analytics/cells.ts keys) the project was made from, and the span they were counted over
  cells             jsonb not null default '[]',
  span_from         date,
  span_to           date,
  result            text,
  -- the caller's account id and their Idempotency-Key
  idempotency_key   text unique,
  version           integer not null default 1,
  created_by        text references accounts(id),
  created_at        timestamptz not null,
  updated_at        timestamptz not null,
  started_at        timestamptz,
  finished_at       timestamptz,
  dropped_at        timestamptz
);
create index circle_projects_path on circle_projects (org_path text_pattern_ops, created_at desc);

create table circle_project_cases (
  project_id  text not null references circle_projects(id),
  case_id     text not null references cases(id),
  linked_at   timestamptz not null,
  linked_by   text references accounts(id),
  primary key (project_id, case_id)
);
create index circle_project_cases_case on circle_project_cases (case_id);

create table circle_project_events (
  id           bigint generated always as identity primary key,
  project_id   text not null references circle_projects(id),
  at           timestamptz not null,
  action       text not null,
  actor_id     text,
  actor_name   text not null,
  from_status  text,
  to_status    text,
  note         text,
  data         jsonb
);
create index circle_project_events_project on circle_project_events (project_id, id);

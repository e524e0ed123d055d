-- Org tree, identity, boards and posts, grid teams.

create table org_units (
  id          text primary key default gen_random_uuid()::text,
  parent_id   text references org_units(id),
  level       text not null check (level in ('city','district','town','community','grid','microGrid','dedicatedGrid')),
  kind        text,
  code        text not null unique,
  name        text not null,
  path        text not null,
  geometry    jsonb,
  population  integer,
  households  integer,
  sort        integer not null default 0,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create index org_units_parent on org_units (parent_id, sort);
create index org_units_path on org_units (path text_pattern_ops);
create index org_units_level on org_units (level);

-- Bumped whenever any boundary changes, so every node rebuilds its in-memory locator.
create table org_geometry_revision (
  id        integer primary key check (id = 1),
  revision  integer not null
);
insert into org_geometry_revision values (1, 1);

create table accounts (
  id                text primary key default gen_random_uuid()::text,
  username          text not null unique,
  name              text not null,
  kind              text not null check (kind in ('staff','resident')),
  roles             text[] not null,
  scope_org_unit_id text references org_units(id),
  home_org_unit_id  text references org_units(id),
  phone             text,
  password_hash     text not null,
  disabled_at       timestamptz,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now()
);

create table sessions (
  token_hash  text primary key,
  account_id  text not null references accounts(id),
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null,
  revoked_at  timestamptz,
  ip          text,
  user_agent  text
);
create index sessions_account on sessions (account_id);

create table login_failures (
  id        bigint generated always as identity primary key,
  username  text not null,
  ip        text not null,
  at        timestamptz not null default now()
);
create index login_failures_username on login_failures (username, at);
create index login_failures_ip on login_failures (ip, at);

create table boards (
  id        text primary key default gen_random_uuid()::text,
  town_id   text not null references org_units(id),
  code      text not null,
  name      text not null,
  kind      text not null check (kind in ('commandCenter','board')),
  sort      integer not null default 0,
  unique (town_id, code)
);

create table posts (
  id           text primary key default gen_random_uuid()::text,
  board_id     text not null references boards(id),
  town_id      text not null references org_units(id),
  code         text not null,
  name         text not null,
  special      boolean not null default false,
  duty_role    text,
  a_holder_id  text references accounts(id),
  b_holder_id  text references accounts(id),
  sort         integer not null default 0,
  unique (town_id, code)
);

create table grid_team_members (
  id          text primary key default gen_random_uuid()::text,
  grid_id     text not null references org_units(id),
  account_id  text references accounts(id),
  team_role   text not null check (team_role in ('gridLeader','fullTime','partTime','instructor','volunteer')),
  name        text not null,
  phone       text,
  sort        integer not null default 0
);
create index grid_team_members_grid on grid_team_members (grid_id, sort);
create index grid_team_members_account on grid_team_members (account_id);

-- The grid registry 人房地物 (issue 11): buildings, households, residents, places and things, each placed in a grid.
-- Every row carries its grid's id and path (org_path = the grid's org_units.path) so that scope is a prefix match in
-- the query, as for cases. Personal data (ID numbers, phones) is sealed (app.pii); *_hash is its keyed hash for exact
-- look-ups, *_masked the form lists and exports show (110***********1234, 138****5678). No plain-text index of either.

-- The key-population tags (../shared/domain/population-tags.json), seeded at start; a town may override the visit
-- frequency of a tag (town_id set), the platform row (town_id null) is the default.
create table registry_tags (
  code              text not null,
  town_id           text references org_units(id),
  name              text not null,
  name_en           text not null,
  tag_group         text not null,
  sensitive         boolean not null,
  visit_every_days  integer,
  sort              integer not null default 0
);
create unique index registry_tags_code on registry_tags (code, coalesce(town_id, ''));

create table registry_buildings (
  id               text primary key default gen_random_uuid()::text,
  town_id          text not null references org_units(id),
  grid_id          text not null references org_units(id),
  org_path         text not null,
  name             text not null,
  name_initials    text not null default '',
  address          text,
  lng              double precision not null,
  lat              double precision not null,
  -- 单元 × 层 × 户: the layout the building view draws; a household names its unit, floor and room
  units            integer not null check (units between 1 and 50),
  floors           integer not null check (floors between 1 and 200),
  rooms_per_floor  integer not null check (rooms_per_floor between 1 and 50),
  structure        text,
  built_year       integer,
  note             text,
  version          integer not null default 1,
  created_at       timestamptz not null,
  updated_at       timestamptz not null,
  retired_at       timestamptz
);
create index registry_buildings_path on registry_buildings (org_path text_pattern_ops);
create index registry_buildings_grid on registry_buildings (grid_id);

create table registry_households (
  id               text primary key default gen_random_uuid()::text,
  town_id          text not null references org_units(id),
  grid_id          text not null references org_units(id),
  org_path         text not null,
  building_id      text references registry_buildings(id),
  unit_no          integer,
  floor_no         integer,
  room_no          text,
  address          text not null,
  lng              double precision,
  lat              double precision,
  head_resident_id text,
  -- 户籍 (registered here), 常住 (lives here, registered elsewhere), 流动 (floating), 空挂 (registered, lives elsewhere)
  residence_kind   text not null default 'registered' check (residence_kind in ('registered','resident','floating','absent')),
  note             text,
  version          integer not null default 1,
  created_at       timestamptz not null,
  updated_at       timestamptz not null,
  retired_at       timestamptz
);
create index registry_households_path on registry_households (org_path text_pattern_ops);
create index registry_households_building on registry_households (building_id, unit_no, floor_no);
-- one household per room of a building
create unique index registry_households_room on registry_households (building_id, unit_no, room_no)
  where building_id is not null and retired_at is null;

create table registry_residents (
  id               text primary key default gen_random_uuid()::text,
  town_id          text not null references org_units(id),
  grid_id          text not null references org_units(id),
  org_path         text not null,
  household_id     text references registry_households(id),
  -- relation to the household's head: head, spouse, child, parent, grandchild, sibling, other
  relation         text,
  name             text not null,
  name_pinyin      text not null default '',
  name_initials    text not null default '',
  id_number        text not null,
  id_number_hash   text not null,
  id_number_masked text not null,
  phone            text,
  phone_hash       text,
  phone_masked     text,
  gender           text not null check (gender in ('male','female')),
  birth_date       date not null,
  tags             text[] not null default '{}',
  party_member     boolean not null default false,
  note             text,
  version          integer not null default 1,
  created_at       timestamptz not null,
  updated_at       timestamptz not null,
  -- moved away or died: kept for the history, out of the lists
  left_at          timestamptz,
  left_reason      text
);
create unique index registry_residents_id_number on registry_residents (id_number_hash);
create index registry_residents_path on registry_residents (org_path text_pattern_ops) where left_at is null;
create index registry_residents_household on registry_residents (household_id);
create index registry_residents_phone on registry_residents (phone_hash) where phone_hash is not null;
create index registry_residents_initials on registry_residents (name_initials text_pattern_ops);
create index registry_residents_name on registry_residents (name text_pattern_ops);
create index registry_residents_tags on registry_residents using gin (tags);
alter table registry_households add constraint registry_households_head
  foreign key (head_resident_id) references registry_residents(id) deferrable initially deferred;

create table registry_places (
  id               text primary key default gen_random_uuid()::text,
  town_id          text not null references org_units(id),
  grid_id          text not null references org_units(id),
  org_path         text not null,
  kind             text not null check (kind in ('shop','enterprise','school','park','hospital','market','other')),
  name             text not null,
  name_initials    text not null default '',
  address          text,
  lng              double precision not null,
  lat              double precision not null,
  building_id      text references registry_buildings(id),
  -- 统一社会信用代码 of a shop or an enterprise
  credit_code      text,
  contact_name     text,
  contact_phone        text,
  contact_phone_hash   text,
  contact_phone_masked text,
  note             text,
  version          integer not null default 1,
  created_at       timestamptz not null,
  updated_at       timestamptz not null,
  retired_at       timestamptz
);
create index registry_places_path on registry_places (org_path text_pattern_ops);

create table registry_things (
  id               text primary key default gen_random_uuid()::text,
  town_id          text not null references org_units(id),
  grid_id          text not null references org_units(id),
  org_path         text not null,
  kind             text not null check (kind in ('hydrant','manhole','retainingWall','facade','slope','other')),
  name             text not null,
  name_initials    text not null default '',
  address          text,
  lng              double precision not null,
  lat              double precision not null,
  building_id      text references registry_buildings(id),
  risk_level       text not null check (risk_level in ('low','medium','high','major')),
  inspection_every_days integer check (inspection_every_days between 1 and 3660),
  last_inspected_on date,
  note             text,
  version          integer not null default 1,
  created_at       timestamptz not null,
  updated_at       timestamptz not null,
  retired_at       timestamptz
);
create index registry_things_path on registry_things (org_path text_pattern_ops);
create index registry_things_building on registry_things (building_id);

-- Hazards found on a thing or a building and what was done about them (e.g. the facade-tile ledger: which flats, what
-- was done, the next check). A household's file lists those of its building and those naming its room.
create table registry_hazards (
  id               text primary key default gen_random_uuid()::text,
  town_id          text not null references org_units(id),
  grid_id          text not null references org_units(id),
  org_path         text not null,
  thing_id         text references registry_things(id),
  building_id      text references registry_buildings(id),
  household_ids    text[] not null default '{}',
  found_on         date not null,
  description      text not null,
  action_taken     text,
  next_check_on    date,
  status           text not null check (status in ('open','resolved')),
  version          integer not null default 1,
  created_by       text references accounts(id),
  created_at       timestamptz not null,
  updated_at       timestamptz not null
);
create index registry_hazards_path on registry_hazards (org_path text_pattern_ops);
create index registry_hazards_thing on registry_hazards (thing_id);
create index registry_hazards_building on registry_hazards (building_id);

-- Inspections of a thing (a risk point's patrol): when, by whom, what was found.
create table registry_inspections (
  id               bigint generated always as identity primary key,
  thing_id         text not null references registry_things(id),
  inspected_on     date not null,
  inspector_id     text references accounts(id),
  inspector_name   text,
  result           text not null check (result in ('normal','hazard')),
  note             text,
  created_at       timestamptz not null
);
create index registry_inspections_thing on registry_inspections (thing_id, inspected_on desc);

-- Every change to a registry record (who, when, before/after), for the household file's history. Personal fields are
-- kept in their masked form only: the history never holds an ID number or a phone.
create table registry_changes (
  id               bigint generated always as identity primary key,
  entity_kind      text not null check (entity_kind in ('building','household','resident','place','thing','hazard')),
  entity_id        text not null,
  household_id     text,
  org_path         text not null,
  at               timestamptz not null,
  actor_id         text,
  actor_name       text,
  action           text not null,
  reason           text,
  before           jsonb,
  after            jsonb
);
create index registry_changes_entity on registry_changes (entity_kind, entity_id, id);
create index registry_changes_household on registry_changes (household_id, id) where household_id is not null;

-- Idempotency-Key of the POSTs that create a registry record: the same key of the same account answers the first record.
create table registry_requests (
  actor_id         text not null,
  request_key      text not null,
  entity_kind      text not null,
  entity_id        text not null,
  created_at       timestamptz not null,
  primary key (actor_id, request_key)
);

-- Imports from Excel or CSV: the file is kept under the data folder until the import ends; rows are checked and
-- written in batches by the registry-import job, which records its progress here so the page can show it.
create table registry_imports (
  id               text primary key default gen_random_uuid()::text,
  kind             text not null check (kind in ('residents','households','buildings','places','things')),
  mode             text not null check (mode in ('allValid','allOrNothing')),
  format           text not null check (format in ('xlsx','csv')),
  status           text not null check (status in ('queued','running','done','failed')),
  scope_org_unit_id text not null references org_units(id),
  scope_path       text not null,
  file_name        text,
  total            integer,
  processed        integer not null default 0,
  accepted         integer not null default 0,
  rejected_count   integer not null default 0,
  failure          text,
  created_by       text not null references accounts(id),
  idempotency_key  text,
  created_at       timestamptz not null,
  started_at       timestamptz,
  finished_at      timestamptz
);
create unique index registry_imports_key on registry_imports (created_by, idempotency_key) where idempotency_key is not null;
create index registry_imports_by on registry_imports (created_by, created_at desc);

create table registry_import_rejections (
  id               bigint generated always as identity primary key,
  import_id        text not null references registry_imports(id),
  row_number       integer not null,
  column_name      text,
  code             text not null,
  message_zh       text not null,
  message_en       text not null
);
create index registry_import_rejections_import on registry_import_rejections (import_id, row_number);

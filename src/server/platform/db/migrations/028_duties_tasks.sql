-- 照单履职 (issue 12): the three-level duty catalogs and their admission gate, the standing duties that generate the
-- grid worker's tasks, the tasks themselves, visits, and absences (a worker on leave gets no tasks).
-- Rows that belong to a place in the org tree carry org_path (the grid's or unit's path) so scope is a prefix match.

-- 三张清单: what the town (镇街), a community (村社区) and a grid (网格) must do. list_type: basic 基本履职, assisting
-- 配合履职, withdrawn 部门收回 (kept listed so nobody pushes it down again). basis is the legal or policy basis.
create table duty_items (
  id                 text primary key default gen_random_uuid()::text,
  town_id            text not null references org_units(id),
  level              text not null check (level in ('town','community','grid')),
  list_type          text not null check (list_type in ('basic','assisting','withdrawn')),
  code               text not null,
  name               text not null,
  description        text,
  basis              text not null check (length(basis) > 0),
  -- the department that leads (assisting) or took the duty back (withdrawn)
  department         text,
  -- the standing duty (D1…D7) through which the item produces tasks, if it does
  duty_code          text,
  -- expected work for one grid worker (or one community / town office) a month: visits and minutes each
  visits_per_month   numeric(8,2) not null default 0 check (visits_per_month >= 0),
  minutes_per_visit  integer not null default 30 check (minutes_per_visit between 1 and 1440),
  -- the admission that let the item in; null for the catalog the town started with
  admission_id       text,
  approved_by        text references accounts(id),
  approved_by_name   text,
  approved_at        timestamptz,
  version            integer not null default 1,
  created_at         timestamptz not null,
  retired_at         timestamptz,
  retired_reason     text
);
create unique index duty_items_code on duty_items (town_id, code);
create index duty_items_level on duty_items (town_id, level) where retired_at is null;

-- 清单准入: a department or a town office asks for a new duty at a level; the town's office approves or refuses.
create table duty_admissions (
  id                 text primary key default gen_random_uuid()::text,
  town_id            text not null references org_units(id),
  level              text not null check (level in ('town','community','grid')),
  -- the proposed item: name, listType, basis, description, department, dutyCode, minutesPerVisit
  item               jsonb not null,
  reason             text not null,
  -- expected burden at the level: visits a month (per grid worker for grid items)
  visits_per_month   numeric(8,2) not null check (visits_per_month >= 0),
  status             text not null check (status in ('pending','approved','refused')),
  requested_by       text not null references accounts(id),
  requested_by_name  text not null,
  -- the unit (or department) the requester speaks for
  requester_unit     text,
  decided_by         text references accounts(id),
  decided_by_name    text,
  decided_at         timestamptz,
  decision_note      text,
  item_id            text references duty_items(id),
  request_key        text,
  version            integer not null default 1,
  created_at         timestamptz not null
);
create index duty_admissions_town on duty_admissions (town_id, status, created_at desc);
create unique index duty_admissions_key on duty_admissions (requested_by, request_key) where request_key is not null;
alter table duty_items add constraint duty_items_admission foreign key (admission_id) references duty_admissions(id);

-- The standing duties ("6+1", ../shared/domain/grid-duties.json) of a town, which the daily generation reads:
-- kind says what it generates, every_days how often (building checks monthly, dispute sweeps weekly), deadline_days
-- how many working days a generated task has.
create table standing_duties (
  town_id            text not null references org_units(id),
  code               text not null,
  name               text not null,
  description        text,
  kind               text not null check (kind in ('buildingCheck','keyVisit','riskInspection','disputeSweep','campaign','caseVerification','assigned')),
  every_days         integer check (every_days between 1 and 366),
  deadline_days      integer not null default 3 check (deadline_days between 0 and 60),
  enabled            boolean not null default true,
  sort               integer not null default 0,
  version            integer not null default 1,
  updated_at         timestamptz not null,
  primary key (town_id, code)
);

-- Publicity campaigns a town pushes to chosen grids, with material (images from /api/files) attached.
create table task_campaigns (
  id                 text primary key default gen_random_uuid()::text,
  town_id            text not null references org_units(id),
  title              text not null,
  content            text not null,
  material           text[] not null default '{}',
  grid_ids           text[] not null,
  starts_on          date not null,
  due_on             date not null,
  created_by         text not null references accounts(id),
  created_by_name    text not null,
  request_key        text,
  created_at         timestamptz not null
);
create index task_campaigns_town on task_campaigns (town_id, starts_on desc);
create unique index task_campaigns_key on task_campaigns (created_by, request_key) where request_key is not null;

-- A worker away (leave, training, sick): generation gives their tasks to the rest of the grid's team.
create table staff_absences (
  id                 text primary key default gen_random_uuid()::text,
  account_id         text not null references accounts(id),
  from_on            date not null,
  to_on              date not null check (to_on >= from_on),
  reason             text,
  created_by         text not null references accounts(id),
  created_at         timestamptz not null,
  -- open tasks of the worker starting during the absence that were handed to colleagues when it was recorded
  handed_over        integer not null default 0,
  -- Idempotency-Key of the POST that recorded it: the same key of the same account answers the first absence
  request_key        text
);
create index staff_absences_account on staff_absences (account_id, to_on);
create unique index staff_absences_key on staff_absences (created_by, request_key) where request_key is not null;

-- A grid worker's task. dedupe_key names what the task is for and for which period (visit:<resident>:<due day>,
-- inspect:<thing>:<due day>, check:<building>:<month> …), unique per town: generating a day twice makes nothing twice.
-- A task not done by due_on stays open and counts as overdue (it rolls over onto the next days' lists).
create table tasks (
  id                 text primary key default gen_random_uuid()::text,
  town_id            text not null references org_units(id),
  grid_id            text not null references org_units(id),
  org_path           text not null,
  kind               text not null check (kind in ('buildingCheck','keyVisit','riskInspection','disputeSweep','campaign','caseVerification','assigned')),
  duty_code          text,
  subject_kind       text check (subject_kind in ('resident','household','building','place','thing','case','grid')),
  subject_id         text,
  title              text not null,
  detail             text,
  campaign_id        text references task_campaigns(id),
  assignee_id        text references accounts(id),
  assignee_name      text,
  -- where the task is done (the subject's building or point), for the walking order and the map
  lng                double precision,
  lat                double precision,
  -- the day the task appears on the list, and its deadline (a working day of the town's calendar)
  starts_on          date not null,
  due_on             date not null,
  dedupe_key         text not null,
  status             text not null default 'open' check (status in ('open','done','cancelled')),
  done_at            timestamptz,
  done_by            text references accounts(id),
  done_by_name       text,
  note               text,
  photos             text[] not null default '{}',
  visit_id           text,
  completion_key     text,
  created_by         text references accounts(id),
  created_by_name    text,
  version            integer not null default 1,
  created_at         timestamptz not null,
  updated_at         timestamptz not null
);
create unique index tasks_dedupe on tasks (town_id, dedupe_key);
create index tasks_assignee_open on tasks (assignee_id, starts_on) where status = 'open';
create index tasks_path_due on tasks (org_path text_pattern_ops, due_on);
create index tasks_subject on tasks (subject_kind, subject_id) where status = 'open';
create index tasks_done on tasks (org_path text_pattern_ops, done_at) where status = 'done';

-- A daily generation run per town: the job records it, so a second run on the same day is seen (and is a no-op anyway).
create table task_generation_runs (
  town_id            text not null references org_units(id),
  day                date not null,
  started_at         timestamptz not null,
  finished_at        timestamptz,
  created            integer not null default 0,
  -- tasks made with nobody present to take them (no grid worker, no grid leader): flagged for the town
  unassigned         integer not null default 0,
  -- how many times the day was generated (the job, a node's start, a run from the API); each adds what was new
  runs               integer not null default 0,
  primary key (town_id, day)
);

-- 走访: whom, when, where (the phone's position and its distance from the subject's building), what was found.
create table visits (
  id                 text primary key default gen_random_uuid()::text,
  town_id            text not null references org_units(id),
  grid_id            text not null references org_units(id),
  org_path           text not null,
  subject_kind       text not null check (subject_kind in ('resident','household','place')),
  subject_id         text not null,
  subject_name       text not null,
  household_id       text references registry_households(id),
  visitor_id         text not null references accounts(id),
  visitor_name       text not null,
  at                 timestamptz not null,
  lng                double precision,
  lat                double precision,
  accuracy_m         double precision,
  distance_m         double precision,
  -- where the subject is (its building, the place's point) when the visit was recorded, and its address: the oversight map
  target_lng         double precision,
  target_lat         double precision,
  subject_address    text,
  -- far from the subject's building (flagged, never refused)
  far                boolean not null default false,
  findings           text,
  photos             text[] not null default '{}',
  case_id            text references cases(id),
  task_id            text references tasks(id),
  request_key        text,
  created_at         timestamptz not null
);
create index visits_subject on visits (subject_kind, subject_id, at desc);
create index visits_household on visits (household_id, at desc) where household_id is not null;
create index visits_path_at on visits (org_path text_pattern_ops, at);
create index visits_visitor on visits (visitor_id, at desc);
create unique index visits_key on visits (visitor_id, request_key) where request_key is not null;
alter table tasks add constraint tasks_visit foreign key (visit_id) references visits(id);
-- the tasks a visit closed, read with each visit listed
create index tasks_visit on tasks (visit_id) where visit_id is not null;

-- The last visit of a key person, household or place, kept by the visit command: the daily generation reads it
-- without scanning visits (a city has a million tagged residents).
alter table registry_residents add column last_visited_on date;
alter table registry_households add column last_visited_on date;
alter table registry_places add column last_visited_on date;

-- 平安法治 (issue 15): dispute mediation (矛盾纠纷多元化解) and township comprehensive enforcement (大综合一体化执法).

-- Readable numbers of documents that are not cases: disputes (JF…), enforcement cases (ZF…), joint inspections (JC…),
-- mediation agreements and penalty decisions (numbered per year). One row per kind, town and period.
create table document_counters (
  kind     text not null,
  town_id  text not null references org_units(id),
  -- yyyyMMdd for daily numbers, yyyy for yearly ones
  period   text not null,
  seq      integer not null,
  primary key (kind, town_id, period)
);

-- The 18 classes of 人民调解 statistics and their subclasses; the city edits them (never a constant in code).
create table dispute_classes (
  code        text primary key,
  name        text not null,
  subclasses  jsonb not null default '[]', -- [{ code, name, retired? }]
  sort        integer not null default 0,
  retired     boolean not null default false,
  updated_at  timestamptz not null,
  updated_by  text references accounts(id)
);

create table disputes (
  id               text primary key default gen_random_uuid()::text,
  -- JF + town code + yyyyMMdd + sequence
  number           text not null unique,
  version          integer not null default 1,
  -- the dispute's work order in the case loop (matter 矛盾纠纷): opened with it, or the case it was registered from
  case_id          text not null unique references cases(id),
  town_id          text not null references org_units(id),
  grid_id          text not null references org_units(id),
  -- the grid's path: disputes are read by scope like cases
  org_path         text not null,
  class_code       text not null references dispute_classes(code),
  subclass_code    text,
  description      text not null,
  lng              double precision not null,
  lat              double precision not null,
  address          text,
  source           text not null, -- gridWorker | resident | hotline | visit (来访) | sweep | case
  status           text not null default 'open' check (status in ('open','resolved','litigation','closed')),
  risk_level       text not null check (risk_level in ('low','medium','high')),
  risk_reasons     jsonb not null default '[]',
  -- what staff said about the dispute that the risk rules read (threats, group size, amount …)
  risk_factors     jsonb not null default '{}',
  tier             text not null check (tier in ('onSpot','joint','escalated')),
  tier_reason      text,
  -- the OrgUnit that handles it: the grid (就地), the community or town with others (协同), the town's 综治中心 (提级)
  handling_unit_id text not null references org_units(id),
  -- the earlier dispute this one flared up from (reopened), and how many flare-ups the chain has had
  reopened_from    text references disputes(id),
  flare_ups        integer not null default 0,
  court_case_number text,
  close_reason     text,
  idempotency_key  text unique,
  created_at       timestamptz not null,
  created_by       text references accounts(id),
  updated_at       timestamptz not null,
  resolved_at      timestamptz,
  closed_at        timestamptz
);
create index disputes_path on disputes (org_path text_pattern_ops, created_at desc);
create index disputes_town_created on disputes (town_id, created_at desc);
create index disputes_open on disputes (town_id, status) where status in ('open','litigation');
create index disputes_reopened_from on disputes (reopened_from) where reopened_from is not null;

create table dispute_parties (
  dispute_id   text not null references disputes(id),
  seq          integer not null,
  role         text not null check (role in ('applicant','respondent','thirdParty')),
  -- a person of the registry (一户一档), or null for an outsider
  resident_id  text references registry_residents(id),
  -- personal data sealed with app.pii; the keyed hashes let a resident find their own dispute and staff find a party
  name         text not null,
  id_number    text,
  id_number_hash text,
  phone        text,
  phone_hash   text,
  address      text,
  vulnerable   boolean not null default false,
  vulnerable_reason text,
  primary key (dispute_id, seq)
);
create index dispute_parties_phone on dispute_parties (phone_hash) where phone_hash is not null;
create index dispute_parties_id_number on dispute_parties (id_number_hash) where id_number_hash is not null;
create index dispute_parties_resident on dispute_parties (resident_id) where resident_id is not null;

create table dispute_mediations (
  id            text primary key default gen_random_uuid()::text,
  dispute_id    text not null references disputes(id),
  seq           integer not null,
  at            timestamptz not null,
  place         text not null,
  -- { kind: gridWorker|villageSage|peopleMediator|judicialStaff, name, accountId? }
  mediator      jsonb not null,
  attendees     jsonb not null default '[]', -- [{ name, partySeq? }]
  statements    jsonb not null default '[]', -- [{ partySeq, said }]
  agreed        text,
  terms         jsonb not null default '[]', -- [text]: the agreement's terms, one per article
  outcome       text not null check (outcome in ('resolved','partial','failed')),
  -- the 人民调解协议书 made from this session (outcome resolved|partial with terms): number, and its signed scan
  agreement_number text unique,
  signed_scan_hash text,
  signed_at     timestamptz,
  recorded_by   text references accounts(id),
  idempotency_key text unique,
  created_at    timestamptz not null,
  unique (dispute_id, seq)
);

-- 回访: a visit or call that checks the agreement holds
create table dispute_follow_ups (
  id          text primary key default gen_random_uuid()::text,
  dispute_id  text not null references disputes(id),
  at          timestamptz not null,
  method      text not null check (method in ('visit','phone')),
  holds       boolean not null,
  note        text,
  by_account  text references accounts(id),
  created_at  timestamptz not null
);
create index dispute_follow_ups_dispute on dispute_follow_ups (dispute_id, at);

-- 协同化解: a dispute pushed to a department or a resident unit of the 综治中心, with its own deadline and replies
create table dispute_referrals (
  id            text primary key default gen_random_uuid()::text,
  dispute_id    text not null references disputes(id),
  unit_kind     text not null check (unit_kind in ('department','policeStation','judicialOffice','court','lettersVisits')),
  department_id text references departments(id),
  unit_name     text not null,
  note          text,
  due_at        timestamptz not null,
  status        text not null default 'pending' check (status in ('pending','replied','done')),
  replied_at    timestamptz,
  created_at    timestamptz not null,
  created_by    text references accounts(id)
);
create index dispute_referrals_dispute on dispute_referrals (dispute_id);
create index dispute_referrals_department on dispute_referrals (department_id) where department_id is not null;

-- the dispute's timeline: registered, tier changed, mediated, pushed, replied, litigated, followed up, closed, reopened …
create table dispute_events (
  id          bigint generated always as identity primary key,
  dispute_id  text not null references disputes(id),
  at          timestamptz not null,
  actor_id    text references accounts(id),
  actor_name  text,
  action      text not null,
  data        jsonb not null default '{}',
  request_key text
);
create index dispute_events_dispute on dispute_events (dispute_id, id);
create unique index dispute_events_request on dispute_events (dispute_id, request_key) where request_key is not null;

-- 大排查: a campaign asks every grid of a town to report its disputes (or none) by a date
create table dispute_sweeps (
  id          text primary key default gen_random_uuid()::text,
  town_id     text not null references org_units(id),
  org_path    text not null,
  title       text not null,
  note        text,
  due_on      date not null,
  created_at  timestamptz not null,
  created_by  text references accounts(id),
  idempotency_key text unique
);
create index dispute_sweeps_path on dispute_sweeps (org_path text_pattern_ops, due_on desc);

create table dispute_sweep_reports (
  sweep_id     text not null references dispute_sweeps(id),
  grid_id      text not null references org_units(id),
  none_found   boolean not null,
  dispute_ids  text[] not null default '{}',
  note         text,
  reported_at  timestamptz not null,
  reported_by  text references accounts(id),
  primary key (sweep_id, grid_id)
);

-- 一张清单: the enforcement matters (published by the city or district; a town sees those above it)
create table enforcement_matters (
  code          text primary key,
  org_unit_id   text not null references org_units(id),
  org_path      text not null,
  name          text not null,
  category      text not null,
  source        text not null check (source in ('statutory','empowered','entrusted')),
  delegated_by  text,
  -- EnforcementMatterBody (src/shared/enforcement.ts): legal basis, facts, benchmarks, loop categories
  body          jsonb not null,
  -- case categories of the loop this matter enforces (E0401 占道经营 …): an enforcement case from such a case
  loop_category_codes text[] not null default '{}',
  status        text not null default 'active' check (status in ('active','retired')),
  updated_at    timestamptz not null,
  updated_by    text references accounts(id)
);
create index enforcement_matters_path on enforcement_matters (org_path text_pattern_ops);

-- one department's checklist for a joint inspection (执法监管一件事)
create table inspection_checklists (
  id           text primary key default gen_random_uuid()::text,
  department   text not null,
  title        text not null,
  items        jsonb not null, -- [text]
  place_kinds  text[] not null default '{}',
  sort         integer not null default 0
);

create table joint_inspections (
  id           text primary key default gen_random_uuid()::text,
  number       text not null unique,
  town_id      text not null references org_units(id),
  grid_id      text references org_units(id),
  org_path     text not null,
  -- the firm or place visited: a registry place, or a name and address
  place_id     text references registry_places(id),
  subject_name text not null,
  address      text,
  lng          double precision,
  lat          double precision,
  planned_on   date not null,
  status       text not null default 'planned' check (status in ('planned','done','cancelled')),
  -- [{ checklistId, department, title, items: [{ text, result: ok|issue|na|null, note }] }]
  checklists   jsonb not null,
  inspector_ids text[] not null default '{}',
  findings     text,
  done_at      timestamptz,
  done_by      text references accounts(id),
  -- the Idempotency-Key of the results: a retry answers the first recording instead of 409
  done_request_key text,
  idempotency_key text unique,
  created_at   timestamptz not null,
  created_by   text references accounts(id)
);
create index joint_inspections_path on joint_inspections (org_path text_pattern_ops, planned_on desc);

create table enforcement_cases (
  id               text primary key default gen_random_uuid()::text,
  -- ZF + town code + yyyyMMdd + sequence
  number           text not null unique,
  version          integer not null default 1,
  town_id          text not null references org_units(id),
  grid_id          text not null references org_units(id),
  org_path         text not null,
  matter_code      text not null references enforcement_matters(code),
  -- the matter's source at opening (figures: the share of delegated matters)
  matter_source    text not null,
  -- where it came from: a case of the loop (占道经营 …) or a joint inspection; neither for the officer's own patrol
  case_id          text unique references cases(id),
  inspection_id    text references joint_inspections(id),
  status           text not null check (status in ('investigating','awaitingReview','reviewed','decided','executed','closed','dropped')),
  -- { kind: person|firm, name, idNumber (sealed), phone (sealed), address, creditCode }
  subject          jsonb not null,
  subject_id_hash  text,
  facts            jsonb not null,
  description      text not null,
  lng              double precision not null,
  lat              double precision not null,
  address          text,
  -- the benchmark the rules proposed from the facts, and what the officer confirmed (with a departure reason)
  proposed         jsonb not null,
  confirmed        jsonb,
  departure        boolean not null default false,
  departure_reason text,
  review           jsonb, -- { by, byName, at, approved, opinion }
  review_returns   integer not null default 0,
  decision         jsonb, -- { number, at, penalty: { kind, fineYuan }, text }
  execution        jsonb, -- { kind: paid|executed, at, receiptNo?, note }
  officer_ids      text[] not null default '{}',
  drop_reason      text,
  idempotency_key  text unique,
  opened_at        timestamptz not null,
  opened_by        text references accounts(id),
  updated_at       timestamptz not null,
  decided_at       timestamptz,
  closed_at        timestamptz
);
create index enforcement_cases_path on enforcement_cases (org_path text_pattern_ops, opened_at desc);
create index enforcement_cases_town on enforcement_cases (town_id, opened_at desc);
create index enforcement_cases_open on enforcement_cases (town_id, status) where status not in ('closed','dropped');

create table enforcement_evidence (
  id          text primary key default gen_random_uuid()::text,
  case_id     text not null references enforcement_cases(id),
  kind        text not null check (kind in ('photo','video','statement','document')),
  file_hash   text,
  text        text,
  note        text,
  taken_at    timestamptz not null,
  lng         double precision,
  lat         double precision,
  by_account  text references accounts(id),
  created_at  timestamptz not null
);
create index enforcement_evidence_case on enforcement_evidence (case_id, taken_at);

-- every step of an enforcement case, timed (opened, facts, evidence, band confirmed, review, decision, paid, closed …)
create table enforcement_events (
  id          bigint generated always as identity primary key,
  case_id     text not null references enforcement_cases(id),
  at          timestamptz not null,
  actor_id    text references accounts(id),
  actor_name  text,
  action      text not null,
  data        jsonb not null default '{}',
  request_key text
);
create index enforcement_events_case on enforcement_events (case_id, id);
create unique index enforcement_events_request on enforcement_events (case_id, request_key) where request_key is not null;

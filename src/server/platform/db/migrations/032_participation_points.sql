-- 共建共治共享 (issue 16): 三事分流, the three councils and deliberation, golden ideas, 微积分 points, volunteers.
--
-- A person is known by the keyed hash of their ID number (registry_residents.id_number_hash): supports, attendance,
-- votes and sign-ups are unique on it (or on the household, where a vote's rule says so), never on an account, so a
-- phone vote, an on-site vote and a vote a helper records for an old person meet the same constraint.

-- 三会: one council per grid (网格邻里会), community (社区评议会) and town (街道联席会), led by its party organisation.
create table councils (
  id           text primary key default gen_random_uuid()::text,
  org_unit_id  text not null unique references org_units(id),
  org_path     text not null,
  level        text not null check (level in ('grid','community','town')),
  name         text not null,
  party_org    text not null,
  leader_name  text,
  created_at   timestamptz not null,
  updated_at   timestamptz not null
);
create index councils_path on councils (org_path text_pattern_ops);

-- 三事分流: a resident's matter, classed 公事 (public: a case), 共事 (shared: deliberation) or 家事 (private: help).
create table resident_matters (
  id                 text primary key default gen_random_uuid()::text,
  town_id            text not null references org_units(id),
  grid_id            text not null references org_units(id),
  org_path           text not null,
  title              text not null,
  description        text not null,
  lng                double precision,
  lat                double precision,
  address            text,
  source             text not null check (source in ('resident','gridWorker','visit','hotline','meeting')),
  submitted_by       text references accounts(id),
  resident_id        text references registry_residents(id),
  suggested_class    text not null check (suggested_class in ('public','shared','private')),
  suggestion_reasons jsonb not null default '[]',
  class              text check (class in ('public','shared','private')),
  class_reason       text,
  classed_by         text references accounts(id),
  classed_at         timestamptz,
  status             text not null default 'new' check (status in ('new','routed','closed')),
  case_id            text references cases(id),
  proposal_id        text,
  help_request_id    text,
  idempotency_key    text unique,
  version            integer not null default 1,
  created_at         timestamptz not null,
  updated_at         timestamptz not null
);
create index resident_matters_path on resident_matters (org_path text_pattern_ops, created_at desc);
create index resident_matters_submitter on resident_matters (submitted_by, created_at desc);

create table resident_matter_events (
  id          bigint generated always as identity primary key,
  matter_id   text not null references resident_matters(id),
  action      text not null,
  from_class  text,
  to_class    text,
  reason      text,
  detail      jsonb not null default '{}',
  at          timestamptz not null,
  by_account  text references accounts(id),
  request_key text,
  unique (matter_id, request_key)
);

-- 议题: a proposal on a council's agenda.
create table proposals (
  id               text primary key default gen_random_uuid()::text,
  council_id       text not null references councils(id),
  org_path         text not null,
  title            text not null,
  body             text not null,
  proposer_id      text references accounts(id),
  proposer_name    text not null,
  matter_id        text references resident_matters(id),
  status           text not null default 'open'
                   check (status in ('open','scheduled','decided','inProgress','done','rejected','sentUp')),
  support_count    integer not null default 0,
  decision         text,
  decided_at       timestamptz,
  owner_name       text,
  owner_account_id text references accounts(id),
  due_on           date,
  result           text,
  result_at        timestamptz,
  rating_sum       integer not null default 0,
  rating_count     integer not null default 0,
  -- a decision that needs the town's support is sent up: the town council's proposal names the one it came from
  sent_up_from     text references proposals(id),
  idempotency_key  text unique,
  version          integer not null default 1,
  created_at       timestamptz not null,
  updated_at       timestamptz not null
);
create index proposals_path on proposals (org_path text_pattern_ops, created_at desc);
create index proposals_council on proposals (council_id, status);
create unique index proposals_sent_up_once on proposals (sent_up_from) where sent_up_from is not null;

create table proposal_supports (
  proposal_id text not null references proposals(id),
  person_key  text not null,
  account_id  text references accounts(id),
  at          timestamptz not null,
  primary key (proposal_id, person_key)
);

create table proposal_comments (
  id          bigint generated always as identity primary key,
  proposal_id text not null references proposals(id),
  account_id  text references accounts(id),
  author_name text not null,
  body        text not null,
  at          timestamptz not null
);
create index proposal_comments_proposal on proposal_comments (proposal_id, at);

-- residents judge the result (1–5 stars), once per person
create table proposal_ratings (
  proposal_id text not null references proposals(id),
  person_key  text not null,
  stars       integer not null check (stars between 1 and 5),
  comment     text,
  at          timestamptz not null,
  primary key (proposal_id, person_key)
);

create table proposal_events (
  id          bigint generated always as identity primary key,
  proposal_id text not null references proposals(id),
  action      text not null,
  note        text,
  detail      jsonb not null default '{}',
  at          timestamptz not null,
  by_account  text references accounts(id),
  request_key text,
  unique (proposal_id, request_key)
);

-- 议事会: 坝坝议事 on site (sign-in by QR code) or 云坝会 online.
create table meetings (
  id              text primary key default gen_random_uuid()::text,
  council_id      text not null references councils(id),
  org_path        text not null,
  kind            text not null check (kind in ('onSite','online')),
  title           text not null,
  place           text,
  starts_at       timestamptz not null,
  ends_at         timestamptz not null,
  status          text not null default 'scheduled' check (status in ('scheduled','open','closed','cancelled')),
  -- the secret behind the sign-in QR code (on-site meetings)
  checkin_token   text not null,
  host_name       text,
  minutes         text,
  minutes_at      timestamptz,
  created_by      text references accounts(id),
  idempotency_key text unique,
  version         integer not null default 1,
  created_at      timestamptz not null,
  updated_at      timestamptz not null
);
create index meetings_path on meetings (org_path text_pattern_ops, starts_at desc);

create table meeting_items (
  meeting_id  text not null references meetings(id),
  proposal_id text not null references proposals(id),
  sort        integer not null,
  primary key (meeting_id, proposal_id)
);

create table meeting_attendance (
  meeting_id  text not null references meetings(id),
  person_key  text not null,
  resident_id text references registry_residents(id),
  account_id  text references accounts(id),
  channel     text not null check (channel in ('qr','online','assisted')),
  at          timestamptz not null,
  recorded_by text references accounts(id),
  primary key (meeting_id, person_key)
);

create table meeting_comments (
  id          bigint generated always as identity primary key,
  meeting_id  text not null references meetings(id),
  account_id  text references accounts(id),
  author_name text not null,
  body        text not null,
  at          timestamptz not null,
  -- the author's Idempotency-Key (scoped to the account): a retried comment answers the first
  request_key text unique
);
create index meeting_comments_meeting on meeting_comments (meeting_id, at);

-- 表决: a vote at a meeting, with its rules (src/shared/participation.ts VoteRules) fixed when it opens.
create table motions (
  id              text primary key default gen_random_uuid()::text,
  meeting_id      text not null references meetings(id),
  proposal_id     text references proposals(id),
  org_path        text not null,
  title           text not null,
  options         jsonb not null,
  rules           jsonb not null,
  -- letting people outside the registry vote is a loosening: who confirmed it, when and why (shown on the vote)
  loosened_by     text references accounts(id),
  loosened_at     timestamptz,
  loosened_reason text,
  status          text not null default 'open' check (status in ('open','closed')),
  opens_at        timestamptz not null,
  closes_at       timestamptz not null,
  closed_at       timestamptz,
  -- the count at the close: { tally, cast, electorate, quorumMet, passed }
  result          jsonb,
  electorate_size integer not null,
  idempotency_key text unique,
  version         integer not null default 1,
  created_at      timestamptz not null,
  created_by      text references accounts(id)
);
create index motions_meeting on motions (meeting_id);

-- One row per voter and motion: the primary key is the one-person (or one-household) one-vote rule, for every channel.
create table motion_voters (
  motion_id  text not null references motions(id),
  -- the person's key, or 'household:' || household id when the rule counts households
  voter_key  text not null,
  person_key text not null,
  channel    text not null check (channel in ('phone','onSite','assisted')),
  cast_by    text references accounts(id),
  cast_at    timestamptz not null,
  -- the Idempotency-Key of the request that cast it (scoped to the account): its retry answers 201 again, not 409
  request_key text,
  primary key (motion_id, voter_key)
);

-- The ballots: under a secret rule nothing ties a ballot to its voter (no voter key, no time).
create table motion_ballots (
  id        bigint generated always as identity primary key,
  motion_id text not null references motions(id),
  choice    text not null,
  voter_key text,
  cast_at   timestamptz
);
create index motion_ballots_motion on motion_ballots (motion_id);

-- 金点子 (城市治理我建言, 心愿墙)
create table ideas (
  id              text primary key default gen_random_uuid()::text,
  town_id         text not null references org_units(id),
  org_unit_id     text not null references org_units(id),
  org_path        text not null,
  title           text not null,
  body            text not null,
  category        text,
  submitted_by    text references accounts(id),
  author_name     text not null,
  status          text not null default 'submitted' check (status in ('submitted','accepted','rejected','answered')),
  screen_note     text,
  screened_by     text references accounts(id),
  screened_at     timestamptz,
  response        text,
  responded_by    text references accounts(id),
  responded_at    timestamptz,
  support_count   integer not null default 0,
  -- yyyyQn of submission: the quarter whose top ten it can enter
  quarter         text not null,
  idempotency_key text unique,
  version         integer not null default 1,
  created_at      timestamptz not null,
  updated_at      timestamptz not null
);
create index ideas_path on ideas (org_path text_pattern_ops, created_at desc);
create index ideas_quarter on ideas (town_id, quarter, support_count desc);

create table idea_supports (
  idea_id    text not null references ideas(id),
  person_key text not null,
  account_id text references accounts(id),
  at         timestamptz not null,
  primary key (idea_id, person_key)
);

-- the quarterly top ten as published (a snapshot: later supports do not reorder a published list)
create table idea_top_lists (
  id           text primary key default gen_random_uuid()::text,
  town_id      text not null references org_units(id),
  quarter      text not null,
  items        jsonb not null,
  published_at timestamptz not null,
  published_by text references accounts(id),
  unique (town_id, quarter)
);

-- 积分细则: the rules of one community or village (the OrgUnit), published to its residents.
create table point_rules (
  id           text primary key default gen_random_uuid()::text,
  org_unit_id  text not null references org_units(id),
  org_path     text not null,
  code         text not null,
  name         text not null,
  kind         text not null check (kind in ('base','bonus','minus','veto')),
  -- the size of an award or deduction (always positive; a minus rule takes it away)
  points       integer not null check (points >= 0),
  subject_kind text not null default 'household' check (subject_kind in ('household','person')),
  cap_points   integer check (cap_points > 0),
  cap_period   text check (cap_period in ('month','quarter','year')),
  -- a veto blocks eligibility (red list, 文明户, the supermarket) for this many months
  veto_months  integer check (veto_months > 0),
  -- awarded by the system on its own events: caseClosed, volunteerHour, meetingAttended, helpDone, ideaAccepted
  auto_event   text,
  sort         integer not null default 0,
  retired_at   timestamptz,
  version      integer not null default 1,
  updated_at   timestamptz not null,
  updated_by   text references accounts(id),
  unique (org_unit_id, code)
);
create table point_rule_publications (
  org_unit_id  text primary key references org_units(id),
  version      integer not null,
  published_at timestamptz not null,
  published_by text references accounts(id),
  -- the published snapshot residents read and awards follow: PointRuleInput[] with sort
  rules        jsonb not null default '[]'
);

-- The ledger (double entry). Accounts: a household's or a person's points, the OrgUnit's issuing account (where
-- awards come from; its balance goes below zero) and its supermarket (where redeemed points go).
create table point_accounts (
  id           text primary key default gen_random_uuid()::text,
  kind         text not null check (kind in ('household','person','issuer','supermarket')),
  org_unit_id  text not null references org_units(id),
  org_path     text not null,
  household_id text references registry_households(id),
  resident_id  text references registry_residents(id),
  balance      bigint not null default 0,
  created_at   timestamptz not null,
  constraint point_accounts_never_negative check (kind = 'issuer' or balance >= 0),
  constraint point_accounts_subject check (
    (kind = 'household' and household_id is not null and resident_id is null)
    or (kind = 'person' and resident_id is not null and household_id is null)
    or (kind in ('issuer','supermarket') and household_id is null and resident_id is null))
);
create unique index point_accounts_household on point_accounts (household_id) where kind = 'household';
create unique index point_accounts_person on point_accounts (resident_id) where kind = 'person';
create unique index point_accounts_unit on point_accounts (org_unit_id, kind) where kind in ('issuer','supermarket');
create index point_accounts_path on point_accounts (org_path text_pattern_ops);

create table point_transactions (
  id              text primary key default gen_random_uuid()::text,
  kind            text not null check (kind in ('award','deduction','redemption','reversal','veto')),
  reason_code     text not null,
  rule_code       text,
  org_unit_id     text not null references org_units(id),
  org_path        text not null,
  -- the household or person account the transaction is about
  subject_id      text not null references point_accounts(id),
  -- what it answers: 'case:<id>', 'activity:<id>', 'assessment:<id>:<rule>' …; one award per rule, subject and event
  event_ref       text,
  reverses_id     text unique references point_transactions(id),
  note            text,
  at              timestamptz not null,
  created_by      text references accounts(id),
  idempotency_key text unique,
  -- a veto's end (kind 'veto'): the household is not eligible for 红榜, 文明户 or the supermarket until then
  veto_until      timestamptz,
  constraint point_transactions_veto check ((kind = 'veto') = (veto_until is not null))
);
create unique index point_transactions_once on point_transactions (rule_code, subject_id, event_ref)
  where event_ref is not null and rule_code is not null and kind <> 'reversal';
create index point_transactions_subject on point_transactions (subject_id, at desc);
create index point_transactions_path on point_transactions (org_path text_pattern_ops, at desc);

create table point_entries (
  id             bigint generated always as identity primary key,
  transaction_id text not null references point_transactions(id),
  account_id     text not null references point_accounts(id),
  amount         bigint not null check (amount <> 0),
  at             timestamptz not null
);
create index point_entries_account on point_entries (account_id, at);
create index point_entries_transaction on point_entries (transaction_id);

-- the books are written once: corrections are reversing transactions, never edits
create function point_books_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'point ledger rows are immutable (%.%)', tg_table_name, tg_op using errcode = '23514';
end $$;
create trigger point_entries_immutable before update or delete on point_entries
  for each row execute function point_books_immutable();
create trigger point_transactions_immutable before update or delete on point_transactions
  for each row execute function point_books_immutable();

-- each transaction's entries sum to zero, checked at commit (the entries are written after their transaction)
create function point_entries_balanced() returns trigger language plpgsql as $$
begin
  if (select sum(amount) from point_entries where transaction_id = new.transaction_id) <> 0 then
    raise exception 'point transaction % is not balanced', new.transaction_id using errcode = '23514';
  end if;
  return null;
end $$;
create constraint trigger point_entries_balanced after insert on point_entries
  deferrable initially deferred for each row execute function point_entries_balanced();

-- the nightly reconciliation: each run, and each account whose stored balance differs from its entries
create table point_reconciliations (
  id          bigint generated always as identity primary key,
  ran_at      timestamptz not null,
  accounts    integer not null,
  mismatches  jsonb not null default '[]',
  unbalanced  jsonb not null default '[]'
);
-- how far a points job has read its source (the closed-case awards: cases closed up to this instant are done)
create table point_job_watermarks (
  name text primary key,
  at   timestamptz not null
);

-- 户自查 → 组互评 → 村评定: a household's assessment for one period
create table point_assessments (
  id             text primary key default gen_random_uuid()::text,
  org_unit_id    text not null references org_units(id),
  org_path       text not null,
  household_id   text not null references registry_households(id),
  period         text not null,
  status         text not null check (status in ('selfReported','peerReviewed','approved','returned')),
  -- [{ ruleCode, claimed, note?, peer?: boolean, approved?: boolean }]
  items          jsonb not null,
  self_at        timestamptz not null,
  self_by        text references accounts(id),
  peer_at        timestamptz,
  peer_by        text references accounts(id),
  peer_note      text,
  decided_at     timestamptz,
  decided_by     text references accounts(id),
  decision_note  text,
  version        integer not null default 1,
  unique (household_id, period)
);
create index point_assessments_path on point_assessments (org_path text_pattern_ops, period);

-- 积分超市
create table point_goods (
  id           text primary key default gen_random_uuid()::text,
  org_unit_id  text not null references org_units(id),
  org_path     text not null,
  name         text not null,
  description  text,
  price_points integer not null check (price_points > 0),
  stock        integer not null check (stock >= 0),
  image_hash   text,
  active       boolean not null default true,
  version      integer not null default 1,
  created_at   timestamptz not null,
  updated_at   timestamptz not null
);
create index point_goods_path on point_goods (org_path text_pattern_ops);

create table point_redemptions (
  id              text primary key default gen_random_uuid()::text,
  goods_id        text not null references point_goods(id),
  org_unit_id     text not null references org_units(id),
  org_path        text not null,
  account_id      text not null references point_accounts(id),
  redeemed_by     text references accounts(id),
  qty             integer not null check (qty > 0),
  points          integer not null check (points > 0),
  pickup_code     text not null,
  status          text not null check (status in ('reserved','pickedUp','expired','cancelled')),
  reserved_at     timestamptz not null,
  expires_at      timestamptz not null,
  picked_up_at    timestamptz,
  handed_by       text references accounts(id),
  transaction_id  text not null references point_transactions(id),
  reversal_id     text references point_transactions(id),
  idempotency_key text unique,
  version         integer not null default 1
);
create unique index point_redemptions_pickup on point_redemptions (org_unit_id, pickup_code) where status = 'reserved';
create index point_redemptions_path on point_redemptions (org_path text_pattern_ops, reserved_at desc);
create index point_redemptions_expiring on point_redemptions (expires_at) where status = 'reserved';

-- 红黑榜 and 文明户, derived with their reasons and expiry
create table civility_marks (
  id           text primary key default gen_random_uuid()::text,
  household_id text not null references registry_households(id),
  org_unit_id  text not null references org_units(id),
  org_path     text not null,
  kind         text not null check (kind in ('red','black','civilized')),
  reasons      jsonb not null,
  valid_from   date not null,
  valid_until  date not null,
  derived_at   timestamptz not null,
  period       text not null,
  unique (household_id, kind, period)
);
create index civility_marks_path on civility_marks (org_path text_pattern_ops, valid_until);

-- 五色志愿服务队: 民聚红 · 民兴金 · 民和橙 · 民康绿 · 民安蓝
create table volunteer_teams (
  id          text primary key default gen_random_uuid()::text,
  org_unit_id text not null references org_units(id),
  org_path    text not null,
  colour      text not null check (colour in ('red','gold','orange','green','blue')),
  name        text not null,
  focus       text not null,
  leader_name text,
  created_at  timestamptz not null,
  unique (org_unit_id, colour)
);

create table volunteer_members (
  team_id     text not null references volunteer_teams(id),
  resident_id text not null references registry_residents(id),
  joined_at   timestamptz not null,
  left_at     timestamptz,
  primary key (team_id, resident_id)
);

-- a volunteer activity, or a 微讲堂 talk (kind 'lecture') with its sign-up list
create table volunteer_activities (
  id              text primary key default gen_random_uuid()::text,
  team_id         text references volunteer_teams(id),
  org_unit_id     text not null references org_units(id),
  org_path        text not null,
  kind            text not null check (kind in ('activity','lecture')),
  title           text not null,
  body            text,
  speaker         text,
  place           text not null,
  starts_at       timestamptz not null,
  ends_at         timestamptz not null,
  capacity        integer check (capacity > 0),
  status          text not null default 'open' check (status in ('open','done','cancelled')),
  checkin_token   text not null,
  created_by      text references accounts(id),
  idempotency_key text unique,
  version         integer not null default 1,
  created_at      timestamptz not null
);
create index volunteer_activities_path on volunteer_activities (org_path text_pattern_ops, starts_at desc);

create table activity_signups (
  activity_id    text not null references volunteer_activities(id),
  person_key     text not null,
  resident_id    text references registry_residents(id),
  account_id     text references accounts(id),
  signed_up_at   timestamptz not null,
  checked_in_at  timestamptz,
  checked_out_at timestamptz,
  hours          numeric(5,2),
  primary key (activity_id, person_key)
);

-- 亮身份、践承诺、评星级: a party member's yearly commitments, the 微阵地 where they serve, and their stars
create table party_posts (
  id          text primary key default gen_random_uuid()::text,
  org_unit_id text not null references org_units(id),
  org_path    text not null,
  name        text not null,
  address     text,
  lng         double precision,
  lat         double precision,
  created_at  timestamptz not null,
  created_by  text references accounts(id),
  idempotency_key text unique,
  unique (org_unit_id, name)
);
create index party_posts_path on party_posts (org_path text_pattern_ops);

create table party_commitments (
  id           text primary key default gen_random_uuid()::text,
  resident_id  text not null references registry_residents(id),
  org_unit_id  text not null references org_units(id),
  org_path     text not null,
  year         integer not null,
  post_id      text references party_posts(id),
  commitments  jsonb not null,
  stars        integer check (stars between 1 and 5),
  stars_note   text,
  rated_by     text references accounts(id),
  rated_at     timestamptz,
  version      integer not null default 1,
  created_at   timestamptz not null,
  updated_at   timestamptz,
  updated_by   text references accounts(id),
  unique (resident_id, year)
);
create index party_commitments_path on party_commitments (org_path text_pattern_ops, year);

-- 家事: neighbour help (邻里互助), taken by a volunteer or a neighbour
create table help_requests (
  id                text primary key default gen_random_uuid()::text,
  matter_id         text references resident_matters(id),
  grid_id           text not null references org_units(id),
  org_path          text not null,
  title             text not null,
  description       text not null,
  requester_id      text references registry_residents(id),
  status            text not null default 'open' check (status in ('open','taken','done','cancelled')),
  helper_resident_id text references registry_residents(id),
  helper_team_id    text references volunteer_teams(id),
  taken_at          timestamptz,
  done_at           timestamptz,
  done_note         text,
  idempotency_key   text unique,
  version           integer not null default 1,
  created_at        timestamptz not null,
  created_by        text references accounts(id)
);
create index help_requests_path on help_requests (org_path text_pattern_ops, created_at desc);

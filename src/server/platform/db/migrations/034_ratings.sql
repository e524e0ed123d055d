-- 三级五星评价 (issue 17): rating rules per level (the city's default, a town's own), the monthly ratings of grids,
-- communities and towns with their breakdown, appeals and their answers, and the towns' reverse evaluation (反向评价)
-- of the district departments they sent cases to.

-- A rule: indicators with weights and full/zero marks (RatingRuleItem[]), five star thresholds and vetoes.
-- town_id null is the city's default; a town's row replaces it for the town's units.
create table rating_rules (
  id            text primary key default gen_random_uuid()::text,
  level         text not null check (level in ('grid','community','town')),
  town_id       text references org_units(id),
  items         jsonb not null,
  thresholds    jsonb not null,
  vetoes        jsonb not null default '[]',
  version       integer not null default 1,
  published_at  timestamptz not null,
  updated_by    text references accounts(id),
  updated_at    timestamptz not null
);
create unique index rating_rules_level_town on rating_rules (level, coalesce(town_id, ''));

-- A unit's rating for a month. Recomputed while `computed`; frozen once `published` (an upheld appeal changes it, and
-- the appeal keeps the before and after).
create table ratings (
  id             text primary key default gen_random_uuid()::text,
  level          text not null check (level in ('grid','community','town')),
  org_unit_id    text not null references org_units(id),
  org_path       text not null,
  town_id        text not null references org_units(id),
  period         text not null,
  rule_id        text not null references rating_rules(id),
  rule_version   integer not null,
  score          double precision not null,
  stars          integer not null check (stars between 0 and 5),
  breakdown      jsonb not null,
  vetoes_hit     jsonb not null default '[]',
  status         text not null check (status in ('computed','published')),
  computed_at    timestamptz not null,
  published_at   timestamptz,
  published_by   text references accounts(id),
  version        integer not null default 1,
  unique (level, org_unit_id, period)
);
create index ratings_period_path on ratings (level, period, org_path text_pattern_ops);
create index ratings_town_period on ratings (town_id, period);

-- An appeal of a rating by someone of the rated unit, and the judge's answer (kept as written).
create table rating_appeals (
  id            text primary key default gen_random_uuid()::text,
  rating_id     text not null references ratings(id),
  org_path      text not null,
  by_account    text not null references accounts(id),
  reason        text not null,
  at            timestamptz not null,
  status        text not null check (status in ('open','upheld','rejected')),
  answer        text,
  answered_by   text references accounts(id),
  answered_at   timestamptz,
  score_before  double precision not null,
  stars_before  integer not null,
  score_after   double precision,
  stars_after   integer,
  idempotency_key text,
  version       integer not null default 1
);
-- one open appeal per rating
create unique index rating_appeals_one_open on rating_appeals (rating_id) where status = 'open';
create index rating_appeals_path on rating_appeals (org_path text_pattern_ops, at desc);
create unique index rating_appeals_idem on rating_appeals (by_account, idempotency_key) where idempotency_key is not null;

-- 反向评价: a town rates a district department for a month on the cases it sent it (scores 1–5 per criterion). The
-- department reads the scores and comments, never the account that wrote them.
create table department_evaluations (
  id             text primary key default gen_random_uuid()::text,
  town_id        text not null references org_units(id),
  department_id  text not null references departments(id),
  period         text not null,
  scores         jsonb not null,
  mean           double precision not null,
  comment        text not null default '',
  cases_count    integer not null,
  by_account     text not null references accounts(id),
  at             timestamptz not null,
  version        integer not null default 1,
  unique (town_id, department_id, period)
);
create index department_evaluations_department on department_evaluations (department_id, period);

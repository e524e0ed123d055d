-- 赛马比拼 (issue 17): the 线上通报. A bulletin is generated from the boards of one level under one unit for one period and
-- keeps what it said (the snapshot), so a bulletin once issued never changes when the figures behind it are recounted.
create table ranking_bulletins (
  id                 text primary key default gen_random_uuid()::text,
  parent_id          text not null references org_units(id),
  parent_path        text not null,
  level              text not null check (level in ('grid','community','town')),
  period             text not null,
  title              text not null,
  snapshot           jsonb not null,
  generated_by       text references accounts(id),
  generated_by_name  text,
  generated_at       timestamptz not null,
  -- the generator's Idempotency-Key scoped to their account: a retried POST answers the first bulletin
  idempotency_key    text unique
);
create index ranking_bulletins_path on ranking_bulletins (parent_path text_pattern_ops, generated_at desc);

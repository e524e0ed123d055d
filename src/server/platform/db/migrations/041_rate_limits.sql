-- Rate limits of the public routes, shared by every API node (issue 18): one row per (route, address) window, counted
-- by one upsert a request (public-rate-limit.ts). Unlogged: a counter lost in a crash only forgives a few requests, and
-- the counts need no WAL, nor a place on the replicas. Windows that ended are deleted as nodes go (resets_at index).
create unlogged table rate_limit_hits (
  key text primary key,
  hits integer not null,
  resets_at timestamptz not null
);
create index rate_limit_hits_resets_at on rate_limit_hits (resets_at);

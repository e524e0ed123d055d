-- Secrets every node must share (e.g. the key that signs file URLs), created once at first start.
create table app_secrets (
  name        text primary key,
  value       text not null,
  created_at  timestamptz not null default now()
);

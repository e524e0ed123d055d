-- The audit log (GB/T 22239): who, when, what, from where, success or failure. Append-only: no update at all,
-- and deletion only by the retention job past the retention period. Each row carries the hash of the row before
-- it, so removing or editing a row breaks the chain visibly.

create table audit_log (
  id          bigint generated always as identity primary key,
  at          timestamptz not null,
  actor_id    text,
  actor_name  text,
  ip          text,
  action      text not null,
  target_type text,
  target_id   text,
  success     boolean not null,
  detail      jsonb,
  prev_hash   text not null,
  hash        text not null
);
create index audit_log_at on audit_log (at);
create index audit_log_actor on audit_log (actor_id, at);
create index audit_log_action on audit_log (action, at);

create function audit_log_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and coalesce(current_setting('zhizhi.audit_prune', true), '') = 'on' then
    if old.at < now() - make_interval(days => greatest(183, current_setting('zhizhi.audit_retention_days', true)::int)) then
      return old;
    end if;
  end if;
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_update before update on audit_log for each row execute function audit_log_guard();
create trigger audit_log_no_delete before delete on audit_log for each row execute function audit_log_guard();

-- The case timeline is the audit trail of case changes: append-only too.
create function case_events_guard() returns trigger language plpgsql as $$
begin
  raise exception 'case_events is append-only';
end $$;
create trigger case_events_no_update before update or delete on case_events for each row execute function case_events_guard();
alter table case_events add column ip text;

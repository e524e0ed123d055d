-- Personal data is sealed by the application (src/server/platform/pii-cipher.ts: AES-256-GCM, stored as 'v1.…'):
-- accounts' and grid team members' phones, reporters' names and phones. SQL cannot reach the key, so rows an earlier
-- version wrote in the clear are sealed in code at start (src/server/platform/seal-personal-data.ts). These indexes
-- hold only such plain rows: empty once sealed, so that step costs nothing at each start, whatever the table size.
create index accounts_phone_plain on accounts (id) where phone is not null and phone not like 'v1.%';
create index grid_team_members_phone_plain on grid_team_members (id) where phone is not null and phone not like 'v1.%';
create index cases_reporter_name_plain on cases (id) where reporter_name is not null and reporter_name not like 'v1.%';

-- The timeline stays append-only, with one exception: earlier versions copied the reporter's name into the report's
-- entry as its actor, and the start-up step replaces that copy (only the actor's name of a report entry, only in a
-- transaction that says so, as the audit log's pruning does).
create or replace function case_events_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and coalesce(current_setting('zhizhi.seal_personal_data', true), '') = 'on' and old.action = 'report'
     and (to_jsonb(new) - 'actor_name') = (to_jsonb(old) - 'actor_name') then
    return new;
  end if;
  raise exception 'case_events is append-only';
end $$;

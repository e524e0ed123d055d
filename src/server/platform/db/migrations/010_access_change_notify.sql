-- Every change that ends a session or changes what an account may see announces the account's id on one channel,
-- whichever code path, node or SQL session made it. Each node LISTENs and re-checks that account's open live
-- streams at once (src/server/platform/live.ts); a periodic re-check on every node is the safety net (expiry,
-- a moved org unit). Identical payloads within one transaction reach listeners once.
create function notify_access_change() returns trigger language plpgsql as $$
declare
  col text;
  account text;
begin
  -- the trigger's arguments name the columns that hold affected account ids; OLD is null on insert, NEW on delete
  foreach col in array tg_argv loop
    foreach account in array array[to_jsonb(old) ->> col, to_jsonb(new) ->> col] loop
      if account is not null then
        perform pg_notify('zhizhi_access_changes', account);
      end if;
    end loop;
  end loop;
  return null;
end $$;

create trigger sessions_access_change after update of revoked_at, expires_at on sessions for each row
  when (old.revoked_at is distinct from new.revoked_at or old.expires_at is distinct from new.expires_at)
  execute function notify_access_change('account_id');
create trigger sessions_access_gone after delete on sessions for each row
  execute function notify_access_change('account_id');

create trigger accounts_access_change after update on accounts for each row
  when (old.disabled_at is distinct from new.disabled_at or old.roles is distinct from new.roles
     or old.kind is distinct from new.kind or old.scope_org_unit_id is distinct from new.scope_org_unit_id
     or old.home_org_unit_id is distinct from new.home_org_unit_id or old.password_hash is distinct from new.password_hash)
  execute function notify_access_change('id');

create trigger posts_access_change after insert or delete or update of a_holder_id, b_holder_id, town_id on posts
  for each row execute function notify_access_change('a_holder_id', 'b_holder_id');

create trigger department_members_access_change after insert or update or delete on department_members
  for each row execute function notify_access_change('account_id');

create trigger grid_team_members_access_change after insert or delete or update of account_id, grid_id, team_role
  on grid_team_members for each row execute function notify_access_change('account_id');

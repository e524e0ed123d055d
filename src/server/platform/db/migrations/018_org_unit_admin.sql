-- Administration of the org tree inside a town: units retire instead of disappearing (cases keep pointing at them),
-- and every boundary a unit had is kept with the time it stopped being the boundary.
alter table org_units add column retired_at timestamptz;

create table org_unit_boundaries (
  id          bigint generated always as identity primary key,
  unit_id     text not null references org_units(id),
  geometry    jsonb not null,
  valid_until timestamptz not null
);
create index org_unit_boundaries_unit on org_unit_boundaries (unit_id, valid_until desc);

-- Whatever changes a boundary (the import, the editor, plain SQL), the one it replaces goes into the history.
create function org_unit_boundary_history() returns trigger language plpgsql as $$
begin
  if old.geometry is not null and new.geometry is distinct from old.geometry then
    insert into org_unit_boundaries (unit_id, geometry, valid_until) values (old.id, old.geometry, now());
  end if;
  return new;
end $$;
create trigger org_unit_boundary_history before update of geometry on org_units
  for each row execute function org_unit_boundary_history();

-- Things in the case loop (issue 11): a case reported at a registered thing (a manhole, a hydrant, a facade) names it.
-- Most cases name none: the indexes hold only the rows that do, so an ordinary report writes no entry in them.
alter table cases add column thing_id text references registry_things(id);
-- intake's duplicate search reads the open cases of one thing and category first, before those merely near
create index cases_open_thing on cases (thing_id, category_code)
  where thing_id is not null and status not in ('closed','rejected') and duplicate_of is null;
-- a thing's page lists its cases, newest first
create index cases_thing on cases (thing_id, created_at desc) where thing_id is not null;

-- Map layers (风险点落图): the records of a map's view are a band of latitudes read from the index, the scope's prefix
-- and the longitudes checked on the entries, for callers whose territory is wide (a town, a district) and a view small.
create index registry_buildings_lat on registry_buildings (lat, lng) where retired_at is null;
create index registry_places_lat on registry_places (lat, lng) where retired_at is null;
create index registry_things_lat on registry_things (lat, lng) where retired_at is null;
-- risk points are read level by level, the most severe first, each level stopping at the layer's cap
create index registry_things_risk_lat on registry_things (risk_level, lat, lng) where retired_at is null;

-- Registry search by tag inside a territory (issue 11; bench/registry-search.bench.ts, docs/benchmarks.md): "the old
-- people living alone in my town". The tags GIN index alone hands the query every match of the whole registry (独居老人:
-- ~36,000 of 1,000,000 residents) to check against the scope row by row in the table, ten times the town's ~3,600.
-- Here each resident's tags are indexed once per unit above it: 'elderly_alone /city/town/' (and the same with the
-- city's, the community's and the grid's path), so `registry_tag_scopes(tags, org_path) && array['elderly_alone
-- /city/town/']` finds exactly the territory's matches in the index. Plain GIN over text[] (no extension), the same on
-- PostgreSQL and PGlite. Small: one key per tag and unit, each with its residents' row pointers compressed. The search
-- keeps its scope conditions (org_path, grid_id) as they are; this condition only narrows (store.ts, residentWhere).
create function registry_tag_scopes(tags text[], org_path text) returns text[]
  language sql immutable parallel safe
  as $$
    select coalesce(array_agg(t || ' /' || array_to_string(p.parts[1:k], '/') || '/'), '{}')
      from unnest(tags) t
      cross join (select string_to_array(trim(both '/' from org_path), '/') as parts) p
      cross join generate_series(1, coalesce(cardinality(p.parts), 0)) k
  $$;
create index registry_residents_tag_scopes on registry_residents using gin (registry_tag_scopes(tags, org_path));

-- The duplicate search at intake (open cases of a category in a box around the report) reads a narrow band of
-- latitudes of one town and category from the index alone, instead of every open case of the category in the town.
drop index if exists cases_category_open;
create index cases_open_near on cases (town_id, category_code, lat, lng) where status not in ('closed','rejected') and duplicate_of is null;

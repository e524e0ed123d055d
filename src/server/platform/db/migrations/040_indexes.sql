-- City scale (issue 18): the indexes of `cases` audited against every list, search and filter the pages send, and the
-- open-case counts a dashboard reads kept as roll-ups per town, so a town's or the whole city's figures never scan the
-- cases table. docs/operations.md "Database at scale" lists each index with the query it serves.

-- ---------------------------------------------------------------------------------------------------------------------
-- Indexes
-- ---------------------------------------------------------------------------------------------------------------------
-- Each index of `cases` and what reads it (EXPLAIN on 2,000,000 cases over 1,026 towns in docs/operations.md):
--   cases_pkey, cases_number_key, cases_idempotency_key_key   a case by id, by number (tracking), intake's retry
--   cases_path_created (org_path, created_at)  the scope branch of every visibility test (a town's, a community's,
--                       a grid's cases: BitmapOr arm), the screen's feed of a town, analytics by place and period
--   cases_open_path     open cases under a path: the screen's live cases and tiles of a town, a town's open lists
--   cases_post          cases with one of the viewer's posts: visibility branch, inbox (mine=assigned), a post's load
--   cases_staff         cases with the viewer himself (a grid worker, staff): visibility branch, mine=assigned
--   cases_departments_reached (GIN)  cases a department was sent: visibility branch, department evaluation
--   cases_reporter      the viewer's own reports: visibility branch, mine=reported
--   cases_created       the newest cases over several towns (a district's, the city's lists), reported today,
--                       the indicators' reported per day
--   cases_open_created  the newest open cases over several towns (workbench and screen of a district, the city)
--   cases_closed        closed in a period: the figures' closed today, points for closed cases (by closed_at, id)
--   cases_town_created  a town's cases of a month (department evaluation by town)
--   cases_next_check    the SLA sweep: the open cases whose next light change or rule is due
--   cases_open_near     intake's duplicate check (same town, category, box)
--   cases_thing         a registered thing's cases (newest first) and intake's duplicates at the same thing
--   cases_duplicate_of  the duplicates of a case
--   cases_open_grid     a grid's open cases (grid team handover, daily task generation)
--   cases_reporter_phone  a person's cases by phone (registry detail)
--   cases_handle_due    the indicators' cases due per day
--   cases_updated       the screen's feed over several towns (newest changes)
--   cases_plans_unchecked  cases the plan triggers have not looked at yet
--   cases_reporter_name_plain  names not yet sealed (the sealing job)
-- Dropped: cases_org_path (org_path alone: every use is served by cases_path_created, which starts with it);
-- cases_open (status, created_at over open cases: no list orders by status; replaced by cases_open_created);
-- cases_open_thing (a thing's open cases of a category: a thing has few cases, cases_thing serves it);
-- cases_open_post (open only: the visibility branch reads a post's cases of every status; cases_post serves both).
-- Replaced: cases_department_ids by cases_departments_reached, the same without its predicate (department_ids <> '{}'):
-- `department_ids && $x` does not imply the predicate, so the planner could never use it for the visibility test.
-- The new indexes are made `if not exists`: on a full database build them first with CREATE INDEX CONCURRENTLY under
-- the same names (docs/operations.md "Upgrades"); the drops are instant.
drop index if exists cases_org_path;
drop index if exists cases_open;
drop index if exists cases_open_thing;
drop index if exists cases_open_post;
drop index if exists cases_department_ids;
create index if not exists cases_post on cases ((assignee->>'postId')) where (assignee->>'postId') is not null;
create index if not exists cases_staff on cases ((assignee->>'staffId')) where (assignee->>'staffId') is not null;
create index if not exists cases_departments_reached on cases using gin (department_ids);
create index if not exists cases_open_created on cases (created_at) where status not in ('closed','rejected');
create index if not exists cases_closed on cases (closed_at, id) where status = 'closed';
-- Statistics of the assignee's post and person: without them the planner guesses 0.5 % of all cases for each (the
-- partial expression indexes above collect none), overrates the BitmapOr of a town's list and walks the district's
-- newest open cases instead (115–140 ms instead of 14–25 ms for a town of 27 at district scale). ANALYZE fills them.
create statistics if not exists cases_assignee_keys on (assignee->>'postId'), (assignee->>'staffId') from cases;

-- ---------------------------------------------------------------------------------------------------------------------
-- Open-case counts per town (the dashboards' roll-ups)
-- ---------------------------------------------------------------------------------------------------------------------
-- Every open case (status neither closed nor rejected) counts once in each kind, under the path of its town:
--   light   a = the worst light of its running clocks (0 none, 1 green, 2 yellow, 3 red), b = escalated ('true'/'false')
--   red     a running clock is red by the screen's jsonpath test (src/server/screen/screen-store.ts RED)
--   matter  a = category_code, b = matter_id
--   post    a = the post it is with (assignee->>'postId'), '' when with none
-- A change of cases appends its net change to case_open_count_changes in the same statement (statement triggers on the
-- transition tables: nothing locked, so reports of one town never wait on a counter row); the fold job moves the
-- changes into case_open_counts every minute. A reader sums both in one statement, so it always reads the exact counts.
create table case_open_counts (
  town_path text not null,
  kind      text not null check (kind in ('light','red','matter','post')),
  a         text not null,
  b         text not null,
  n         bigint not null,
  primary key (town_path, kind, a, b)
);
create index case_open_counts_path on case_open_counts (town_path text_pattern_ops);

create table case_open_count_changes (
  town_path text not null,
  kind      text not null,
  a         text not null,
  b         text not null,
  n         bigint not null
);
create index case_open_count_changes_path on case_open_count_changes (town_path text_pattern_ops);

-- The keys an open case counts under (none for a closed or rejected one). The town's path is the case's path up to its
-- town's segment (the whole path when the town is not on it).
create function case_open_keys(c cases) returns table (town_path text, kind text, a text, b text)
language sql immutable as $$
  select t.path, x.kind, x.a, x.b
    from (select case when strpos(c.org_path, '/' || c.town_id || '/') > 0
                      then left(c.org_path, strpos(c.org_path, '/' || c.town_id || '/') + length(c.town_id) + 1)
                      else c.org_path end as path) t
   cross join lateral (values
     ('light', coalesce((select max(case k.value->>'light' when 'red' then 3 when 'yellow' then 2 when 'green' then 1 end)
                           from jsonb_each(c.clocks) k where k.value->>'stoppedAt' is null), 0)::text,
               (c.escalated_at is not null)::text),
     ('matter', c.category_code, c.matter_id),
     ('post', coalesce(c.assignee->>'postId', ''), '')) x(kind, a, b)
   where c.status not in ('closed','rejected')
  union all
  select t.path, 'red', '', ''
    from (select case when strpos(c.org_path, '/' || c.town_id || '/') > 0
                      then left(c.org_path, strpos(c.org_path, '/' || c.town_id || '/') + length(c.town_id) + 1)
                      else c.org_path end as path) t
   where c.status not in ('closed','rejected') and c.clocks @? '$.* ? (@.light == "red" && @.stoppedAt == null)'
$$;

create function case_open_counts_inserted() returns trigger language plpgsql as $$
begin
  insert into case_open_count_changes (town_path, kind, a, b, n)
  select k.town_path, k.kind, k.a, k.b, count(*) from new_cases c cross join lateral case_open_keys(c) k group by 1, 2, 3, 4;
  return null;
end $$;

create function case_open_counts_updated() returns trigger language plpgsql as $$
begin
  insert into case_open_count_changes (town_path, kind, a, b, n)
  select town_path, kind, a, b, sum(n) from (
    select k.*, 1 as n from new_cases c cross join lateral case_open_keys(c) k
    union all
    select k.*, -1 from old_cases c cross join lateral case_open_keys(c) k) x
  group by 1, 2, 3, 4 having sum(n) <> 0;
  return null;
end $$;

create function case_open_counts_deleted() returns trigger language plpgsql as $$
begin
  insert into case_open_count_changes (town_path, kind, a, b, n)
  select k.town_path, k.kind, k.a, k.b, -count(*) from old_cases c cross join lateral case_open_keys(c) k group by 1, 2, 3, 4;
  return null;
end $$;

create trigger cases_open_counts_insert after insert on cases referencing new table as new_cases
  for each statement execute function case_open_counts_inserted();
create trigger cases_open_counts_update after update on cases referencing old table as old_cases new table as new_cases
  for each statement execute function case_open_counts_updated();
create trigger cases_open_counts_delete after delete on cases referencing old table as old_cases
  for each statement execute function case_open_counts_deleted();

-- the cases already there (one pass over the open ones)
insert into case_open_counts (town_path, kind, a, b, n)
select k.town_path, k.kind, k.a, k.b, count(*)
  from cases c cross join lateral case_open_keys(c) k
 where c.status not in ('closed','rejected')
 group by 1, 2, 3, 4;

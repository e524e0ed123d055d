-- Boards, posts, the duty roster and grid teams administered through the API.

-- A post's back-up holder stands in when its A and B holders are both away; like them, they see and work the post's
-- cases. A retired post keeps its code (unique per town, never reused), so Matters and case history never come to
-- name another post.
alter table posts add column backup_holder_id text references accounts(id);
alter table posts add column retired_at timestamptz;

drop trigger posts_access_change on posts;
create trigger posts_access_change after insert or delete or update of a_holder_id, b_holder_id, backup_holder_id, town_id, retired_at
  on posts for each row execute function notify_access_change('a_holder_id', 'b_holder_id', 'backup_holder_id');

-- the open cases of a post (its last holder may not leave them) and of a grid (a leaving worker's handover)
create index cases_open_post on cases ((assignee ->> 'postId')) where status not in ('closed','rejected');
create index cases_open_grid on cases (grid_id) where status not in ('closed','rejected');

-- The command center's 24-hour watch (值班表), one ISO week of a town at a time, with a version so that two
-- editors of the same week cannot overwrite each other unknowingly. Days are Shanghai local dates (YYYY-MM-DD).
create table duty_roster_weeks (
  town_id     text not null references org_units(id),
  week        text not null check (week ~ '^[0-9]{4}-W[0-9]{2}$'),
  version     integer not null,
  updated_at  timestamptz not null,
  updated_by  text references accounts(id),
  primary key (town_id, week)
);

create table duty_roster_slots (
  town_id     text not null,
  week        text not null,
  day         text not null check (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  shift       text not null check (shift in ('leader','day','night')),
  account_id  text not null references accounts(id),
  sort        integer not null default 0,
  primary key (town_id, day, shift, account_id),
  foreign key (town_id, week) references duty_roster_weeks (town_id, week)
);
create index duty_roster_slots_week on duty_roster_slots (town_id, week);

-- The working calendar SLA clocks count working days on: one row per year, as entered from the State Council's
-- notice (public holidays, and the weekend days worked in exchange). Replacing a year replaces its row.
create table working_calendar_years (
  year int primary key check (year between 2000 and 2100),
  source text not null,
  holidays jsonb not null,
  workdays jsonb not null,
  updated_at timestamptz not null,
  updated_by text references accounts(id)
);

insert into working_calendar_years (year, source, holidays, workdays, updated_at, updated_by) values (
  2026, '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)',
  '["2026-01-01","2026-01-02","2026-01-03","2026-02-15","2026-02-16","2026-02-17","2026-02-18","2026-02-19","2026-02-20","2026-02-21","2026-02-22","2026-02-23","2026-04-04","2026-04-05","2026-04-06","2026-05-01","2026-05-02","2026-05-03","2026-05-04","2026-05-05","2026-06-19","2026-06-20","2026-06-21","2026-09-25","2026-09-26","2026-09-27","2026-10-01","2026-10-02","2026-10-03","2026-10-04","2026-10-05","2026-10-06","2026-10-07"]',
  '["2026-01-04","2026-02-14","2026-02-28","2026-05-09","2026-09-20","2026-10-10"]',
  '2025-11-04T00:00:00+08:00', null
);

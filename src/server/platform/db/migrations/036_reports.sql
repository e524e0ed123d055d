-- 一表通 (issue 17): report forms whose columns are indicators, and the fills exported from them. A form's rows are the
-- unit's children (one row each, plus the total rolled up from them) or the months of the period; every cell is an
-- indicator's value from the roll-ups, so nobody types a figure the system already has.

-- The forms: the standard ones (org_unit_id null, seeded) and those a town defines from its catalog.
create table report_forms (
  id           text primary key default gen_random_uuid()::text,
  -- the standard forms' stable names (grid-monthly …); a town's own forms have none
  code         text unique,
  org_unit_id  text references org_units(id),
  org_path     text,
  name         text not null,
  description  text not null default '',
  row_kind     text not null check (row_kind in ('children','months')),
  period_kind  text not null check (period_kind in ('month','quarter','year')),
  -- [{ indicatorCode, label? }], in the order of the table's columns
  columns      jsonb not null,
  standard     boolean not null default false,
  sort         integer not null default 0,
  version      integer not null default 1,
  archived_at  timestamptz,
  idempotency_key text unique,
  created_by   text references accounts(id),
  created_at   timestamptz not null,
  updated_at   timestamptz not null,
  check ((org_unit_id is null) = standard),
  check (row_kind <> 'months' or period_kind in ('quarter','year'))
);
create index report_forms_path on report_forms (org_path text_pattern_ops) where org_path is not null;

-- Each export: the table exactly as it was written into the file (values jsonb), so a fill can be downloaded again
-- with the figures it had, whatever the roll-ups say later.
create table report_fills (
  id           text primary key default gen_random_uuid()::text,
  form_id      text not null references report_forms(id),
  form_version integer not null,
  form_name    text not null,
  org_unit_id  text not null references org_units(id),
  org_path     text not null,
  period       text not null,
  format       text not null check (format in ('xlsx','pdf')),
  "values"     jsonb not null,
  idempotency_key text unique,
  by_account   text references accounts(id),
  by_name      text not null,
  at           timestamptz not null
);
create index report_fills_path on report_fills (org_path text_pattern_ops, at desc);
create index report_fills_form on report_fills (form_id, at desc);

-- Most cases have no reporter account (residents without one, hotline calls, devices) and are no one's duplicate:
-- index only the rows that have them, so a report does not write index entries nobody will look up. Equality
-- look-ups (reporter_account_id = $1, duplicate_of = $1) imply "is not null" and still use these indexes.
drop index if exists cases_reporter;
create index cases_reporter on cases (reporter_account_id) where reporter_account_id is not null;
drop index if exists cases_duplicate_of;
create index cases_duplicate_of on cases (duplicate_of) where duplicate_of is not null;

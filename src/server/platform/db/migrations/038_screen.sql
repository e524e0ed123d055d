-- 一屏统揽 (issue 17): what the command screen's first paint reads, as index ranges instead of scans of every case.
-- The open cases of a unit by path, newest first: the children's counts (open and red per child) and the live window.
create index cases_open_path on cases (org_path text_pattern_ops, created_at desc) where status not in ('closed','rejected');
-- The feed: the newest changed cases, walked from the newest until the window is full.
create index cases_updated on cases (updated_at desc);

-- Each password-check reservation deletes a small batch of failures that no longer count, oldest first, so the
-- table stays bounded without a job, even when made-up usernames are never tried again.
create index login_failures_at on login_failures (at);

-- Registry imports (issue 11): how many times a worker has started an import. Counted when a run starts (committed
-- before any row is read), so a run whose process dies still counts: an import that crashes its worker every time ends
-- 'failed' after a few attempts instead of being taken up every minute forever (run-import.ts, MAX_IMPORT_ATTEMPTS).
alter table registry_imports add column attempts integer not null default 0;

-- Account administration by the security administrator (安全管理员, 三员分立).
-- must_change_password: set when an administrator gives the account a one-time password (create, reset), cleared
-- when its holder sets their own; until then a session may only change its password, read /api/me and sign out.
alter table accounts add column must_change_password boolean not null default false;

-- Idempotency-Key of POST /api/accounts, per administrator: a retried create answers the first result. The one-time
-- password is kept for that answer only, sealed like personal data (pii-cipher.ts), and forgotten as soon as the
-- password is set or reset.
alter table accounts add column created_by text references accounts(id);
alter table accounts add column idempotency_key text;
alter table accounts add column one_time_password text;
create unique index accounts_idempotency on accounts (created_by, idempotency_key) where idempotency_key is not null;

-- Resident self-registration (POST /api/auth/register): a resident signs up with a mobile number proved by an SMS
-- code, and signs in with that number. The number itself stays sealed in accounts.phone (app.pii); phone_hash is its
-- keyed hash (PiiCipher.lookupHash), set for accounts that sign in by phone, unique, so one number is one resident.
alter table accounts add column phone_hash text;
create unique index accounts_phone_hash on accounts (phone_hash) where phone_hash is not null;
-- the resident's home address as they wrote it (building, unit, room): personal data, sealed like the phone
alter table accounts add column home_address text;

-- Codes sent to a number: only their keyed hash is kept (with the number's hash), so the table holds no number and no
-- code. The latest code of a number is the one that counts; rows older than the send window are pruned as codes are sent.
create table verification_codes (
  id          bigint generated always as identity primary key,
  purpose     text not null check (purpose in ('register')),
  phone_hash  text not null,
  code_hash   text not null,
  ip          text not null,
  sent_at     timestamptz not null,
  attempts    integer not null default 0,
  used_at     timestamptz
);
create index verification_codes_phone on verification_codes (phone_hash, sent_at);
create index verification_codes_ip on verification_codes (ip, sent_at);
create index verification_codes_sent on verification_codes (sent_at);

-- Wrong codes, by number (its hash) and address, for the check throttle (the sign-in throttle's rule); pruned like
-- login_failures.
create table verification_failures (
  id          bigint generated always as identity primary key,
  phone_hash  text not null,
  ip          text not null,
  at          timestamptz not null
);
create index verification_failures_phone on verification_failures (phone_hash, at);
create index verification_failures_ip on verification_failures (ip, at);
create index verification_failures_at on verification_failures (at);

-- The audit chain gets a key the database never holds: each new row's hash is an HMAC-SHA256 (mac 'hmac-sha256')
-- with a key derived from the master key (PII_KEY or DATA_DIR/keys/pii.key). The rows written before keep their
-- plain SHA-256 ('sha256') and keep verifying; after the first keyed row no plain row may follow. No default from
-- here on: a writer must say how it made the hash.
alter table audit_log add column mac text not null default 'sha256' check (mac in ('sha256', 'hmac-sha256'));
alter table audit_log alter column mac drop default;

-- Case numbering without a per-town serialisation point (issue 18, docs/operations.md "Case numbering"): intake takes
-- the town's number of the day in a short transaction of its own, before the statement that writes the case. A report
-- with an Idempotency-Key claims its number here in that transaction, so a retry racing the first attempt gets the same
-- number (and then the first case) instead of a new one. A town's claims of earlier days are deleted with its first
-- number of a day.
create table case_number_claims (
  idempotency_key  text primary key,
  town_id          text not null,
  day              text not null,
  -- null only inside the claiming transaction, until it has taken the number
  seq              integer
);
create index case_number_claims_town_day on case_number_claims (town_id, day);

-- The sign-in throttle's counts (see LoginThrottle), shared by every instance of a side so that a
-- guesser spread over instances meets one limit: one row per account and address, and one per
-- address, keyed by a hash of either so that no username, however long, makes a row large.
-- A row is read, changed and written under its lock; rows left alone past the forgetting time are pruned.
create table sign_in_throttle (
    throttle_key   varchar(64) primary key,
    failures       integer     not null default 0,
    last_at        timestamptz,
    drained_up_to  timestamptz
);
create index sign_in_throttle_last_at on sign_in_throttle (last_at);

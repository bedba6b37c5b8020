-- A refresh token replaced by a renewal is kept, with the moment it was replaced, until its
-- session ends: presenting it again later means a copy of the cookie is in someone else's hands
-- (the browser only ever holds the newest), so the whole chain of renewals begun by that sign-in
-- (its family) ends, the thief's copy and the rightful browser's alike (RFC 9700 4.14.2).
alter table sign_in_sessions add column family_id varchar(64);
update sign_in_sessions set family_id = token_hash;
alter table sign_in_sessions alter column family_id set not null;
alter table sign_in_sessions add column replaced_at timestamptz;
create index sign_in_sessions_family on sign_in_sessions (family_id);
-- ended sessions are pruned by their end, whoever signs in next
create index sign_in_sessions_expires_at on sign_in_sessions (expires_at);

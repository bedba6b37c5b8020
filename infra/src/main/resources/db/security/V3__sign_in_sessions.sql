-- A browser's sign-in session: the SHA-256 of the refresh token kept in its HttpOnly cookie (the
-- token itself is never stored), the account's token version when it began, so that a change to
-- the account ends it as it ends the account's access tokens, and when it ends (a working day
-- after the sign-in; renewing the access token does not move it).
create table sign_in_sessions (
    token_hash    varchar(64) primary key,
    username      varchar(64) not null references accounts (username) on delete cascade,
    token_version bigint      not null,
    expires_at    timestamptz not null
);
create index sign_in_sessions_username on sign_in_sessions (username);

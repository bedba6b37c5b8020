-- A token carries the version its account had when it was issued; a change that should end the
-- account's sessions (disabled, roles, school, authority, classes, password) moves the version on.
alter table accounts add column token_version bigint not null default 0;

-- What happened to accounts: creations, changes and sign-ins. Written in the same transaction as
-- the change it records; never holds a password or its hash.
create table account_audit (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz not null,
    type        varchar(32) not null,
    actor       varchar(64) not null,
    username    varchar(64) not null,
    school_id   varchar(64),
    details     jsonb       not null default '{}'
);
create index account_audit_school on account_audit (school_id, id desc);
create index account_audit_newest on account_audit (id desc);

-- The system's own accounts. Passwords are BCrypt hashes; nothing else about a password is kept.
create table accounts (
    username      varchar(64)  primary key,
    password_hash varchar(100) not null,
    roles         text[]       not null,
    school_id     varchar(64),
    authority_id  varchar(64),
    class_ids     text[]       not null default '{}',
    enabled       boolean      not null default true,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);
create index accounts_school on accounts (school_id);

-- The offline desk's exceptions, for the librarian's list: what each record was, the rules it
-- broke, the loans it opened and closed, and how it was settled (settled_at null while open).
create table cmd_desk_exception (
    school_id      varchar(64)  not null,
    exception_id   uuid         not null,
    desk_id        varchar(64)  not null,
    record_key     varchar(100) not null,
    kind           varchar(16)  not null,
    barcode        varchar(64)  not null,
    patron_id      varchar(64),
    recorded_at    timestamptz  not null,
    broken         text[]       not null,
    loan_id        uuid,
    closed_loan_id uuid,
    uploaded_at    timestamptz  not null,
    settled_at     timestamptz,
    action         varchar(64),
    note           varchar(500),
    primary key (school_id, exception_id)
);
create index cmd_desk_exception_open on cmd_desk_exception (school_id, recorded_at) where settled_at is null;

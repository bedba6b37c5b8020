-- Answers given to Idempotency-Key headers, kept at least 7 days (the contract's promise).
create table command_idempotency (
    school_id       varchar(64)  not null,
    idempotency_key varchar(255) not null,
    request_hash    varchar(64)  not null,
    status          integer      not null,
    response_body   text,
    event_position  bigint       not null,
    created_at      timestamptz  not null,
    primary key (school_id, idempotency_key)
);
create index command_idempotency_created_at on command_idempotency (created_at);

-- Import jobs (vn.motsach.command.imports): the uploaded file, the job's progress and what it
-- reported, kept in the command database so that a job survives a restart of the process and
-- any command-side instance can resume it. Progress is committed in the transaction that stores
-- the events of the records it counts, so after a kill a job resumes after the last record that
-- went in, neither doubling nor losing one.
create table cmd_import_job (
    import_id        uuid         primary key,
    school_id        varchar(64)  not null,
    kind             varchar(16)  not null,
    format           varchar(16)  not null,
    status           varchar(16)  not null,
    dry_run          boolean      not null,
    barcode_prefix   varchar(16),
    copies_per_record integer     not null default 0,
    actor            varchar(200) not null,
    idempotency_key  varchar(200),
    -- what was asked, file included (SHA-256): the same key with another request is refused
    request_hash     varchar(64),
    file_name        varchar(500),
    file_size        bigint       not null,
    requested_at     timestamptz  not null,
    started_at       timestamptz,
    finished_at      timestamptz,
    cancel_requested boolean      not null default false,
    total            integer,
    processed        integer      not null default 0,
    created          integer      not null default 0,
    updated          integer      not null default 0,
    unchanged        integer      not null default 0,
    rejected         integer      not null default 0,
    warned           integer      not null default 0,
    -- the next number tried for a barcode made from barcode_prefix
    next_generated   integer      not null default 1,
    last_position    bigint
);
create index cmd_import_job_school on cmd_import_job (school_id, requested_at desc);
create unique index cmd_import_job_key on cmd_import_job (school_id, actor, idempotency_key)
    where idempotency_key is not null;

-- The uploaded file in pieces of at most a megabyte, read back one piece at a time.
create table cmd_import_chunk (
    import_id uuid    not null references cmd_import_job on delete cascade,
    seq       integer not null,
    bytes     bytea   not null,
    primary key (import_id, seq)
);

-- Rejected records (ERROR) and dropped fields (WARNING), in the order found; the message is
-- worded when read, in the reader's language, from the code and its arguments.
create table cmd_import_issue (
    import_id uuid         not null references cmd_import_job on delete cascade,
    seq       integer      not null,
    severity  varchar(8)   not null,
    record    integer      not null,
    sheet     varchar(100),
    row_no    integer,
    field     varchar(100),
    code      varchar(64)  not null,
    arguments text[]       not null,
    words     text,
    primary key (import_id, seq)
);

-- What a title is matched by when a catalogue is imported: its ISBN, its source record's
-- control number, and its title, first author and year folded (no case, no diacritics),
-- written by the "circulation-lookups" processor with the events.
create table cmd_title_match (
    school_id      varchar(64) not null,
    title_id       uuid        not null,
    isbn           varchar(32),
    control_number varchar(200),
    match_key      text        not null,
    primary key (school_id, title_id)
);
create index cmd_title_match_isbn on cmd_title_match (school_id, isbn) where isbn is not null;
create index cmd_title_match_control on cmd_title_match (school_id, control_number) where control_number is not null;
create index cmd_title_match_key on cmd_title_match (school_id, match_key);

-- A text without case or diacritics, its punctuation and spaces one space: 'Đường  về.' -> 'duong ve'.
-- TitleMatches.fold is the same in Java; this one serves the backfill below.
create function cmd_fold(t text) returns text
    language sql immutable strict parallel safe
as $$ select btrim(regexp_replace(lower(translate(regexp_replace(normalize(t, NFD), '[\u0300-\u036f]', '', 'g'),
                                                    'đĐ', 'dD')),
                                  '[[:space:][:punct:]]+', ' ', 'g')) $$;

-- Titles catalogued before this table existed.
do $$
begin
    if to_regclass('domainevententry') is not null then
        insert into cmd_title_match (school_id, title_id, isbn, control_number, match_key)
        select p ->> 'schoolId', (p ->> 'titleId')::uuid, p ->> 'isbn', p ->> 'controlNumber',
               cmd_fold(p ->> 'title') || '|' || coalesce(cmd_fold(p -> 'authors' ->> 0), '') || '|'
                   || coalesce(p ->> 'publishedYear', '')
        from (select payload::jsonb as p from domainevententry where payloadtype like '%.TitleCatalogued') e
        on conflict do nothing;
    end if;
end
$$;

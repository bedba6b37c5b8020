-- The reading activities projection (processing group "reading-activities"): library periods,
-- reading events with their participants, and reading sessions, for the lists a front-end
-- pages through by class, patron and dates. Analytics keeps the same facts for metrics.
create table qs_library_period (
    school_id         varchar(64) not null,
    period_id         uuid        not null,
    class_id          varchar(32) not null,
    held_on           date        not null,
    activity          varchar(16) not null,
    attendee_ids      text[]      not null,
    enrolled_students integer     not null,
    teacher_id        varchar(32),
    note              text,
    last_position     bigint      not null,
    primary key (school_id, period_id)
);
create index qs_library_period_class on qs_library_period (school_id, class_id, held_on);
create index qs_library_period_day on qs_library_period (school_id, held_on);

create table qs_reading_event (
    school_id     varchar(64)  not null,
    event_id      uuid         not null,
    name          text         not null,
    kind          varchar(16)  not null,
    starts_on     date         not null,
    ends_on       date         not null,
    class_ids     text[]       not null,
    last_position bigint       not null,
    primary key (school_id, event_id)
);
create index qs_reading_event_dates on qs_reading_event (school_id, starts_on);

-- One row per participant, so that a participation seen twice counts once.
create table qs_reading_event_participant (
    school_id   varchar(64) not null,
    event_id    uuid        not null,
    patron_id   varchar(32) not null,
    class_id    varchar(32),
    recorded_on date        not null,
    primary key (school_id, event_id, patron_id)
);

create table qs_reading_session (
    school_id     varchar(64) not null,
    session_id    uuid        not null,
    patron_id     varchar(32) not null,
    class_id      varchar(32),
    title_id      uuid,
    started_at    timestamptz not null,
    minutes       integer     not null,
    place         varchar(16) not null,
    self_reported boolean     not null,
    primary key (school_id, session_id)
);
create index qs_reading_session_patron on qs_reading_session (school_id, patron_id, started_at desc);

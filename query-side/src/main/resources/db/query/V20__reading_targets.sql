-- The reading targets a school follows, as the semester report lists them with their progress.
create table qs_reading_target (
    school_id     varchar(64) not null,
    target_id     varchar(64) not null,
    metric        varchar(48) not null,
    scope         varchar(16) not null,
    scope_id      varchar(64),
    period        varchar(16) not null,
    threshold     numeric     not null,
    last_position bigint      not null,
    primary key (school_id, target_id)
);

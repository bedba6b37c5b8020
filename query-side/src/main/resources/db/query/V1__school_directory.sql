-- The school directory projection (processing group "school-directory").
create table qs_school (
    school_id        varchar(64)  primary key,
    name             varchar(200) not null,
    education_levels text[]       not null,
    authority_id     varchar(64),
    registered_at    timestamptz  not null,
    updated_at       timestamptz  not null,
    last_position    bigint       not null
);
create index qs_school_authority on qs_school (authority_id);

-- The school-supervision projection (processing group "school-supervision"): which authority each
-- school reports to in each school year, one row per stretch; from_school_year null is "since
-- before any year named", until_school_year null "still". Schools whose authority never changed
-- have one stretch.
create table qs_school_supervision (
    school_id         varchar(64) not null,
    stretch           int         not null,
    from_school_year  varchar(9),
    until_school_year varchar(9),
    authority_id      varchar(64),
    last_position     bigint      not null,
    primary key (school_id, stretch)
);
create index qs_school_supervision_authority on qs_school_supervision (authority_id);

-- The Circular 16 projection (processing group "circular-16"): what schools declared of their
-- library per school year, and the thresholds authorities set per school year. Everything else
-- the evaluation needs is read, when asked, from the projections that keep it (copies, patrons,
-- classes, loans, reading activities, stocktakes), so that the evaluation is live.
create table qs_library_profile (
    school_id       varchar(64) not null,
    school_year     varchar(9)  not null,
    reading_room_m2 numeric     not null,
    seats           integer     not null,
    last_position   bigint      not null,
    primary key (school_id, school_year)
);

-- The declared criteria of a profile, written again in full with it.
create table qs_library_profile_criterion (
    school_id    varchar(64) not null,
    school_year  varchar(9)  not null,
    criterion_id varchar(50) not null,
    met          boolean     not null,
    evidence     text[]      not null,
    primary key (school_id, school_year, criterion_id)
);

create table qs_circular16_thresholds (
    authority_id           varchar(64) not null,
    school_year            varchar(9)  not null,
    -- {"PRIMARY": 4, ...}: education levels and numbers only
    copies_per_student_l2  jsonb       not null,
    copies_per_teacher_l2  jsonb       not null,
    activities_per_month   integer     not null,
    counted_doc_types      text[]      not null,
    last_position          bigint      not null,
    primary key (authority_id, school_year)
);

-- what the evaluation counts per school and school year
create index qs_loan_borrowed on qs_loan (school_id, borrowed_at);
create index qs_stocktake_started on qs_stocktake (school_id, started_at);

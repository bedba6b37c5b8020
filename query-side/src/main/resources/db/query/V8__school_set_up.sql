-- The school set-up projection (processing group "school-set-up"): each school year's calendar
-- and the loan policies a school has set (the defaults are not stored: the view adds them).
create table qs_school_year (
    school_id     varchar(64) not null,
    school_year   varchar(9)  not null,
    starts_on     date        not null,
    ends_on       date        not null,
    -- [{number, startsOn, endsOn}]: set again in full with the year
    semesters     jsonb       not null,
    closed_days   text[]      not null,
    last_position bigint      not null,
    primary key (school_id, school_year)
);

create table qs_loan_policy (
    school_id        varchar(64) not null,
    category         varchar(16) not null,
    loan_days        integer     not null,
    max_loans        integer     not null,
    max_renewals     integer     not null,
    hold_pickup_days integer     not null,
    last_position    bigint      not null,
    primary key (school_id, category)
);

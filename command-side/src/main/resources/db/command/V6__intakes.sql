-- The intakes (deliveries of books) a school has received: a copy accessioned in one names it.
create table cmd_intake (
    school_id varchar(64) not null,
    intake_id uuid        not null,
    primary key (school_id, intake_id)
);

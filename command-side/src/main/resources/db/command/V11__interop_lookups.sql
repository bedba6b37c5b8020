-- Lookup tables of liên thông, written with their events as the other lookups are (V2):
-- the schools of each group with the group's level of sharing, for "do these two schools lend to
-- each other"; each inter-library loan request's two schools, to find it from either side's path;
-- the copies of other libraries now at a school's desk, to lend them there by barcode.
create table cmd_interop_member (
    group_id  varchar(64) not null,
    school_id varchar(64) not null,
    sharing   varchar(16) not null,
    primary key (group_id, school_id)
);
create index cmd_interop_member_school on cmd_interop_member (school_id);

create table cmd_interlibrary_loan (
    request_id        uuid        primary key,
    borrowing_school_id varchar(64) not null,
    lending_school_id   varchar(64) not null
);

create table cmd_partner_copy (
    holder_school_id varchar(64) not null,
    barcode          varchar(32) not null,
    owner_school_id  varchar(64) not null,
    primary key (holder_school_id, barcode)
);

-- A copy away from its library is not on its shelf, for the hold rules as for the desk.
alter table cmd_copy add column away boolean not null default false;
-- The library whose copy an open loan lent, when it is not the lending desk's own (a partner's copy).
alter table cmd_open_loan add column owner_school_id varchar(64);

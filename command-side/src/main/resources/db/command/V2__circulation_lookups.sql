-- Lookup tables of the command side, written by the subscribing "circulation-lookups"
-- processor in the same transaction as the events they follow. Commands read them for
-- decisions that span many aggregates (a patron's open loans, a title's copies on the shelf,
-- the school calendar) and lock a patron's row so that two desks serving the same patron
-- decide one after the other. Queries never read them: the query side has its own tables.
create table cmd_school (
    school_id varchar(64) primary key
);

create table cmd_school_year (
    school_id   varchar(64) not null,
    school_year varchar(9)  not null,
    starts_on   date        not null,
    ends_on     date        not null,
    closed_days date[]      not null,
    primary key (school_id, school_year)
);

create table cmd_loan_policy (
    school_id        varchar(64) not null,
    category         varchar(16) not null,
    loan_days        integer     not null,
    max_loans        integer     not null,
    max_renewals     integer     not null,
    hold_pickup_days integer     not null,
    primary key (school_id, category)
);

create table cmd_class (
    school_id   varchar(64) not null,
    class_id    varchar(32) not null,
    school_year varchar(9)  not null,
    primary key (school_id, class_id)
);

create table cmd_patron (
    school_id varchar(64) not null,
    patron_id varchar(32) not null,
    category  varchar(16) not null,
    active    boolean     not null,
    primary key (school_id, patron_id)
);

-- A patron's class over time: the class on a date is the latest row effective on or before it.
create table cmd_patron_class (
    school_id    varchar(64) not null,
    patron_id    varchar(32) not null,
    effective_on date        not null,
    class_id     varchar(32),
    primary key (school_id, patron_id, effective_on)
);

create table cmd_title (
    school_id varchar(64) not null,
    title_id  uuid        not null,
    primary key (school_id, title_id)
);

create table cmd_copy (
    school_id varchar(64) not null,
    barcode   varchar(32) not null,
    title_id  uuid        not null,
    loanable  boolean     not null,
    withdrawn boolean     not null default false,
    on_loan   boolean     not null default false,
    primary key (school_id, barcode)
);
create index cmd_copy_title on cmd_copy (school_id, title_id);

create table cmd_open_loan (
    school_id      varchar(64) not null,
    loan_id        uuid        primary key,
    barcode        varchar(32) not null,
    patron_id      varchar(32) not null,
    due_on         date        not null,
    overdue_marked boolean     not null default false
);
create index cmd_open_loan_patron on cmd_open_loan (school_id, patron_id);
create index cmd_open_loan_due on cmd_open_loan (due_on) where not overdue_marked;

create table cmd_hold_shelf (
    school_id varchar(64) not null,
    hold_id   uuid        primary key,
    title_id  uuid        not null,
    barcode   varchar(32) not null,
    pickup_by date        not null
);
create index cmd_hold_shelf_pickup on cmd_hold_shelf (pickup_by);
create index cmd_hold_shelf_copy on cmd_hold_shelf (school_id, barcode);

-- Every hold ever placed, to find a hold's title from its id alone (DELETE /holds/{holdId}).
create table cmd_hold (
    school_id varchar(64) not null,
    hold_id   uuid        primary key,
    title_id  uuid        not null
);

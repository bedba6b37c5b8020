-- The copies projection (processing group "copy-status"): each copy's status with its current loan
-- or hold, and the title name it was accessioned under.
create table qs_copy (
    school_id         varchar(64) not null,
    barcode           varchar(32) not null,
    title_id          uuid        not null,
    title             text        not null,
    doc_type          varchar(32) not null,
    loanable          boolean     not null,
    acquired_on       date,
    source            text,
    status            varchar(16) not null,
    loan_id           uuid,
    patron_id         varchar(32),
    borrowed_at       timestamptz,
    due_on            date,
    hold_id           uuid,
    hold_patron_id    varchar(32),
    pickup_by         date,
    withdrawn_on      date,
    withdrawal_reason text,
    state_position    bigint      not null,
    primary key (school_id, barcode)
);

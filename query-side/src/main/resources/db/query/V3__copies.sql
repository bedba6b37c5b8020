-- Each copy with the title name it was accessioned under, kept by the catalogue projection
-- (processing group "catalogue"). A copy is on loan while its loan is open: that status is read
-- from qs_loan (see vn.motsach.query.copies.CopyState) rather than written to the copy at every
-- checkout, renewal and return; the copy keeps what only the catalogue knows: on the shelf, on
-- the hold shelf for a hold, or withdrawn. Rarely updated, so its pages keep no free room.
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
    hold_id           uuid,
    hold_patron_id    varchar(32),
    pickup_by         date,
    withdrawn_on      date,
    withdrawal_reason text,
    state_position    bigint      not null,
    primary key (school_id, barcode)
);
-- a title's copies: counted for a page of titles, gathered when a title is catalogued
create index qs_copy_title on qs_copy (school_id, title_id);
-- A barcode is matched whole, ignoring case, not by search words: words would make accession
-- numbers that differ only in their hyphens the same ('TK-12-0', 'TK-120', 'TK-1-20'). Accession
-- numbers are ASCII (letters, digits and . _ / -), so lower() folds them the same in every locale.
create index qs_copy_barcode_folded on qs_copy (school_id, lower(barcode));

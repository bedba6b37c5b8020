-- A copy is on loan while its loan is open: its status is read from the loans' table rather than
-- written to the copy as well at every checkout, renewal and return, which were the most of the
-- rows circulation rewrote (see vn.motsach.query.copies.CopyState). The catalogue keeps what only
-- it knows: a copy on the shelf, on the hold shelf for a hold, or withdrawn.

-- a copy's open loan, found from the copy
create index qs_loan_open_copy on qs_loan (school_id, barcode) where returned_at is null;

-- the catalogue no longer hears of returns: a copy it kept as on loan is on the shelf unless
-- its loan is open
update qs_copy set status = 'AVAILABLE' where status = 'ON_LOAN';
alter table qs_copy drop column loan_id, drop column patron_id, drop column borrowed_at, drop column due_on;

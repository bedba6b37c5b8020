-- The registers (sổ đăng ký cá biệt) list copies in the order they were entered, which is the
-- order of their accession events: the catalogue keeps that position with each copy. Rows of
-- events stored before are filled in by the next rebuild of the catalogue; until then they come
-- first, by accession number.
alter table qs_copy add column accession_position bigint;
create index qs_copy_register on qs_copy (school_id, accession_position, barcode);

-- The number of the decision a copy was withdrawn under (quyết định thanh lý), when the
-- withdrawal named one: the registers write it on the copy's line and group withdrawals by it.
alter table qs_copy add column withdrawal_decision_no text;

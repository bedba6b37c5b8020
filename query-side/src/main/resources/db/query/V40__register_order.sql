-- The registers (sổ đăng ký cá biệt) list copies in the order they were entered, which is the
-- order of their accession events: the catalogue keeps that position with each copy. Rows of
-- events stored before are filled in by the next rebuild of the catalogue; until then they come
-- first, by accession number.
alter table qs_copy add column accession_position bigint;
create index qs_copy_register on qs_copy (school_id, accession_position, barcode);

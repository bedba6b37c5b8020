-- The position of the last correction of a copy's details (CopyDetailsRevised), so that a
-- correction seen again after a newer one changes nothing; null until the first.
alter table qs_copy add column details_position bigint;

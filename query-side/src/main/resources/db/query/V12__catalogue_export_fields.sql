-- What the catalogue's export writes besides what the catalogue already showed, so that a
-- catalogue exported and imported again is the same: a title's edition and its source record's
-- control number, a copy's call number (its price came with the intakes, V11). Rows of events stored before are filled in by
-- the next rebuild of the catalogue.
alter table qs_catalogue_title add column edition text;
alter table qs_catalogue_title add column control_number text;
alter table qs_copy add column call_number text;

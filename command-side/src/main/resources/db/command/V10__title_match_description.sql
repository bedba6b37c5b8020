-- What a title's description is (a digest of it), so that a catalogue import tells a record that
-- changes a matched title from one that does not without loading the title; kept with the events.
-- Titles described before this column have none: an import asks the title itself once.
alter table cmd_title_match add column description_digest varchar(64);

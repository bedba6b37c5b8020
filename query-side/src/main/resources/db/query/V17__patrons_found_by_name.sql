-- Patrons found by the words of their name or id, as titles are: folded like the catalogue's
-- documents (case, diacritics, đ), so that "nguyen van an" finds "Nguyễn Văn An". The document
-- is a generated column: the projection's writes stay as they are, a rebuild's copy of the table
-- (LIKE ... INCLUDING ALL) computes it the same way, and the list searches it through its index.
alter table qs_patron
    add column search_doc tsvector
        generated always as (to_tsvector('simple', qs_words(full_name || ' ' || patron_id))) stored;
create index qs_patron_search on qs_patron using gin (school_id, search_doc);

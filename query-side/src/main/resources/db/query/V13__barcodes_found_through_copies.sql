-- Barcodes leave the titles' search documents: a search finds them among the copies instead.
-- Each accession rewrote its title's row and search document, so that a textbook's document
-- grew with every copy and held barcodes of copies long withdrawn; accessioning was most of
-- what a catalogue rebuild wrote. A copy's barcode words are now indexed on the copy itself,
-- with its school, and a title is found through any of its copies still in the collection.
-- The document's fields were joined with ' ; ', which the search words turn into one space:
-- they are joined with that space instead, so that a list of names takes the search words'
-- short way for plain words (V11) too, and the words come out the same.
do $migration$
declare
    here text := current_schema();
begin
    execute format($f$
        create or replace function %1$I.qs_catalogue_doc(title text, authors text[], subjects text[], isbn text)
            returns tsvector
            language plpgsql immutable parallel safe
        as $$ begin
            return setweight(to_tsvector('simple', coalesce(%1$I.qs_words(title), '')), 'A')
                || setweight(to_tsvector('simple', coalesce(%1$I.qs_words(array_to_string(authors, ' ')), '')), 'B')
                || setweight(to_tsvector('simple', coalesce(%1$I.qs_words(array_to_string(subjects, ' ')), '')), 'C')
                || setweight(to_tsvector('simple', coalesce(%1$I.qs_words(isbn), '')), 'D');
        end $$ $f$, here);
end $migration$;

drop function qs_catalogue_doc(text, text[], text[], text, text);

update qs_catalogue_title set search_doc = qs_catalogue_doc(title, authors, subjects, isbn);

create index qs_copy_barcode_words on qs_copy using gin (school_id, to_tsvector('simple', qs_words(barcode)));

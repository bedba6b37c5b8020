-- Search documents, built with the same words for less work. Most titles, names and subjects
-- fold to words of letters and digits between single spaces, which the two regular expressions
-- would give back unchanged, yet each costs about 5 µs per field, most of a title's document
-- and of a rebuild's catalogue. Such text now skips them; the expression for hyphens between
-- digits runs only on text with a hyphen. A document's fields were joined with ' ; ', which the
-- second expression turned into one space: they are joined with that space instead, so that a
-- list of names takes the short way too. Every document comes out as before.
do $migration$
declare
    here text := current_schema();
begin
    execute format($f$
        create or replace function %1$I.qs_words(t text) returns text
            language plpgsql immutable strict parallel safe
        as $$
        declare
            folded text := %1$I.qs_fold(t);
        begin
            if btrim(folded, 'abcdefghijklmnopqrstuvwxyz0123456789 ') = '' and strpos(folded, '  ') = 0 then
                return btrim(folded);
            end if;
            if strpos(folded, '-') > 0 then
                folded := regexp_replace(folded, '([0-9])-(?=[0-9x])', '\1', 'g');
            end if;
            return btrim(regexp_replace(folded, '[^[:alnum:]]+', ' ', 'g'));
        end $$ $f$, here);
    execute format($f$
        create or replace function %1$I.qs_catalogue_doc(title text, authors text[], subjects text[], isbn text, barcodes text)
            returns tsvector
            language plpgsql immutable parallel safe
        as $$ begin
            return setweight(to_tsvector('simple', coalesce(%1$I.qs_words(title), '')), 'A')
                || setweight(to_tsvector('simple', coalesce(%1$I.qs_words(array_to_string(authors, ' ')), '')), 'B')
                || setweight(to_tsvector('simple', coalesce(%1$I.qs_words(array_to_string(subjects, ' ')), '')), 'C')
                || setweight(to_tsvector('simple',
                                         coalesce(%1$I.qs_words(coalesce(isbn, '') || ' ' || coalesce(barcodes, '')), '')), 'D');
        end $$ $f$, here);
end $migration$;

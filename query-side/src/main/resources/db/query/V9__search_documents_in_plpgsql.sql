-- The functions that build search documents, in PL/pgSQL with their schemas written in rather
-- than a pinned search path. As SQL functions they cannot be inlined (unaccent is only stable),
-- so every call from another function planned its body again, and each pinned search path cost
-- a configuration change per call: one title's document took about 0.3 ms, the largest cost of
-- a projection rebuild. PL/pgSQL keeps its plans for the session; qualified names resolve the
-- same whatever the caller's search path (the rebuild writes from another schema).
do $migration$
declare
    here text := current_schema();
    dictionaries text := (select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace
                          where e.extname = 'unaccent');
begin
    execute format($f$
        create or replace function %1$I.qs_fold(t text) returns text
            language plpgsql immutable strict parallel safe
        as $$ begin return translate(lower(%2$I.unaccent(%3$L::regdictionary, t)), 'đ', 'd'); end $$ $f$,
        here, dictionaries, quote_ident(dictionaries) || '.unaccent');
    execute format($f$
        create or replace function %1$I.qs_words(t text) returns text
            language plpgsql immutable strict parallel safe
        as $$ begin
            return btrim(regexp_replace(regexp_replace(%1$I.qs_fold(t), '([0-9])-(?=[0-9x])', '\1', 'g'),
                                        '[^[:alnum:]]+', ' ', 'g'));
        end $$ $f$, here);
    execute format($f$
        create or replace function %1$I.qs_catalogue_doc(title text, authors text[], subjects text[], isbn text, barcodes text)
            returns tsvector
            language plpgsql immutable parallel safe
        as $$ begin
            return setweight(to_tsvector('simple', coalesce(%1$I.qs_words(title), '')), 'A')
                || setweight(to_tsvector('simple', coalesce(%1$I.qs_words(array_to_string(authors, ' ; ')), '')), 'B')
                || setweight(to_tsvector('simple', coalesce(%1$I.qs_words(array_to_string(subjects, ' ; ')), '')), 'C')
                || setweight(to_tsvector('simple',
                                         coalesce(%1$I.qs_words(coalesce(isbn, '') || ' ' || coalesce(barcodes, '')), '')), 'D');
        end $$ $f$, here);
end $migration$;

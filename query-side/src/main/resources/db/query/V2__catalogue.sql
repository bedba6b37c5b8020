-- The catalogue projection (processing group "catalogue"): titles with their search documents.
-- Its copies are in qs_copy (V3), which the same projection keeps; a title's copy counts are
-- counted from there when a page of titles is read, so that a checkout or a return never
-- rewrites a title's row and its search document.
create extension if not exists unaccent;
create extension if not exists btree_gin;

-- The functions that build search documents are PL/pgSQL with their schemas written in, rather
-- than SQL functions with a pinned search path: an SQL function calling unaccent (only stable)
-- cannot be inlined, so each call from another function would plan its body again, and a pinned
-- search path costs a configuration change per call. PL/pgSQL keeps its plans for the session,
-- and qualified names resolve the same whatever the caller's search path (a rebuild writes from
-- another schema). They are declared immutable, although unaccent is only stable (its rules file
-- could change), so that they can build stored documents and generated columns.
do $migration$
declare
    here text := current_schema();
    dictionaries text := (select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace
                          where e.extname = 'unaccent');
begin
    -- Folds case and Vietnamese diacritics: 'Đường' -> 'duong'. unaccent folds đ/Đ in PostgreSQL's
    -- own rules file, but not in every distribution's, hence the explicit translate.
    execute format($f$
        create function %1$I.qs_fold(t text) returns text
            language plpgsql immutable strict parallel safe
        as $$ begin return translate(lower(%2$I.unaccent(%3$L::regdictionary, t)), 'đ', 'd'); end $$ $f$,
        here, dictionaries, quote_ident(dictionaries) || '.unaccent');

    -- The words of a text as search sees them: folded, hyphens inside numbers dropped (so that an
    -- ISBN typed 978-604-... matches one stored without them), anything else not a letter or a
    -- digit a separator. Most titles, names and subjects fold to plain words between single
    -- spaces, which the regular expressions would give back unchanged at a cost larger than the
    -- rest of the document's: such text skips them, and the one for hyphens runs only on text
    -- with a hyphen.
    execute format($f$
        create function %1$I.qs_words(t text) returns text
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

    -- A title's search document: title (weight A), authors (B), subjects (C), ISBN (D). Barcodes
    -- are not in it: a search finds them among the copies (qs_copy), so that accessioning a copy
    -- never rewrites its title's document. A list's items are joined by one space, which is what
    -- the search words make of any separator, so that a list of plain names takes the short way.
    execute format($f$
        create function %1$I.qs_catalogue_doc(title text, authors text[], subjects text[], isbn text)
            returns tsvector
            language plpgsql immutable parallel safe
        as $$ begin
            return setweight(to_tsvector('simple', coalesce(%1$I.qs_words(title), '')), 'A')
                || setweight(to_tsvector('simple', coalesce(%1$I.qs_words(array_to_string(authors, ' ')), '')), 'B')
                || setweight(to_tsvector('simple', coalesce(%1$I.qs_words(array_to_string(subjects, ' ')), '')), 'C')
                || setweight(to_tsvector('simple', coalesce(%1$I.qs_words(isbn), '')), 'D');
        end $$ $f$, here);
end $migration$;

-- The query for the words of q: every word, restricted to weight w ('' = anywhere), joined by AND
-- or, for a phrase, by FOLLOWED BY. The last word also matches as a prefix when it has four
-- letters or more (the reader may still be typing); shorter prefixes would match most of the
-- catalogue, Vietnamese syllables being short.
create function qs_catalogue_query(q text, w text, phrase boolean) returns tsquery
    language sql immutable strict parallel safe
    set search_path from current
as $$ select string_agg(quote_literal(word) || ':' || case when n = total and length(word) >= 4 then '*' else '' end || w,
                        case when phrase then ' <-> ' else ' & ' end order by n)::tsquery
      from (select word, n, count(*) over () as total
            from regexp_split_to_table(qs_words(q), ' ') with ordinality as s(word, n)
            where word <> '') as words $$;

create table qs_catalogue_title (
    school_id        varchar(64)  not null,
    title_id         uuid         not null,
    title            text         not null,
    authors          text[]       not null,
    isbn             varchar(32),
    publisher        text,
    published_year   integer,
    classification   text,
    subjects         text[]       not null,
    doc_type         varchar(32)  not null,
    language         varchar(16),
    catalogued_at    timestamptz  not null,
    sort_key         text         not null,
    search_doc       tsvector     not null,
    last_position    bigint       not null,
    primary key (school_id, title_id)
);
-- school first, so that one school's search never walks another school's postings
create index qs_catalogue_title_search on qs_catalogue_title using gin (school_id, search_doc);
create index qs_catalogue_title_sorted on qs_catalogue_title (school_id, sort_key, title_id);

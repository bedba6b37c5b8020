-- The catalogue projection (processing group "catalogue"): titles with their search document
-- and copy counts, and the copies' statuses as this projection sees them.
create extension if not exists unaccent;
create extension if not exists btree_gin;

-- Folds case and Vietnamese diacritics: 'Đường' -> 'duong'. unaccent folds đ/Đ in PostgreSQL's
-- own rules file, but not in every distribution's, hence the explicit translate. Declared
-- immutable (unaccent itself is only stable, as its rules file could change) so that it can
-- build stored search documents; the search path is pinned so that it resolves the same
-- dictionary whatever the caller's search path (the rebuild writes from another schema).
create function qs_fold(t text) returns text
    language sql immutable strict parallel safe
    set search_path from current
as $$ select translate(lower(unaccent('unaccent', t)), 'đ', 'd') $$;

-- The words of a text as search sees them: folded, hyphens inside numbers dropped (so that an
-- ISBN typed 978-604-... matches one stored without them), anything else not a letter or a
-- digit a separator.
create function qs_words(t text) returns text
    language sql immutable strict parallel safe
    set search_path from current
as $$ select btrim(regexp_replace(regexp_replace(qs_fold(t), '([0-9])-(?=[0-9x])', '\1', 'g'),
                                  '[^[:alnum:]]+', ' ', 'g')) $$;

-- A title's search document: title (weight A), authors (B), subjects (C), ISBN and barcodes (D).
create function qs_catalogue_doc(title text, authors text[], subjects text[], isbn text, barcodes text)
    returns tsvector
    language sql immutable parallel safe
    set search_path from current
as $$ select setweight(to_tsvector('simple', coalesce(qs_words(title), '')), 'A')
          || setweight(to_tsvector('simple', coalesce(qs_words(array_to_string(authors, ' ; ')), '')), 'B')
          || setweight(to_tsvector('simple', coalesce(qs_words(array_to_string(subjects, ' ; ')), '')), 'C')
          || setweight(to_tsvector('simple', coalesce(qs_words(coalesce(isbn, '') || ' ' || coalesce(barcodes, '')), '')), 'D') $$;

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
    total_copies     integer      not null default 0,
    available_copies integer      not null default 0,
    last_position    bigint       not null,
    primary key (school_id, title_id)
);
-- school first, so that one school's search never walks another school's postings
create index qs_catalogue_title_search on qs_catalogue_title using gin (school_id, search_doc);
create index qs_catalogue_title_sorted on qs_catalogue_title (school_id, sort_key, title_id);

create table qs_catalogue_copy (
    school_id      varchar(64) not null,
    barcode        varchar(32) not null,
    title_id       uuid        not null,
    status         varchar(16) not null,
    loanable       boolean     not null,
    hold_id        uuid,
    state_position bigint      not null,
    primary key (school_id, barcode)
);
create index qs_catalogue_copy_title on qs_catalogue_copy (school_id, title_id);

-- The work a catalogue title belongs to in a liên thông group's union catalogue (issue 21): its
-- ISBN's digits, or else its title, first author and year without case, diacritics and
-- punctuation. Kept with the title, computed once when the title is written, rather than for
-- every title a union search matches. Written as V2's functions are (PL/pgSQL, its schema
-- written in) so that it can compute a generated column whatever the writer's search path.
do $migration$
declare
    here text := current_schema();
begin
    execute format($f$
        create function %1$I.qs_catalogue_work(isbn text, title text, first_author text, published_year integer)
            returns text
            language plpgsql immutable parallel safe
        as $$
        declare
            digits text := regexp_replace(lower(coalesce(isbn, '')), '[^0-9x]', '', 'g');
        begin
            if digits <> '' then
                return 'isbn:' || digits;
            end if;
            return 'work:' || %1$I.qs_words(title) || '|' || coalesce(%1$I.qs_words(first_author), '') || '|'
                || coalesce(published_year::text, '');
        end $$ $f$, here);
end $migration$;

alter table qs_catalogue_title
    add column work text generated always as (qs_catalogue_work(isbn, title, authors[1], published_year)) stored;

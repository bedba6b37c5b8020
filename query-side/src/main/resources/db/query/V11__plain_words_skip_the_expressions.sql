-- Search words, the same for less work. Most titles, names and subjects fold to words of
-- letters and digits between single spaces, which the two regular expressions would give back
-- unchanged, yet each costs about 5 µs per field, most of a title's document and of a
-- rebuild's catalogue. Such text now skips them; the expression for hyphens between digits runs
-- only on text with a hyphen. Every document comes out as before.
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
end $migration$;

-- A barcode is matched whole, ignoring case, rather than by its search words. Words made
-- accession numbers that differ only in their hyphens the same ('TK-12-0', 'TK-120' and
-- 'TK-1-20' were all the words 'tk 120'), so that scanning one found the titles of the others;
-- and computing them (folding, two regular expressions) for every copy was most of what
-- building the index and analysing the copies cost a rebuild. Accession numbers are ASCII
-- (letters, digits and . _ / -), so lower() folds them the same under every locale.
drop index qs_copy_barcode_words;

create index qs_copy_barcode_folded on qs_copy (school_id, lower(barcode));

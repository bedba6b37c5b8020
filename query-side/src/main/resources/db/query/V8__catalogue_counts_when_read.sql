-- A title's copy counts are counted from its copies when a page of titles is read: kept on the
-- title row, they made every checkout and return rewrite that row and its search document.
alter table qs_catalogue_title drop column total_copies, drop column available_copies;
